"""Reads behind the reports by programme, by module and of the people behind their plan.

Every figure is counted for the people `training.selectors.trainees_with_status` returns (the
one place that decides whom the reports count, within the user's reach), with one grouped query
per table whatever the number of people: the screens, their exports and the API read these."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Round

from courses.models import ModulePage
from courses.school_year import school_year_dates
from training.models import (
    Audience,
    Completion,
    Enrolment,
    PlanItem,
    Position,
    Programme,
    Unit,
    User,
    YearStatus,
    YearSummary,
)
from training.selectors import targets_for, trainees_with_status

#: The programmes whose hours count toward the yearly target, each with its summary columns.
TARGET_PROGRAMMES = (Programme.P01, Programme.P02, Programme.P03)
HOURS_FIELD = {
    Programme.P01: "hours_01",
    Programme.P02: "hours_02",
    Programme.P03: "hours_03",
    Programme.OTHER: "hours_other",
}
TARGET_FIELD = {Programme.P01: "target_01", Programme.P02: "target_02", Programme.P03: "target_03"}
SCHOOL_MANAGER_POSITIONS = (Position.PRINCIPAL, Position.VICE_PRINCIPAL)
#: The last month of study in a school year (September to May): the pace of the plan.
LAST_STUDY_MONTH = 5


@dataclass(frozen=True)
class ReportScope:
    """Whom a report counts: the trainees within the user's reach, in `unit` and below it,
    narrowed by the filters; `programme` narrows what is counted for them."""

    user: User | AnonymousUser
    school_year: str
    unit: Unit | None = None
    school_level: str = ""
    position: str = ""
    status: str = ""
    programme: str = ""

    def people(self) -> QuerySet[User]:
        return trainees_with_status(
            user=self.user,
            school_year=self.school_year,
            unit=self.unit,
            school_level=self.school_level,
            position=self.position,
            status=self.status,
        )

    @property
    def programmes(self) -> list[str]:
        return [self.programme] if self.programme else list(Programme.values)


def average(total_hundredths: int | None, count: int) -> Decimal | None:
    """An average of scores summed in hundredths (exact on every database), to 0.01."""
    if not count:
        return None
    return (Decimal(total_hundredths or 0) / 100 / count).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


#: Scores in hundredths of a point, as integers: SQLite sums decimals as floating point.
SCORE_HUNDREDTHS = Round(F("score") * 100)


# By programme ---------------------------------------------------------------------------------


@dataclass
class ProgrammeRow:
    programme: str
    enrolled: int = 0
    completed: int = 0
    score_count: int = 0
    score_hundredths: int = 0
    hours: int = 0
    people_with_hours: int = 0

    @property
    def label(self) -> str:
        return str(Programme(self.programme).label)

    @property
    def average_score(self) -> Decimal | None:
        return average(self.score_hundredths, self.score_count)


def by_programme(scope: ReportScope) -> list[ProgrammeRow]:
    """For each programme: module enrolments and completions of the year, the average score
    of the completions, and the tiết credited (online modules and approved face-to-face
    training, as the year summaries count them). Three queries."""
    people = scope.people().values("pk")
    rows = {programme: ProgrammeRow(programme) for programme in scope.programmes}
    enrolments = (
        Enrolment.objects.filter(
            school_year=scope.school_year, user__in=people, programme__in=list(rows)
        )
        .values("programme")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in enrolments:
        rows[row["programme"]].enrolled = row["count"]
    completions = (
        Completion.objects.filter(
            school_year=scope.school_year, user__in=people, programme__in=list(rows)
        )
        .values("programme")
        .annotate(
            count=Count("pk"),
            scored=Count("score"),
            hundredths=Sum(SCORE_HUNDREDTHS, output_field=IntegerField()),
        )
        .order_by()
    )
    for row in completions:
        found = rows[row["programme"]]
        found.completed, found.score_count = row["count"], row["scored"]
        found.score_hundredths = int(row["hundredths"] or 0)
    summaries = YearSummary.objects.filter(school_year=scope.school_year, user__in=people)
    totals = summaries.aggregate(
        **{f"sum_{p}": Sum(HOURS_FIELD[p]) for p in rows},
        **{f"people_{p}": Count("pk", filter=~Q(**{HOURS_FIELD[p]: 0})) for p in rows},
    )
    for programme, row in rows.items():
        row.hours = totals[f"sum_{programme}"] or 0
        row.people_with_hours = totals[f"people_{programme}"] or 0
    return list(rows.values())


# By module ------------------------------------------------------------------------------------


@dataclass
class ModuleRow:
    module_id: int
    programme: str
    code: str = ""
    title: str = ""
    enrolled: int = 0
    completed: int = 0
    score_count: int = 0
    score_hundredths: int = 0
    hours: int = 0

    @property
    def programme_label(self) -> str:
        return str(Programme(self.programme).label)

    @property
    def average_score(self) -> Decimal | None:
        return average(self.score_hundredths, self.score_count)

    @property
    def completion_rate(self) -> Decimal:
        if not self.enrolled:
            return Decimal("0.0")
        return (Decimal(100) * self.completed / self.enrolled).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )


def by_module(scope: ReportScope) -> list[ModuleRow]:
    """For each module someone in scope enrolled in during the year: enrolments, completions,
    average score and tiết credited, by programme then module code. Three queries."""
    people = scope.people().values("pk")
    rows: dict[tuple[int, str], ModuleRow] = {}

    def row(module_id: int, programme: str) -> ModuleRow:
        return rows.setdefault((module_id, programme), ModuleRow(module_id, programme))

    wanted = {"school_year": scope.school_year, "user__in": people}
    if scope.programme:
        wanted["programme"] = scope.programme
    for found in (
        Enrolment.objects.filter(**wanted)
        .values("module_id", "programme")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        row(found["module_id"], found["programme"]).enrolled = found["count"]
    for found in (
        Completion.objects.filter(**wanted)
        .values("module_id", "programme")
        .annotate(
            count=Count("pk"),
            scored=Count("score"),
            hundredths=Sum(SCORE_HUNDREDTHS, output_field=IntegerField()),
            hours=Sum("hours"),
        )
        .order_by()
    ):
        item = row(found["module_id"], found["programme"])
        item.completed, item.score_count = found["count"], found["scored"]
        item.score_hundredths, item.hours = int(found["hundredths"] or 0), found["hours"] or 0
    modules = {
        pk: (code, title)
        for pk, code, title in ModulePage.objects.filter(
            pk__in={module_id for module_id, _programme in rows}
        ).values_list("pk", "code", "title")
    }
    for (module_id, _programme), item in rows.items():
        item.code, item.title = modules.get(module_id, ("", ""))
    return sorted(rows.values(), key=lambda r: (r.programme, r.code, r.title, r.module_id))


# Behind the plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pace:
    """How much of the school year's study time has gone by on `today`: the target is expected
    evenly from 1 September to 31 May (a past year is over, a future one not begun)."""

    elapsed_days: int
    total_days: int

    @classmethod
    def of(cls, school_year: str, today: date) -> "Pace":
        start, _end = school_year_dates(school_year)
        end = date(start.year + 1, LAST_STUDY_MONTH, 31)
        total = (end - start).days + 1
        elapsed = min(max((today - start).days + 1, 0), total)
        return cls(elapsed_days=elapsed, total_days=total)

    @property
    def percent(self) -> Decimal:
        return (Decimal(100) * self.elapsed_days / self.total_days).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )


def _target_expression(targets: dict, programmes: Iterable[str]):
    """A person's target (tiết): the one written in their summary, else the configured target
    of their audience (school managers have their own)."""

    def configured(audience):
        target = targets[audience]
        return sum(getattr(target, HOURS_FIELD[p]) for p in programmes)

    default = Case(
        When(
            profile__position__in=SCHOOL_MANAGER_POSITIONS,
            then=Value(configured(Audience.SCHOOL_MANAGER)),
        ),
        default=Value(configured(Audience.TEACHER)),
        output_field=IntegerField(),
    )
    written = None
    for programme in programmes:
        term = F(f"summary__{TARGET_FIELD[programme]}")
        written = term if written is None else written + term
    return Coalesce(written, default, output_field=IntegerField())


def behind_plan(scope: ReportScope, *, today: date) -> QuerySet[User]:
    """Trainees in scope whose year is not completed and whose tiết done are below the pace of
    the year (the target times the share of the study time gone by), each with:
    `planned` (tiết in their plan), `done`, `target`, `expected` (by today), `short_of_plan`,
    `short_of_target` and `plan_status`. With a programme (01, 02 or 03), for it alone.
    Ordered by how far short of the target, furthest first. One query."""
    programmes = (
        [scope.programme] if scope.programme in TARGET_PROGRAMMES else list(TARGET_PROGRAMMES)
    )
    pace = Pace.of(scope.school_year, today)
    targets = targets_for([scope.school_year])
    by_audience = {audience: targets[scope.school_year, audience] for audience in Audience.values}
    planned = (
        PlanItem.objects.filter(
            plan__user_id=OuterRef("pk"),
            plan__school_year=scope.school_year,
            programme__in=programmes,
        )
        .values("plan__user_id")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    done = None
    for programme in programmes:
        term = F(HOURS_FIELD[programme])  # annotated by trainees_with_status
        done = term if done is None else done + term
    people = (
        scope.people()
        .exclude(year_status=YearStatus.COMPLETED)
        .annotate(
            planned=Coalesce(Subquery(planned, output_field=IntegerField()), Value(0)),
            done=done,
            target=_target_expression(by_audience, programmes),
            plan_status=Coalesce(F("summary__plan_status"), Value("")),
        )
        .annotate(
            expected=F("target") * Value(pace.elapsed_days) / Value(pace.total_days),
            short_of_plan=Greatest(F("planned") - F("done"), Value(0)),
            short_of_target=Greatest(F("target") - F("done"), Value(0)),
        )
        .filter(done__lt=F("expected"))
        .select_related("profile__unit")
        .order_by("-short_of_target", "name_sort", "username")
    )
    return people


# Status distribution --------------------------------------------------------------------------


@dataclass
class StatusCounts:
    completed: int = 0
    in_progress: int = 0
    not_completed: int = 0

    @property
    def total(self) -> int:
        return self.completed + self.in_progress + self.not_completed

    def items(self) -> list[tuple[str, int]]:
        return [
            (YearStatus.COMPLETED, self.completed),
            (YearStatus.IN_PROGRESS, self.in_progress),
            (YearStatus.NOT_COMPLETED, self.not_completed),
        ]


def status_counts(rows: Iterable) -> StatusCounts:
    """The statuses of the people the rows of the completion report count (no query)."""
    counts = StatusCounts()
    for row in rows:
        counts.completed += row.completed
        counts.in_progress += row.in_progress
        counts.not_completed += row.not_completed
    return counts
