from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from training import admin_views
from training.models import StaffProfile, Unit


class InReachViewSetMixin:
    """Every screen of these viewsets lists or opens only what is within the user's reach."""

    edit_view_class = admin_views.InReachEditView
    delete_view_class = admin_views.InReachDeleteView
    inspect_view_class = admin_views.InReachInspectView
    history_view_class = admin_views.InReachHistoryView
    usage_view_class = admin_views.InReachUsageView
    copy_view_enabled = False
    inspect_view_enabled = True


class UnitViewSet(InReachViewSetMixin, ModelViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Units")
    index_view_class = admin_views.InReachIndexView
    add_view_class = admin_views.UnitCreateView
    list_display = ["name", "code", Column("get_kind_display", label=_("Kind")), "depth"]
    list_filter = ["kind"]
    list_export = ["name", "code", "kind", "depth"]
    search_fields = ["name", "code", "name_folded"]
    ordering = ["path"]
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return admin_views.UnitForm


class StaffViewSet(InReachViewSetMixin, ModelViewSet):
    model = StaffProfile
    icon = "group"
    menu_label = _("Staff")
    index_view_class = admin_views.StaffIndexView
    add_view_class = admin_views.StaffCreateView
    list_display = [
        Column("user", label=_("Full name")),
        Column("user.username", label=_("Staff code")),
        "unit",
        Column("get_position_display", label=_("Position")),
        Column("get_school_level_display", label=_("School level")),
    ]
    list_filter = ["position", "school_level", "employment_status"]
    list_export = ["user.full_name", "user.username", "user.email", "unit.name", "position"]
    export_headings = {
        "user.full_name": _("Full name"),
        "user.username": _("Staff code"),
        "user.email": _("E-mail"),
        "unit.name": _("Unit"),
        "position": _("Position"),
    }
    search_fields = ["user__name_folded"]
    ordering = ["user__name_sort"]

    def get_form_class(self, for_update=False):
        return admin_views.StaffEditForm if for_update else admin_views.StaffCreateForm


class OrganisationGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 300
    items = (UnitViewSet("units"), StaffViewSet("staff"))


@hooks.register("register_admin_viewset")
def register_organisation():
    return OrganisationGroup()


@hooks.register("register_log_actions")
def register_training_log_actions(actions):
    actions.register_action(
        "hoctap.password_change", _("Change password"), _("Changed their password")
    )
