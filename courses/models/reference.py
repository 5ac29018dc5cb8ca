"""Managed lists (reference data) the content is described with: school levels and grades,
subjects, resource types, languages and licences. Seeded by a data migration; editors keep them
in the admin (Snippets). Their `code` is what shareable URLs and data files use."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from courses.text import nfc


class ReferenceItem(index.Indexed, models.Model):
    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("Short, stable identifier used in addresses and data files."),
    )
    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.name = nfc(self.name)


class SchoolLevel(ReferenceItem):
    """Preschool, primary, lower and upper secondary, continuing education. The codes are the
    ones training's staff profiles use for `school_level`."""

    class Meta(ReferenceItem.Meta):
        verbose_name = _("school level")
        verbose_name_plural = _("school levels")


class Grade(ReferenceItem):
    level = models.ForeignKey(
        SchoolLevel, on_delete=models.PROTECT, related_name="grades", verbose_name=_("level")
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = _("grade")
        verbose_name_plural = _("grades")


class Subject(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        # A context: Wagtail's catalogs already translate "subject" as an e-mail's subject.
        verbose_name = pgettext_lazy("school subject", "subject")
        verbose_name_plural = _("subjects")


class ResourceType(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")


class Language(ReferenceItem):
    """A language a resource is written or spoken in. `tag` is its BCP 47 tag, published in
    the resource's structured data ("vi", "hnj", …)."""

    tag = models.CharField(
        _("language tag"),
        max_length=35,
        help_text=_("BCP 47 language tag, for example “vi” for Vietnamese."),
    )
    native_name = models.CharField(_("name in the language itself"), max_length=255, blank=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class AttributionRule(models.TextChoices):
    REQUIRED = "required", _("Attribution required (title, author, source, licence)")
    NOT_REQUIRED = "not_required", _("No attribution required (public domain, CC0)")
    PERMISSION = "permission", _("Used with the permission of the rights holder")


class Licence(ReferenceItem):
    """The terms a resource is shared under, and so the attribution line its page must show."""

    short_name = models.CharField(_("short name"), max_length=64, help_text=_("e.g. CC BY 4.0"))
    url = models.URLField(_("licence address"), blank=True)
    attribution = models.CharField(_("attribution"), max_length=16, choices=AttributionRule.choices)
    is_open = models.BooleanField(
        _("open licence"),
        default=True,
        help_text=_("Others may copy and share the resource under this licence."),
    )
    summary = models.TextField(
        _("what it allows"), blank=True, help_text=_("One or two sentences for readers.")
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self):
        return self.short_name or self.name

    @property
    def requires_attribution(self) -> bool:
        return self.attribution == AttributionRule.REQUIRED

    @property
    def needs_permission(self) -> bool:
        return self.attribution == AttributionRule.PERMISSION
