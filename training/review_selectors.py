"""Reads for the managers' front door: what waits for a decision (the admin home panel) and a
person's page (training.admin_person). Like training.selectors, whose reach they reuse: who
may see whom is decided by `units_visible_to`, nowhere else.

And the version of a plan or face-to-face record a reviewer is shown (`plan_version`,
`record_version`): a decision carries it back, and the services refuse it when the thing
changed in between."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q, QuerySet
from wagtail.models import ModelLogEntry

from training.models import (
    Enrolment,
    PlanStatus,
    RecordStatus,
    StaffProfile,
    TrainingPlan,
    TrainingRecord,
    User,
    YearSummary,
)
from training.selectors import people_in_reach, units_visible_to

#: How many audit entries a person's page shows (newest first).
PERSON_HISTORY_LIMIT = 100


# The version a reviewer is shown ----------------------------------------------------------------
#
# A digest of what the review screens show of a plan or record, and of what its owner can change:
# it changes with every correction, resubmission, evidence file added or removed and decision,
# whichever code path wrote it, with no column that each write must remember to bump (and no
# migration). Equal content is the same version: a decision on it decides what was shown. It is
# also the API's ETag.


def _instant(value: datetime | None) -> int | None:
    return None if value is None else round(value.timestamp() * 1_000_000)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _digest(parts: list) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def record_version(record: TrainingRecord) -> str:
    """The version of a face-to-face record: its status, what its owner filled in and the ids of
    its evidence files (prefetch `evidence` to spare a query per record)."""
    return _digest(
        [
            "record",
            record.pk,
            record.status,
            _instant(record.submitted_at),
            record.school_year,
            record.title,
            record.organiser,
            _day(record.start_date),
            _day(record.end_date),
            record.hours,
            record.programme,
            None if record.score is None else f"{record.score:.2f}",
            sorted(evidence.pk for evidence in record.evidence.all()),
        ]
    )


def plan_version(plan: TrainingPlan) -> str:
    """The version of a plan: its status, when it was submitted, decided or reopened until, and
    its modules with their programme and hours (prefetch `items` to spare a query per plan)."""
    return _digest(
        [
            "plan",
            plan.pk,
            plan.status,
            _instant(plan.submitted_at),
            _instant(plan.decided_at),
            _day(plan.reopened_until),
            sorted(
                [item.module_id, item.programme, item.hours, item.assigned]
                for item in plan.items.all()
            ),
        ]
    )


@dataclass(frozen=True)
class PendingReviews:
    """What waits for a manager's decision among the people in their reach."""

    plans: int
    records: int
    oldest_plan: datetime | None
    oldest_record: datetime | None

    @property
    def total(self) -> int:
        return self.plans + self.records


def pending_reviews(user: User | AnonymousUser) -> PendingReviews:
    """Counts of submitted plans and face-to-face records waiting in the user's reach, and
    since when the oldest waits. Four queries however many there are."""
    people = people_in_reach(user)
    plans = TrainingPlan.objects.filter(status=PlanStatus.SUBMITTED, user__in=people).aggregate(
        count=Count("pk"), oldest=Min("submitted_at")
    )
    records = TrainingRecord.objects.filter(
        status=RecordStatus.SUBMITTED, user__in=people
    ).aggregate(count=Count("pk"), oldest=Min("submitted_at"))
    return PendingReviews(
        plans=plans["count"],
        records=records["count"],
        oldest_plan=plans["oldest"],
        oldest_record=records["oldest"],
    )


def people_visible_to(user: User | AnonymousUser) -> QuerySet[User]:
    """People whose page a manager may open: everyone with a staff profile in a unit within
    their reach (themselves included: their own page only reads)."""
    return User.objects.filter(profile__unit__in=units_visible_to(user)).select_related(
        "profile__unit"
    )


def person_plan(*, person: User, school_year: str) -> TrainingPlan | None:
    return (
        TrainingPlan.objects.filter(user=person, school_year=school_year)
        .select_related("decided_by")
        .prefetch_related("items__module")
        .first()
    )


def person_records(*, person: User, school_year: str) -> QuerySet[TrainingRecord]:
    """A person's face-to-face records of a school year, newest first, with their evidence."""
    return (
        TrainingRecord.objects.filter(user=person, school_year=school_year)
        .select_related("decided_by")
        .prefetch_related("evidence")
        .order_by("-start_date", "-pk")
    )


def person_summaries(person: User) -> QuerySet[YearSummary]:
    return YearSummary.objects.filter(user=person).order_by("-school_year")


def person_history(person: User, *, limit: int = PERSON_HISTORY_LIMIT) -> list[ModelLogEntry]:
    """The audit log of a person: their account and profile, and their plans, face-to-face
    records and enrolments, newest first."""
    owned = {
        User: [person.pk],
        StaffProfile: list(StaffProfile.objects.filter(user=person).values_list("pk", flat=True)),
        TrainingPlan: list(TrainingPlan.objects.filter(user=person).values_list("pk", flat=True)),
        TrainingRecord: list(
            TrainingRecord.objects.filter(user=person).values_list("pk", flat=True)
        ),
        Enrolment: list(Enrolment.objects.filter(user=person).values_list("pk", flat=True)),
    }
    types = ContentType.objects.get_for_models(*owned)
    wanted = Q(pk__in=[])
    for model, ids in owned.items():
        if ids:
            wanted |= Q(content_type=types[model], object_id__in=[str(pk) for pk in ids])
    return list(
        ModelLogEntry.objects.filter(wanted)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )


def with_versions(items: Iterable[TrainingPlan | TrainingRecord]) -> list:
    """The plans or records, each with its `version` as a queue shows it (prefetch their
    `items` or `evidence`)."""
    items = list(items)
    for item in items:
        item.version = (
            plan_version(item) if isinstance(item, TrainingPlan) else record_version(item)
        )
    return items
