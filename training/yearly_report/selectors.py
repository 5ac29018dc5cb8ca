"""Reads of the yearly report: its figures, the deadline that applies to a unit, and who below
an office has sent their report. Reach is `training.selectors.units_visible_to`, always."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.models import (
    ReportDeadline,
    SchoolLevel,
    Unit,
    User,
    YearReportSubmission,
    YearStatus,
)
from training.selectors import trainees_with_status, units_visible_to

#: The seed's plan: schools report the year's results to the office "before 20/10 each year".
#: A school year's results exist once it ends (May), so the day is 20 October of the calendar
#: year in which the school year ends: "2025-2026" -> 20/10/2026.
DEFAULT_DEADLINE_DAY = (10, 20)

#: The label of people whose profile gives no school level.
NO_LEVEL_LABEL = _("School level not given")

PROGRAMMES = ("01", "02", "03")


def default_deadline(school_year: str) -> date:
    month, day = DEFAULT_DEADLINE_DAY
    return date(int(school_year[5:]), month, day)


def _ancestor_paths(path: str) -> list[str]:
    """The paths of the units above the unit at `path`, nearest last (itself excluded)."""
    return [path[:end] for end in range(Unit.steplen, len(path), Unit.steplen)]


def deadline_for(*, unit: Unit, school_year: str) -> date:
    """The deadline of `unit`'s report: set by the nearest unit above it that has one for the
    year (the units it reports to), else the default."""
    row = (
        ReportDeadline.objects.filter(
            school_year=school_year, unit__path__in=_ancestor_paths(unit.path)
        )
        .order_by("-unit__depth")
        .values_list("deadline", flat=True)
        .first()
    )
    return row or default_deadline(school_year)


def _percent(part: int, whole: int) -> str:
    """A percentage to one decimal place, as text (the snapshot stays exact JSON)."""
    if not whole:
        return "0.0"
    return str((Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _row(label: str, counts: dict) -> dict:
    teachers = counts.get("teachers", 0)
    row = {
        "label": str(label),
        "teachers": teachers,
        "completed": counts.get("completed", 0),
        "not_completed": counts.get("not_completed", 0),
    }
    row["in_progress"] = teachers - row["completed"] - row["not_completed"]
    row["completed_percent"] = _percent(row["completed"], teachers)
    row["not_completed_percent"] = _percent(row["not_completed"], teachers)
    for programme in PROGRAMMES:
        reached = counts.get(f"reached_{programme}", 0)
        row[f"reached_{programme}"] = reached
        row[f"reached_{programme}_percent"] = _percent(reached, teachers)
    return row


def yearly_figures(
    *, user: User | AnonymousUser, unit: Unit, school_year: str
) -> tuple[list[dict], dict]:
    """The report's table for `unit` and everything below it: one row per school level (in the
    order of SchoolLevel, people without one last) and the total. Counted by the same selector
    as the completion report (trainees_with_status), so the totals are that report's: teachers,
    completed, not completed. A programme is "reached" when the year's hours in it reach its
    target. One query."""
    reached = {
        f"reached_{p}": Count(
            "pk", filter=Q(**{f"summary__hours_{p}__gte": F(f"summary__target_{p}")})
        )
        for p in PROGRAMMES
    }
    grouped = {
        row["profile__school_level"] or "": row
        for row in trainees_with_status(user=user, school_year=school_year, unit=unit)
        .values("profile__school_level")
        .annotate(
            teachers=Count("pk"),
            completed=Count("pk", filter=Q(year_status=YearStatus.COMPLETED)),
            not_completed=Count("pk", filter=Q(year_status=YearStatus.NOT_COMPLETED)),
            **reached,
        )
        .order_by()
    }
    rows = [_row(label, grouped[value]) for value, label in SchoolLevel.choices if value in grouped]
    if "" in grouped:
        rows.append(_row(NO_LEVEL_LABEL, grouped[""]))
    keys = ["teachers", "completed", "not_completed", *reached]
    total = _row(_("Total"), {key: sum(grouped[g][key] for g in grouped) for key in keys})
    return rows, total


# Submissions ------------------------------------------------------------------------------------


def submissions_visible_to(user: User | AnonymousUser) -> QuerySet[YearReportSubmission]:
    """Every submission (current and replaced) of the units within reach, without the files."""
    return (
        YearReportSubmission.objects.filter(unit__in=units_visible_to(user))
        .select_related("unit", "receiving_unit", "submitted_by")
        .defer("pdf", "xlsx")
    )


def current_submission(*, unit: Unit, school_year: str) -> YearReportSubmission | None:
    return (
        YearReportSubmission.objects.filter(
            unit=unit, school_year=school_year, superseded_at__isnull=True
        )
        .select_related("submitted_by")
        .defer("pdf", "xlsx")
        .first()
    )


def submission_history(*, unit: Unit, school_year: str) -> QuerySet[YearReportSubmission]:
    return (
        YearReportSubmission.objects.filter(unit=unit, school_year=school_year)
        .select_related("submitted_by")
        .defer("pdf", "xlsx", "data")
        .order_by("-submitted_at", "-pk")
    )


class SubmissionState:
    SUBMITTED = "submitted"
    LATE = "late"
    MISSING = "missing"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class UnitSubmission:
    """A unit below an office, the deadline that applies to it and its current report."""

    unit: Unit
    deadline: date
    submission: YearReportSubmission | None
    today: date

    @property
    def state(self) -> str:
        if self.submission is not None:
            return SubmissionState.LATE if self.submission.late else SubmissionState.SUBMITTED
        return SubmissionState.OVERDUE if self.today > self.deadline else SubmissionState.MISSING

    @property
    def submitted_at(self):
        return self.submission and self.submission.submitted_at

    @property
    def submitted_by(self):
        return self.submission and self.submission.submitted_by


def submissions_below(
    *, user: User | AnonymousUser, unit: Unit, school_year: str, state: str = ""
) -> list[UnitSubmission]:
    """Each unit below `unit` (within reach), in tree order, with its deadline and its current
    report for the year. Three queries whatever the size of the tree; none for a unit out of
    reach."""
    if not units_visible_to(user).filter(pk=unit.pk).exists():
        return []
    units = list(
        units_visible_to(user)
        .filter(path__startswith=unit.path)
        .exclude(pk=unit.pk)
        .order_by("path")
    )
    current = {
        s.unit_id: s
        for s in YearReportSubmission.objects.filter(
            unit__path__startswith=unit.path,
            school_year=school_year,
            superseded_at__isnull=True,
        )
        .select_related("submitted_by")
        .defer("pdf", "xlsx", "data")
    }
    deadlines = dict(
        ReportDeadline.objects.filter(school_year=school_year)
        .filter(Q(unit__path__in=_ancestor_paths(unit.path)) | Q(unit__path__startswith=unit.path))
        .values_list("unit__path", "deadline")
    )
    fallback = default_deadline(school_year)

    def deadline_of(path: str) -> date:
        for above in reversed(_ancestor_paths(path)):
            if above in deadlines:
                return deadlines[above]
        return fallback

    today = timezone.localdate()
    rows = [
        UnitSubmission(
            unit=item,
            deadline=deadline_of(item.path),
            submission=current.get(item.pk),
            today=today,
        )
        for item in units
    ]
    if state:
        rows = [row for row in rows if row.state == state]
    return rows


def deadlines_visible_to(user: User | AnonymousUser) -> QuerySet[ReportDeadline]:
    return ReportDeadline.objects.filter(unit__in=units_visible_to(user)).select_related(
        "unit", "updated_by"
    )
