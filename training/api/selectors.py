"""Reads the API needs that training.selectors does not have yet. Each is built only on the
reach selectors there (units_visible_to, people_in_reach): nothing here decides who may see
what. They belong in training/selectors.py, where they can move as they are. (The completion
report is training.selectors.completion_by_unit itself, the one the admin's report uses.)"""

from django.db.models import Q, QuerySet

from training.models import (
    Attempt,
    Enrolment,
    LessonView,
    TrainingPlan,
    TrainingRecord,
    User,
    YearSummary,
    YearTarget,
)
from training.selectors import people_in_reach


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


def year_targets() -> QuerySet[YearTarget]:
    """The yearly targets: the same for everyone of an audience, so not scoped by reach."""
    return YearTarget.objects.all()
