"""Admin for the managed lists and the professional standards (Snippets), and the rich text
features the content pages use."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from courses.exports import SafeSpreadsheetExportMixin
from courses.forms import CriterionForm
from courses.models import (
    Criterion,
    Framework,
    Grade,
    Language,
    Licence,
    ResourceType,
    SchoolLevel,
    Standard,
    Subject,
)


class SafeIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The snippets' listing, exported through the one export path."""


class _ReferenceViewSet(SnippetViewSet):
    list_display = ["name", "code", "sort_order"]
    list_export = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
    copy_view_enabled = False
    index_view_class = SafeIndexView


class SubjectViewSet(_ReferenceViewSet):
    model = Subject
    icon = "tag"


class ResourceTypeViewSet(_ReferenceViewSet):
    model = ResourceType
    icon = "doc-full"


class SchoolLevelViewSet(_ReferenceViewSet):
    model = SchoolLevel
    icon = "group"


class GradeViewSet(_ReferenceViewSet):
    model = Grade
    icon = "list-ol"
    list_display = ["name", "code", "level", "sort_order"]
    list_export = ["name", "code", "level", "sort_order"]
    list_filter = ["level"]


class LanguageViewSet(_ReferenceViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "native_name", "tag", "code"]
    list_export = ["name", "native_name", "tag", "code", "sort_order"]


class LicenceViewSet(_ReferenceViewSet):
    model = Licence
    icon = "copy"
    list_display = ["short_name", "name", "attribution", BooleanColumn("is_open")]
    list_export = ["short_name", "name", "code", "url", "attribution", "is_open"]
    list_filter = ["attribution", "is_open"]
    search_fields = ["name", "short_name", "code"]


class LibraryListsGroup(SnippetViewSetGroup):
    menu_label = _("Library lists")
    menu_icon = "list-ul"
    menu_order = 310
    items = (
        ResourceTypeViewSet,
        SubjectViewSet,
        SchoolLevelViewSet,
        GradeViewSet,
        LanguageViewSet,
        LicenceViewSet,
    )


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "clipboard-list"
    list_display = ["name", "code", "version", "legal_basis", "audience", "effective_from"]
    list_export = [
        "code",
        "version",
        "name",
        "legal_basis",
        "audience",
        "effective_from",
        "effective_to",
    ]
    list_filter = ["audience", "code"]
    search_fields = ["name", "legal_basis", "code"]
    search_backend_name = None
    copy_view_enabled = False
    index_view_class = SafeIndexView
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("version"), FieldPanel("audience")]),
        FieldPanel("name"),
        FieldPanel("legal_basis"),
        FieldRowPanel([FieldPanel("effective_from"), FieldPanel("effective_to")]),
        FieldPanel("notes"),
        InlinePanel("levels", label=_("Rating levels"), min_num=2),
    ]


class StandardViewSet(SnippetViewSet):
    model = Standard
    icon = "list-ol"
    list_display = [
        "name",
        "code",
        Column("framework", accessor="framework.code", label=_("framework")),
        BooleanColumn("confirmed"),
    ]
    list_export = ["framework", "code", "name", "description", "confirmed"]
    list_filter = ["framework", "confirmed"]
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["framework", "sort_order"]
    copy_view_enabled = False
    index_view_class = SafeIndexView
    panels = [
        FieldPanel("framework"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order"), FieldPanel("confirmed")]),
        FieldPanel("name"),
        FieldPanel("description"),
    ]

    def get_queryset(self, request):
        return Standard.objects.select_related("framework")


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "tick"
    list_display = [
        "name",
        "code",
        Column("framework", accessor="framework.code", label=_("framework")),
        "standard",
        BooleanColumn("confirmed"),
    ]
    list_export = ["framework", "standard", "code", "name", "description", "confirmed"]
    list_filter = ["framework", "confirmed"]
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["framework", "sort_order"]
    copy_view_enabled = False
    index_view_class = SafeIndexView
    edit_handler = ObjectList(
        [
            FieldPanel("standard"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order"), FieldPanel("confirmed")]),
            FieldPanel("name"),
            FieldPanel("description"),
        ],
        base_form_class=CriterionForm,
    )

    def get_queryset(self, request):
        return Criterion.objects.select_related("framework", "standard")


class StandardsGroup(SnippetViewSetGroup):
    menu_label = _("Professional standards")
    menu_icon = "clipboard-list"
    menu_order = 320
    items = (FrameworkViewSet, StandardViewSet, CriterionViewSet)


register_snippet(LibraryListsGroup)
register_snippet(StandardsGroup)
