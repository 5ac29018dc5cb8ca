"""The yearly BDTX result report sent upward (báo cáo kết quả BDTX năm học): the deadline an
office sets for the units below it, and each submission with the numbers and the files exactly
as they were sent. Rows change only through training.yearly_report.services."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.school_year import validate_school_year


class ReportDeadline(models.Model):
    """The day by which the units below `unit` send their yearly report for `school_year`
    (on time when sent on that day or before, local time). Without a row on the unit or any
    unit above it, the default applies (training.yearly_report.selectors.default_deadline)."""

    unit = models.ForeignKey(
        "training.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    school_year = models.CharField(
        _("school year"), max_length=9, validators=[validate_school_year]
    )
    deadline = models.DateField(_("deadline"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("yearly report deadline")
        verbose_name_plural = _("yearly report deadlines")
        ordering = ["-school_year", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "school_year"], name="report_deadline_unique"),
        ]

    def __str__(self):
        return f"{self.school_year} · {self.unit} · {self.deadline:%d/%m/%Y}"


class YearReportSubmission(models.Model):
    """One sending of a unit's yearly report to the unit above. A new sending for the same
    unit and year replaces the current one, which stays as history (`superseded_at`). The
    printed data, the PDF and the spreadsheet are kept as sent: later changes to the records
    or to the layout change nothing here."""

    unit = models.ForeignKey(
        "training.Unit",
        on_delete=models.PROTECT,
        related_name="year_report_submissions",
        verbose_name=_("unit"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    receiving_unit = models.ForeignKey(
        "training.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent to"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    deadline = models.DateField(_("deadline"))
    late = models.BooleanField(_("late"), default=False)
    data = models.JSONField(_("printed data"))
    pdf = models.BinaryField(_("PDF"))
    xlsx = models.BinaryField(_("spreadsheet"))
    superseded_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced by"),
    )

    class Meta:
        verbose_name = _("yearly report submission")
        verbose_name_plural = _("yearly report submissions")
        ordering = ["-submitted_at", "-pk"]
        permissions = [
            ("submit_yearreport", _("Can send the unit's yearly BDTX report to the unit above")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "school_year"],
                condition=Q(superseded_at__isnull=True),
                name="year_report_one_current",
            ),
        ]
        indexes = [models.Index(fields=["school_year", "unit"])]

    def __str__(self):
        return f"{self.school_year} · {self.unit}"

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None
