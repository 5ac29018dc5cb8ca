"""Professional standards as versioned data: a framework (e.g. Thông tư 20/2018/TT-BGDĐT, the
general-school teachers' standard) has standards, each with criteria, and the rating levels a
criterion is assessed on. Loaded from a data file by `manage.py load_standards` (see
courses.services.standards_load); a new version of a framework loads beside the old one.

For training: self-assessments rate a `Criterion` on one of its framework's `RatingLevel`s;
modules (courses.models.ModulePage.criteria) name the criteria they serve."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index


class FrameworkAudience(models.TextChoices):
    TEACHER = "teacher", _("Teachers")
    PRINCIPAL = "principal", _("Principals and vice-principals")
    OTHER = "other", _("Other")


class Framework(index.Indexed, ClusterableModel):
    code = models.CharField(
        _("code"), max_length=32, help_text=_("Short name of the standard, e.g. GVPT.")
    )
    version = models.CharField(
        _("version"), max_length=32, help_text=_("Usually the year of the legal basis.")
    )
    name = models.CharField(_("name"), max_length=255)
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, help_text=_("e.g. Thông tư 20/2018/TT-BGDĐT")
    )
    audience = models.CharField(_("audience"), max_length=16, choices=FrameworkAudience.choices)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("legal_basis"),
        index.AutocompleteField("name"),
        index.FilterField("audience"),
    ]

    class Meta:
        verbose_name = _("standards framework")
        verbose_name_plural = _("standards frameworks")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="framework_version_unique"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="framework_effective_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.legal_basis})"


class RatingLevel(Orderable):
    """A level a criterion is rated at: Chưa đạt / Đạt / Khá / Tốt, lowest first."""

    framework = ParentalKey(
        Framework, on_delete=models.CASCADE, related_name="levels", verbose_name=_("framework")
    )
    code = models.SlugField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=64)

    class Meta(Orderable.Meta):
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="rating_level_code_unique")
        ]

    def __str__(self):
        return self.name


class Standard(index.Indexed, models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="standards", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    confirmed = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_("Checked against the official text. Unchecked items still need checking."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        ordering = ["framework", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="standard_code_unique")
        ]

    def __str__(self):
        return f"{self.code}. {self.name}"


class Criterion(index.Indexed, models.Model):
    """A criterion of a standard. `framework` repeats the standard's framework so that the
    database can keep criterion codes unique across the whole framework (they are numbered
    1…15 across standards in Thông tư 20); courses.forms.CriterionForm keeps the two in step."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("framework")
    )
    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("standard")
    )
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    confirmed = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_("Checked against the official text. Unchecked items still need checking."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("framework_id"),
    ]

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["framework", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_unique")
        ]

    def __str__(self):
        return f"{self.framework.code} · {_('criterion')} {self.code}. {self.name}"
