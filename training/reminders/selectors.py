"""Who is reminded of what, read in a fixed number of queries however many people there are:
one streamed query for the people who train, three grouped queries and one streamed query for
the managers. Both streams come in person order and are merged, so that each person's reminders
arrive together (one e-mail each) while memory stays flat.

- A person who trains (teacher, principal, vice-principal; active, not on leave or retired) is
  reminded of their plan when it is not submitted (none, draft or returned) from
  `plan_days_before` days before the plan deadline until the deadline (or the later day a manager
  reopened it until); and that they are behind when, `behind_start_days` into the school year,
  the tiết counted toward the target are `behind_by_hours` or more below the target spread
  evenly from 1 September to 31 May. A completed plan or a closed year is never behind.
- A manager is reminded of the plans and face-to-face records of people within their reach
  (training.selectors.managers_with_reach, the bulk form of units_visible_to; never their own)
  that have waited more than `approvals_waiting_days` days.
- Nobody is reminded of a kind they already got within `repeat_days` days."""

import heapq
import itertools
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from courses.school_year import current_school_year, school_year_dates
from training.models import (
    EmploymentStatus,
    Notification,
    NotificationKind,
    PlanStatus,
    RecordStatus,
    ReminderSettings,
    TrainingPlan,
    TrainingRecord,
    Unit,
    User,
    YearStatus,
)
from training.selectors import TRAINEE_POSITIONS, audience_of, managers_with_reach, targets_for

#: How many rows the streamed queries fetch at a time.
CHUNK = 1000


@dataclass(frozen=True)
class Reminder:
    kind: str
    params: dict
    link: str


@dataclass
class Person:
    """One person to remind in this run, with everything their e-mail needs."""

    user_id: int
    username: str
    name: str
    email: str
    language: str
    reminders: list[Reminder] = field(default_factory=list)


