"""Reads the API needs that training.selectors does not have yet. Each is built only on the
reach selectors there (units_visible_to, people_in_reach): nothing here decides who may see
what. They belong in training/selectors.py; issue #6 (manager reports) is expected to move
`completion_by_unit` there and use it for its pages, so that screen and API share it."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet

from training.models import (
    Attempt,
    Enrolment,
    LessonView,
    TrainingPlan,
    TrainingRecord,
    Unit,
    User,
    YearStatus,
    YearSummary,
)
from training.selectors import people_in_reach, trainees_with_status


def enrolments_of(user: User) -> QuerySet[Enrolment]:
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(user=user).select_related("module", "completion")


def lesson_views_of(user: User) -> QuerySet[LessonView]:
    if not user.is_authenticated:
        return LessonView.objects.none()
    return LessonView.objects.filter(enrolment__user=user).select_related("enrolment")


def attempts_of(user: User) -> QuerySet[Attempt]:
    if not user.is_authenticated:
        return Attempt.objects.none()
    return Attempt.objects.filter(enrolment__user=user).select_related("enrolment")


def plans_of(user: User) -> QuerySet[TrainingPlan]:
    if not user.is_authenticated:
        return TrainingPlan.objects.none()
    return TrainingPlan.objects.filter(user=user).select_related("user", "user__profile__unit")


def records_visible_to(user: User) -> QuerySet[TrainingRecord]:
    """One's own face-to-face records and those of the people in one's reach."""
    if not user.is_authenticated:
        return TrainingRecord.objects.none()
    return TrainingRecord.objects.filter(
        Q(user=user) | Q(user__in=people_in_reach(user))
    ).select_related("user", "user__profile__unit", "decided_by")


def plans_visible_to(user: User) -> QuerySet[TrainingPlan]:
    if not user.is_authenticated:
        return TrainingPlan.objects.none()
    return TrainingPlan.objects.filter(Q(user=user) | Q(user__in=people_in_reach(user)))


def summaries_visible_to(user: User) -> QuerySet[YearSummary]:
    """One's own year summaries and those of the people in one's reach."""
    if not user.is_authenticated:
        return YearSummary.objects.none()
    return YearSummary.objects.filter(
        Q(user=user) | Q(user__in=people_in_reach(user))
    ).select_related("user", "unit")


@dataclass(frozen=True)
class CompletionRow:
    unit: Unit | None
    teachers: int
    completed: int
    not_completed: int

    @property
    def in_progress(self) -> int:
        return self.teachers - self.completed - self.not_completed

    @property
    def rate(self) -> Decimal:
        """Completed, in percent of the people counted, to one decimal place."""
        if not self.teachers:
            return Decimal("0.0")
        return (Decimal(100) * self.completed / self.teachers).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )


def completion_by_unit(
    *, user: User, school_year: str, unit: Unit | None = None
) -> tuple[list[CompletionRow], CompletionRow]:
    """The yearly completion of the people who train (teachers, principals, vice-principals,
    active) in each unit within reach (below `unit` when given): how many, how many completed
    the plan, how many did not (their year is closed), and how many are still in progress
    (everyone else, including those with nothing recorded yet). Counted from YearSummary, as
    every report is, by training.selectors.trainees_with_status (which the admin's completion
    report uses too). Returns the rows (units with people, in tree order) and the total."""
    counts = (
        trainees_with_status(user=user, school_year=school_year, unit=unit)
        .values("profile__unit")
        .annotate(
            teachers=Count("pk"),
            completed=Count("pk", filter=Q(year_status=YearStatus.COMPLETED)),
            not_completed=Count("pk", filter=Q(year_status=YearStatus.NOT_COMPLETED)),
        )
        .order_by()
    )
    by_unit = {row["profile__unit"]: row for row in counts}
    rows = [
        CompletionRow(
            unit=item,
            teachers=by_unit[item.pk]["teachers"],
            completed=by_unit[item.pk]["completed"],
            not_completed=by_unit[item.pk]["not_completed"],
        )
        for item in Unit.objects.filter(pk__in=by_unit).order_by("path")
    ]
    total = CompletionRow(
        unit=unit,
        teachers=sum(row.teachers for row in rows),
        completed=sum(row.completed for row in rows),
        not_completed=sum(row.not_completed for row in rows),
    )
    return rows, total
