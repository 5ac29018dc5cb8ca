"""The open resource library (tài nguyên giáo dục mở): an index page and its resources."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.blocks import ContentBlock
from courses.search import FoldedSearchMixin, folded_search_field
from courses.text import nfc, words

ERROR_ATTRIBUTION_NEEDS_AUTHOR = _(
    "The licence “%(licence)s” requires attribution: give the author or the source."
)
ERROR_PERMISSION_NEEDS_HOLDER = _(
    "Name who gave permission to use this resource, as its author or its source."
)
ERROR_LANGUAGE_REQUIRED = _("Choose at least one language.")


class ResourceIndexPage(FoldedSearchMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [folded_search_field()]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["courses.ResourcePage"]
    template = "courses/resource_index_page.html"

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import ResourceFilters, resource_search

        context = super().get_context(request, *args, **kwargs)
        filters = ResourceFilters.from_query(request.GET)
        context["filters"] = filters
        context["search"] = resource_search(
            index=self, filters=filters, page=request.GET.get("page")
        )
        return context


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourcePage(FoldedSearchMixin, RoutablePageMixin, Page):
    """A resource of the open library. `search_text` holds the folded words (courses.text.words)
    of its title, summary, body, people, subjects and tags, which the library's search matches;
    it is refreshed in clean(), which Wagtail runs whenever the page is saved or published."""

    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(ContentBlock(), verbose_name=_("body"), blank=True)
    resource_type = models.ForeignKey(
        "courses.ResourceType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("resource type"),
    )
    video_url = models.URLField(
        _("video address"), blank=True, help_text=_("A YouTube or similar address to embed.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    subjects = ParentalManyToManyField(
        "courses.Subject", blank=True, related_name="resources", verbose_name=_("subjects")
    )
    levels = ParentalManyToManyField(
        "courses.SchoolLevel", blank=True, related_name="resources", verbose_name=_("school levels")
    )
    grades = ParentalManyToManyField(
        "courses.Grade", blank=True, related_name="resources", verbose_name=_("grades")
    )
    languages = ParentalManyToManyField(
        "courses.Language", related_name="resources", verbose_name=_("languages")
    )
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True, verbose_name=_("tags"))
    licence = models.ForeignKey(
        "courses.Licence",
        on_delete=models.PROTECT,
        related_name="resources",
        verbose_name=_("licence"),
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    source_name = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where it comes from, e.g. Bộ GD&ĐT.")
    )
    original_url = models.URLField(_("original address"), blank=True)
    search_text = models.TextField(editable=False, default="")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("resource_type"),
        FieldPanel("cover_image"),
        FieldPanel("video_url"),
        InlinePanel("files", label=_("Files")),
        FieldPanel("body"),
    ]
    description_panels = [
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("grades", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("licence"),
                FieldPanel("author"),
                FieldPanel("source_name"),
                FieldPanel("original_url"),
            ],
            heading=_("Licence and attribution"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(description_panels, heading=_("Description and licence")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("resource_type"),
        index.FilterField("licence"),
        folded_search_field(),
    ]
    parent_page_types = ["courses.ResourceIndexPage"]
    subpage_types = []
    template = "courses/resource_page.html"

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        self.author, self.source_name = nfc(self.author), nfc(self.source_name)
        errors = {}
        licence = self.licence if self.licence_id else None
        if licence and licence.requires_attribution and not (self.author or self.source_name):
            errors["author"] = ERROR_ATTRIBUTION_NEEDS_AUTHOR % {"licence": licence}
        if licence and licence.needs_permission and not (self.author or self.source_name):
            errors["source_name"] = ERROR_PERMISSION_NEEDS_HOLDER
        if not self.languages.all():
            errors["languages"] = ERROR_LANGUAGE_REQUIRED
        if errors:
            raise ValidationError(errors)
        self.search_text = self.build_search_text()

    def build_search_text(self) -> str:
        parts = [self.title, self.summary, self.author, self.source_name]
        parts += self.body.stream_block.get_searchable_content(self.body) if self.body else []
        parts += [subject.name for subject in self.subjects.all()]
        parts += [tag.name for tag in self.tags.all()]
        # Space-delimited folded words, so that a search word matches only at a word start.
        return " " + " ".join(words(" ".join(part for part in parts if part))) + " "

    @path("tai-ve/<int:document_id>/", name="download")
    def download(self, request, document_id):
        """Count a download of one of this resource's files, then send the reader to the
        file through Wagtail's document serve view."""
        from courses.services import resource_download_record

        attached = self.files.filter(document_id=document_id).select_related("document").first()
        if attached is None:
            raise Http404
        if request.method == "GET":
            resource_download_record(page=self, document=attached.document)
        return HttpResponseRedirect(attached.document.url)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import resource_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_detail(page=self, request=request))
        return context


class ResourceFile(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("link text"), max_length=255, blank=True, help_text=_("Leave empty to use its title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def label(self) -> str:
        return self.title or self.document.title


class ResourceDownload(models.Model):
    """How many times a file of a resource was downloaded. Kept outside the page (and its
    revisions) so that publishing a new revision never resets a count."""

    page = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(fields=["page", "document"], name="resource_download_unique")
        ]

    def __str__(self):
        return f"{self.page_id}/{self.document_id}: {self.count}"
