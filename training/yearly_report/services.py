"""Writes of the yearly report: sending a unit's report upward, and setting the deadline for
the units below an office. Keyword-only arguments, one transaction each, an audit entry for
each change (Wagtail's log)."""

import unicodedata
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from courses.school_year import school_year_dates, validate_school_year
from courses.text import nfc
from training.models import ReportDeadline, Unit, User, YearReportSubmission
from training.selectors import units_visible_to
from training.yearly_report.documents import (
    Delegation,
    Header,
    render_pdf,
    render_xlsx,
    report_data,
)
from training.yearly_report.selectors import deadline_for

ERROR_NOT_ALLOWED = _("Your role does not allow this.")
ERROR_OUT_OF_REACH = _("This unit is not within your reach.")
ERROR_NOT_OWN_UNIT = _(
    "You can send only the report of the unit you belong to; the unit itself sends its own."
)
ERROR_NO_UNIT_ABOVE = _("“%(unit)s” has no unit above it to send the report to.")
ERROR_REQUIRED = _("This is required on the official document.")
ERROR_DELEGATION = _("Choose one of the delegation prefixes (KT., TM., TL., TUQ.) or none.")
ERROR_SIGNER_TITLE = _("When someone signs for the head, give the signer's own title.")
ERROR_DEADLINE_RANGE = _(
    "The deadline of the school year %(year)s must fall between %(first)s and %(last)s."
)

#: Header fields the document cannot go without.
REQUIRED = ("body_name", "place", "head_title", "signer_name")
MAX_LENGTHS = {
    "parent_body_name": 255,
    "body_name": 255,
    "number": 64,
    "place": 120,
    "recipient": 255,
    "head_title": 120,
    "signer_title": 120,
    "signer_name": 120,
}


def _require_perm(acting_user: User | None, permission: str) -> None:
    if acting_user is not None and not (acting_user.is_active and acting_user.has_perm(permission)):
        raise PermissionDenied(ERROR_NOT_ALLOWED)


def _require_reach(acting_user: User | None, unit: Unit) -> None:
    if acting_user is not None and not units_visible_to(acting_user).filter(pk=unit.pk).exists():
        raise PermissionDenied(ERROR_OUT_OF_REACH)


def _printable(value) -> str:
    """NFC text without control characters (a spreadsheet cannot hold them)."""
    text = nfc(str(value or ""))
    return "".join(ch if unicodedata.category(ch) != "Cc" else " " for ch in text).strip()


def header_clean(values: dict) -> Header:
    """The header a person wrote, checked: every refusal at once, by field."""
    text = {key: _printable(values.get(key)) for key in MAX_LENGTHS}
    errors = {}
    for key in REQUIRED:
        if not text[key]:
            errors[key] = [ERROR_REQUIRED]
    for key, length in MAX_LENGTHS.items():
        if len(text[key]) > length and key not in errors:
            errors[key] = [_("Write at most %(count)d characters.") % {"count": length}]
    delegation = str(values.get("delegation") or "").strip()
    if delegation not in dict(Delegation.CHOICES):
        errors["delegation"] = [ERROR_DELEGATION]
    elif delegation and not text["signer_title"]:
        errors["signer_title"] = [ERROR_SIGNER_TITLE]
    day = values.get("day")
    if not isinstance(day, date):
        errors["day"] = [ERROR_REQUIRED]
    if errors:
        raise ValidationError(errors)
    return Header(day=day, delegation=delegation, **text)


@transaction.atomic
def year_report_submit(
    *, unit: Unit, school_year: str, header: dict, acting_user: User
) -> YearReportSubmission:
    """Send `unit`'s yearly report for `school_year` to the unit above it: the printed data
    and both files are kept as sent. A report already sent for the year is replaced (it stays
    as history). After the deadline the report is still taken, marked late."""
    validate_school_year(school_year)
    _require_perm(acting_user, "training.submit_yearreport")
    _require_reach(acting_user, unit)
    if not acting_user.is_superuser:
        own = getattr(getattr(acting_user, "profile", None), "unit_id", None)
        if own != unit.pk:
            raise PermissionDenied(ERROR_NOT_OWN_UNIT)
    # One sending at a time per unit: the second waits here, then replaces the first.
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    parent = unit.get_parent()
    if parent is None:
        raise ValidationError(ERROR_NO_UNIT_ABOVE % {"unit": unit.name}, code="no_unit_above")
    cleaned = header_clean(header)
    data = report_data(user=acting_user, unit=unit, school_year=school_year, header=cleaned)
    now = timezone.now()
    deadline = deadline_for(unit=unit, school_year=school_year)
    previous = (
        YearReportSubmission.objects.select_for_update()
        .filter(unit=unit, school_year=school_year, superseded_at__isnull=True)
        .only("pk")
        .first()
    )
    if previous is not None:
        previous.superseded_at = now
        previous.save(update_fields=["superseded_at"])
    submission = YearReportSubmission.objects.create(
        unit=unit,
        school_year=school_year,
        receiving_unit=parent,
        submitted_by=acting_user,
        submitted_at=now,
        deadline=deadline,
        late=timezone.localdate(now) > deadline,
        data=data,
        pdf=render_pdf(data),
        xlsx=render_xlsx(data),
    )
    if previous is not None:
        previous.superseded_by = submission
        previous.save(update_fields=["superseded_by"])
    log(
        instance=submission,
        action="hoctap.year_report_submit",
        user=acting_user,
        data={
            "school_year": school_year,
            "unit": unit.name,
            "late": submission.late,
            "replaces": previous.pk if previous else None,
        },
    )
    return submission


@transaction.atomic
def report_deadline_set(
    *, unit: Unit, school_year: str, deadline: date, acting_user: User | None
) -> ReportDeadline:
    """Set the day by which the units below `unit` send their yearly report for the year."""
    validate_school_year(school_year)
    _require_perm(acting_user, "training.change_reportdeadline")
    _require_reach(acting_user, unit)
    first, _last = school_year_dates(school_year)
    last = date(first.year + 2, 12, 31)
    if not first <= deadline <= last:
        raise ValidationError(
            {
                "deadline": ERROR_DEADLINE_RANGE
                % {
                    "year": school_year,
                    "first": first.strftime("%d/%m/%Y"),
                    "last": last.strftime("%d/%m/%Y"),
                }
            }
        )
    row = ReportDeadline.objects.select_for_update().filter(unit=unit, school_year=school_year)
    existing = row.first()
    previous = existing.deadline if existing else None
    if existing is None:
        existing = ReportDeadline.objects.create(
            unit=unit, school_year=school_year, deadline=deadline, updated_by=acting_user
        )
    else:
        existing.deadline, existing.updated_by = deadline, acting_user
        existing.save(update_fields=["deadline", "updated_by", "updated_at"])
    log(
        instance=existing,
        action="hoctap.report_deadline_set",
        user=acting_user,
        data={
            "school_year": school_year,
            "deadline": deadline.isoformat(),
            "previous": previous.isoformat() if previous else None,
        },
    )
    return existing