def notifications_of(user: User) -> QuerySet[Notification]:
    """A person's own notifications, unread first, newest first."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def _recent(kind: str, since: datetime) -> Exists:
    return Exists(
        Notification.objects.filter(recipient=OuterRef("pk"), kind=kind, created_at__gte=since)
    )


def _person_fields(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        language=Coalesce(F("wagtail_userprofile__preferred_language"), Value(""))
    )


def _person(row: dict) -> Person:
    return Person(
        user_id=row["pk"],
        username=row["username"],
        name=f"{row['last_name']} {row['first_name']}".strip() or row["username"],
        email=row["email"],
        language=row["language"],
    )


_PERSON_VALUES = ("pk", "username", "first_name", "last_name", "email", "language")


def expected_hours(*, target: int, school_year: str, today: date) -> int:
    """The tiết one would have by `today` if the target were spread evenly from 1 September to
    31 May (the whole target from 31 May on)."""
    first, _last = school_year_dates(school_year)
    end = date(first.year + 1, 5, 31)
    share = min(1.0, max(0.0, (today - first).days / (end - first).days))
    return int(target * share)


def trainees_due(
    *, today: date, now: datetime, config: ReminderSettings, unit: Unit | None = None
) -> Iterator[Person]:
    """People who train and have something to be reminded of, in person order."""
    year = current_school_year(today)
    first, _last = school_year_dates(year)
    targets = targets_for([year])
    since = now - timedelta(days=config.repeat_days)
    check_hours = (today - first).days >= config.behind_start_days
    people = User.objects.filter(is_active=True, profile__position__in=TRAINEE_POSITIONS).exclude(
        profile__employment_status__in=[EmploymentStatus.LEAVE, EmploymentStatus.RETIRED]
    )
    if unit is not None:
        people = people.filter(profile__unit__path__startswith=unit.path)
    rows = (
        _person_fields(people)
        .annotate(
            summary=FilteredRelation(
                "year_summaries", condition=Q(year_summaries__school_year=year)
            ),
            plan=FilteredRelation("training_plans", condition=Q(training_plans__school_year=year)),
            position=F("profile__position"),
            hours_01=Coalesce(F("summary__hours_01"), Value(0)),
            hours_02=Coalesce(F("summary__hours_02"), Value(0)),
            hours_03=Coalesce(F("summary__hours_03"), Value(0)),
            summary_target_01=F("summary__target_01"),
            summary_target_02=F("summary__target_02"),
            summary_target_03=F("summary__target_03"),
            year_status=Coalesce(F("summary__status"), Value(YearStatus.IN_PROGRESS)),
            closed=Coalesce(F("summary__closed"), Value(False)),
            plan_status=Coalesce(F("plan__status"), Value("")),
            reopened_until=F("plan__reopened_until"),
            plan_recent=_recent(NotificationKind.PLAN_DUE, since),
            hours_recent=_recent(NotificationKind.HOURS_BEHIND, since),
        )
        .order_by("pk")
        .values(
            *_PERSON_VALUES,
            "position",
            "hours_01",
            "hours_02",
            "hours_03",
            "summary_target_01",
            "summary_target_02",
            "summary_target_03",
            "year_status",
            "closed",
            "plan_status",
            "reopened_until",
            "plan_recent",
            "hours_recent",
        )
    )
    plan_link, home_link = reverse("training:plan"), reverse("training:home")
    for row in rows.iterator(chunk_size=CHUNK):
        target = targets[year, audience_of(row["position"])]
        reminders = []
        deadline = target.plan_deadline
        last_day = max(deadline, row["reopened_until"] or deadline)
        if (
            not row["plan_recent"]
            and not row["closed"]
            and row["plan_status"] not in (PlanStatus.SUBMITTED, PlanStatus.APPROVED)
            and deadline - timedelta(days=config.plan_days_before) <= today <= last_day
        ):
            reminders.append(
                Reminder(
                    NotificationKind.PLAN_DUE,
                    {"school_year": year, "deadline": last_day.isoformat()},
                    plan_link,
                )
            )
        if check_hours and not row["hours_recent"] and not row["closed"]:
            total = (
                sum(row[f"summary_target_0{n}"] for n in (1, 2, 3))
                if row["summary_target_01"] is not None
                else target.total
            )
            hours = row["hours_01"] + row["hours_02"] + row["hours_03"]
            expected = expected_hours(target=total, school_year=year, today=today)
            if row["year_status"] != YearStatus.COMPLETED and (
                expected - hours >= config.behind_by_hours
            ):
                reminders.append(
                    Reminder(
                        NotificationKind.HOURS_BEHIND,
                        {
                            "school_year": year,
                            "hours": hours,
                            "expected": expected,
                            "target": total,
                        },
                        home_link,
                    )
                )
        if reminders:
            person = _person(row)
            person.reminders = reminders
            yield person


def _pending_by_path(model, status: str, cutoff: datetime) -> dict[str, int]:
    rows = (
        model.objects.filter(status=status, submitted_at__lte=cutoff)
        .values(path=F("user__profile__unit__path"))
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["path"]: row["count"] for row in rows if row["path"]}


def _own_pending(model, status: str, cutoff: datetime, managers: QuerySet) -> dict[int, int]:
    rows = (
        model.objects.filter(status=status, submitted_at__lte=cutoff, user__in=managers)
        .values("user_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["user_id"]: row["count"] for row in rows}


class _SubtreeCounts:
    """Counts per unit path, summed over any subtree with two binary searches (a subtree's
    paths are contiguous in sorted order)."""

    def __init__(self, counts: dict[str, int]):
        self.paths = sorted(counts)
        self.sums = [0, *itertools.accumulate(counts[path] for path in self.paths)]

    def below(self, path: str) -> int:
        low = bisect_left(self.paths, path)
        high = bisect_left(self.paths, path + "\uffff")
        return self.sums[high] - self.sums[low]


def managers_due(
    *, now: datetime, config: ReminderSettings, unit: Unit | None = None
) -> Iterator[Person]:
    """Managers with approvals that have waited too long within their reach, in person order."""
    cutoff = now - timedelta(days=config.approvals_waiting_days)
    since = now - timedelta(days=config.repeat_days)
    managers = managers_with_reach()
    if unit is not None:
        managers = managers.filter(profile__unit__path__startswith=unit.path)
    plans = _SubtreeCounts(_pending_by_path(TrainingPlan, PlanStatus.SUBMITTED, cutoff))
    records = _SubtreeCounts(_pending_by_path(TrainingRecord, RecordStatus.SUBMITTED, cutoff))
    if not plans.paths and not records.paths:
        return
    own_plans = _own_pending(TrainingPlan, PlanStatus.SUBMITTED, cutoff, managers)
    own_records = _own_pending(TrainingRecord, RecordStatus.SUBMITTED, cutoff, managers)
    link = reverse("training_review:index")
    rows = (
        _person_fields(managers)
        .annotate(recent=_recent(NotificationKind.APPROVALS_WAITING, since))
        .filter(recent=False)
        .order_by("pk")
        .values(*_PERSON_VALUES, "reach_path")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        plan_count = plans.below(row["reach_path"]) - own_plans.get(row["pk"], 0)
        record_count = records.below(row["reach_path"]) - own_records.get(row["pk"], 0)
        if plan_count or record_count:
            person = _person(row)
            person.reminders = [
                Reminder(
                    NotificationKind.APPROVALS_WAITING,
                    {
                        "plans": plan_count,
                        "records": record_count,
                        "days": config.approvals_waiting_days,
                    },
                    link,
                )
            ]
            yield person


def reminders_due(
    *, today: date, now: datetime, config: ReminderSettings, unit: Unit | None = None
) -> Iterator[Person]:
    """Everyone to remind, each person once with all their reminders, in person order."""
    merged = heapq.merge(
        trainees_due(today=today, now=now, config=config, unit=unit),
        managers_due(now=now, config=config, unit=unit),
        key=lambda person: person.user_id,
    )
    for _user_id, group in itertools.groupby(merged, key=lambda person: person.user_id):
        people = list(group)
        person = people[0]
        person.reminders = [reminder for item in people for reminder in item.reminders]
        yield person
