"""Reads. Every question of "who may see what" in the project is answered here, and every
figure about training records (progress, summaries, the dashboard) is counted here."""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AnonymousUser, Permission
from django.db.models import (
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import gettext_lazy as _

from courses.models import LessonPage, ModulePage, ProgrammePage
from courses.text import fold
from training.models import (
    Attempt,
    Audience,
    Completion,
    Enrolment,
    EnrolmentSource,
    LessonView,
    PlanItem,
    PlanStatus,
    Position,
    Programme,
    RecordStatus,
    StaffProfile,
    TrainingPlan,
    TrainingRecord,
    Unit,
    User,
    YearClosure,
    YearStatus,
    YearSummary,
    YearTarget,
)
from training.roles import MANAGER_ROLES, OFFICE_STAFF
from training.rules import (
    DEFAULT_TARGET,
    Target,
    default_plan_deadline,
    plan_completed,
    year_status,
)


def units_visible_to(user: User | AnonymousUser) -> QuerySet[Unit]:
    """The units a person may see: superusers every unit; managers (school managers, office
    staff) the unit they are attached to and every unit below it; anybody else none."""
    if not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    if not user.groups.filter(name__in=MANAGER_ROLES).exists():
        return Unit.objects.none()
    profile = StaffProfile.objects.filter(user=user).select_related("unit").first()
    if profile is None:
        return Unit.objects.none()
    return Unit.objects.filter(path__startswith=profile.unit.path)


def may_change_province_settings(user: User | AnonymousUser) -> bool:
    """Whether a person may change what holds for the whole province: the yearly targets (hours
    and plan deadline), certificate templates, issuers' signature and seal images and the
    modules that earn a certificate. Only a superuser, or office staff attached to a top unit
    of the tree (the department), may; every other office reads them. The one place this rule
    lives: services, the admin's permission policies and the API ask it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        user.groups.filter(name=OFFICE_STAFF).exists()
        and StaffProfile.objects.filter(user=user, unit__depth=1).exists()
    )


def managers_with_reach() -> QuerySet[User]:
    """units_visible_to for every manager at once (the reminders ask it of thousands): each
    active manager with `reach_path`, the path of the unit their reach starts at — they reach
    every unit whose path starts with it. Superusers, who reach everything, are left out."""
    in_role = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name__in=MANAGER_ROLES
    )
    return User.objects.filter(
        Exists(in_role), is_active=True, is_superuser=False, profile__isnull=False
    ).annotate(reach_path=F("profile__unit__path"))


def staff_visible_to(user: User | AnonymousUser) -> QuerySet[User]:
    """People a person may see: those in the units within their reach, and themselves."""
    if not user.is_authenticated:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(
        Q(profile__unit__in=units_visible_to(user)) | Q(pk=user.pk)
    ).distinct()


#: The permission that opens the Wagtail admin: whoever holds it (directly or through a group)
#: is "admin-capable", and only someone strictly above them may change their account.
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def people_changeable_by(user: User | AnonymousUser) -> QuerySet[User]:
    """People whose account and staff profile a person may change — by roster import, on the
    staff screens, through the staff_* services: only those strictly below their own authority.

    - Superusers: everyone but superusers (other superusers and themselves are managed in
      Wagtail's own Users screen, which only superusers open).
    - Managers (school managers, office staff): people in the units within their reach, never
      a superuser, never themselves, and never someone who may open the admin (is_staff,
      `wagtailadmin.access_admin` through a group or given directly, or a manager role) unless
      that person's unit is strictly below the manager's own — so never a peer.
    - Anybody else: nobody."""
    if not user.is_authenticated or not user.is_active:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.filter(is_superuser=False)
    if not user.groups.filter(name__in=MANAGER_ROLES).exists():
        return User.objects.none()
    profile = StaffProfile.objects.filter(user=user).select_related("unit").first()
    if profile is None:
        return User.objects.none()
    app_label, codename = ADMIN_ACCESS
    access = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    through_group = User.groups.through.objects.filter(user_id=OuterRef("pk")).filter(
        Q(group__permissions__in=access) | Q(group__name__in=MANAGER_ROLES)
    )
    direct = User.user_permissions.through.objects.filter(
        user_id=OuterRef("pk"), permission__in=access
    )
    admin_capable = Q(is_staff=True) | Exists(through_group) | Exists(direct)
    return (
        User.objects.filter(profile__unit__path__startswith=profile.unit.path, is_superuser=False)
        .exclude(pk=user.pk)
        .exclude(admin_capable & Q(profile__unit_id=profile.unit_id))
    )


def person_changeable_by(user: User | AnonymousUser, person: User) -> bool:
    return people_changeable_by(user).filter(pk=person.pk).exists()


def password_reset_recipients(email: str) -> QuerySet[User]:
    """Who may be mailed a password reset link for this address: active accounts whose
    current e-mail is this address and was confirmed by the person (never an address set by
    an import or a manager and not yet confirmed)."""
    email = email.strip()
    if not email:
        return User.objects.none()
    return User.objects.filter(is_active=True, email__iexact=email, confirmed_email__iexact=email)


def profiles_visible_to(user: User | AnonymousUser) -> QuerySet[StaffProfile]:
    """Staff profiles in the units within a person's reach."""
    return StaffProfile.objects.filter(unit__in=units_visible_to(user)).select_related(
        "user", "unit"
    )


def staff_search(queryset: QuerySet, query: str, *, user_field: str = "") -> QuerySet:
    """Match every word of the query against names and staff codes, with or without diacritics
    ("nguyen thi huong" finds "Nguyễn Thị Hương"; "đ" and "d" match), in Vietnamese order.
    `user_field` names the path to the user from another model ("user__" for profiles)."""
    for word in fold(query).split():
        queryset = queryset.filter(
            Q(**{f"{user_field}name_folded__contains": word})
            | Q(**{f"{user_field}username__icontains": word})
        )
    return queryset.order_by(f"{user_field}name_sort", f"{user_field}username")


# Training records ------------------------------------------------------------------------------
#
# Everything below reads training records. The summary figures are computed here, in grouped
# queries, for one person or a million; training.services writes them to YearSummary.


def people_in_reach(user: User | AnonymousUser) -> QuerySet[User]:
    """People whose records a manager may review: those in the units within their reach, never
    themselves (nobody approves their own plan or records)."""
    if not user.is_authenticated:
        return User.objects.none()
    return User.objects.filter(profile__unit__in=units_visible_to(user)).exclude(pk=user.pk)


def audience_of(position: str | None) -> str:
    """Which yearly target applies: principals and vice-principals have their own."""
    if position in (Position.PRINCIPAL, Position.VICE_PRINCIPAL):
        return Audience.SCHOOL_MANAGER
    return Audience.TEACHER


#: Positions whose holders do regular training (and are counted when a year is closed).
TRAINEE_POSITIONS = (Position.TEACHER, Position.PRINCIPAL, Position.VICE_PRINCIPAL)


def trainees_below(unit: Unit) -> QuerySet[User]:
    return User.objects.filter(
        profile__unit__path__startswith=unit.path,
        profile__position__in=TRAINEE_POSITIONS,
        is_active=True,
    )


def targets_for(years: Iterable[str]) -> dict[tuple[str, str], Target]:
    """The target of each (school year, audience): the configured one, else the default."""
    years = set(years)
    found = {
        (row.school_year, row.audience): Target(
            hours_01=row.hours_01,
            hours_02=row.hours_02,
            hours_03=row.hours_03,
            plan_deadline=row.plan_deadline or default_plan_deadline(row.school_year),
        )
        for row in YearTarget.objects.filter(school_year__in=years)
    }
    return {
        (year, audience): found.get(
            (year, audience), replace(DEFAULT_TARGET, plan_deadline=default_plan_deadline(year))
        )
        for year in years
        for audience in Audience.values
    }


def target_for(*, school_year: str, user: User) -> Target:
    profile = StaffProfile.objects.filter(user=user).only("position").first()
    return targets_for([school_year])[(school_year, audience_of(profile and profile.position))]


def _unit_prefixes(path: str) -> list[str]:
    return [path[:end] for end in range(Unit.steplen, len(path) + 1, Unit.steplen)]


def closed_years(*, unit_paths: Iterable[str], years: Iterable[str] | None = None) -> set:
    """(school year, unit path) pairs closed for each of `unit_paths`: a closure of a unit
    closes the year for every unit below it."""
    wanted = {prefix: path for path in set(unit_paths) for prefix in _unit_prefixes(path)}
    closures = YearClosure.objects.filter(reopened_at__isnull=True, unit__path__in=list(wanted))
    if years is not None:
        closures = closures.filter(school_year__in=list(years))
    closed = set()
    for year, prefix in closures.values_list("school_year", "unit__path"):
        closed |= {(year, path) for path in unit_paths if path.startswith(prefix)}
    return closed


def year_closed_for(*, user: User, school_year: str) -> bool:
    profile = StaffProfile.objects.filter(user=user).select_related("unit").first()
    if profile is None:
        return False
    return bool(closed_years(unit_paths=[profile.unit.path], years=[school_year]))


def _quantize(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def summary_keys(*, users: Iterable[int] | None = None, school_year: str | None = None) -> set:
    """Every (person id, school year) that has a summary or should have one: anyone with an
    enrolment, a plan or a face-to-face record in the year, and every trainee of a unit whose
    year is closed."""

    def scoped(queryset, user_field="user_id"):
        if users is not None:
            queryset = queryset.filter(**{f"{user_field}__in": list(users)})
        if school_year is not None:
            queryset = queryset.filter(school_year=school_year)
        return set(queryset.values_list(user_field, "school_year").distinct())

    keys = (
        scoped(Enrolment.objects.all())
        | scoped(TrainingPlan.objects.all())
        | scoped(TrainingRecord.objects.all())
        | scoped(YearSummary.objects.all())
    )
    closures = YearClosure.objects.filter(reopened_at__isnull=True)
    if school_year is not None:
        closures = closures.filter(school_year=school_year)
    for year, path in closures.values_list("school_year", "unit__path"):
        people = User.objects.filter(
            profile__unit__path__startswith=path,
            profile__position__in=TRAINEE_POSITIONS,
            is_active=True,
        )
        if users is not None:
            people = people.filter(pk__in=list(users))
        keys |= {(pk, year) for pk in people.values_list("pk", flat=True)}
    return keys


def summary_figures(keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], dict]:
    """The figures of YearSummary (its FIGURES columns) for each (person id, school year),
    counted from the records in a fixed number of grouped queries whatever the number of keys.
    The one place where hours, scores and statuses are counted."""
    keys = set(keys)
    if not keys:
        return {}
    user_ids = {user_id for user_id, _year in keys}
    years = {year for _user_id, year in keys}
    figures = {
        key: {
            "hours_01": 0,
            "hours_02": 0,
            "hours_03": 0,
            "hours_other": 0,
            "modules_completed": 0,
            "records_approved": 0,
            "records_pending": 0,
            "records_rejected": 0,
            "plan_status": "",
            "required_modules": 0,
            "required_completed": 0,
        }
        for key in keys
    }
    scores: dict[tuple[int, str], list[Decimal]] = {key: [] for key in keys}
    hours_field = {
        Programme.P01: "hours_01",
        Programme.P02: "hours_02",
        Programme.P03: "hours_03",
        Programme.OTHER: "hours_other",
    }

    def rows(queryset, *fields):
        return queryset.filter(user_id__in=user_ids, school_year__in=years).values_list(*fields)

    completions = (
        Completion.objects.values("user_id", "school_year", "programme")
        .annotate(hours=Sum("hours"), count=Count("pk"))
        .order_by()
    )
    for user_id, year, programme, hours, count in rows(
        completions, "user_id", "school_year", "programme", "hours", "count"
    ):
        if (user_id, year) in figures:
            figures[user_id, year][hours_field[programme]] += hours
            figures[user_id, year]["modules_completed"] += count

    records = (
        TrainingRecord.objects.values("user_id", "school_year", "programme", "status")
        .annotate(hours=Sum("hours"), count=Count("pk"))
        .order_by()
    )
    status_field = {
        RecordStatus.APPROVED: "records_approved",
        RecordStatus.SUBMITTED: "records_pending",
        RecordStatus.REJECTED: "records_rejected",
    }
    for user_id, year, programme, status, hours, count in rows(
        records, "user_id", "school_year", "programme", "status", "hours", "count"
    ):
        if (user_id, year) in figures:
            figures[user_id, year][status_field[status]] += count
            if status == RecordStatus.APPROVED:
                figures[user_id, year][hours_field[programme]] += hours

    # Scores are read one by one (there are few a year) so that the average is exact on every
    # database: SQLite sums decimals as floating point.
    for user_id, year, score in rows(
        Completion.objects.filter(score__isnull=False), "user_id", "school_year", "score"
    ):
        if (user_id, year) in scores:
            scores[user_id, year].append(score)
    for user_id, year, score in rows(
        TrainingRecord.objects.filter(status=RecordStatus.APPROVED, score__isnull=False),
        "user_id",
        "school_year",
        "score",
    ):
        if (user_id, year) in scores:
            scores[user_id, year].append(score)

    plans = TrainingPlan.objects.all()
    for user_id, year, status in rows(plans, "user_id", "school_year", "status"):
        if (user_id, year) in figures:
            figures[user_id, year]["plan_status"] = status
    done = Completion.objects.filter(
        user_id=OuterRef("plan__user_id"), module_id=OuterRef("module_id")
    )
    items = (
        PlanItem.objects.filter(
            plan__status=PlanStatus.APPROVED,
            plan__user_id__in=user_ids,
            plan__school_year__in=years,
        )
        .annotate(done=Exists(done))
        .values("plan__user_id", "plan__school_year")
        .annotate(total=Count("pk"), completed=Count("pk", filter=Q(done=True)))
        .order_by()
        .values_list("plan__user_id", "plan__school_year", "total", "completed")
    )
    for user_id, year, total, completed in items:
        if (user_id, year) in figures:
            figures[user_id, year]["required_modules"] = total
            figures[user_id, year]["required_completed"] = completed

    profiles = {
        user_id: (unit_id, path, position)
        for user_id, unit_id, path, position in StaffProfile.objects.filter(
            user_id__in=user_ids
        ).values_list("user_id", "unit_id", "unit__path", "position")
    }
    closed = closed_years(
        unit_paths={path for _unit, path, _position in profiles.values()}, years=years
    )
    targets = targets_for(years)
    for (user_id, year), values in figures.items():
        unit_id, path, position = profiles.get(user_id, (None, None, None))
        audience = audience_of(position)
        target = targets[year, audience]
        given = scores[user_id, year]
        lowest = min(given) if given else None
        is_closed = (year, path) in closed
        completed = plan_completed(
            hours_01=values["hours_01"],
            hours_02=values["hours_02"],
            hours_03=values["hours_03"],
            target=target,
            plan_approved=values["plan_status"] == PlanStatus.APPROVED,
            required_modules=values["required_modules"],
            required_completed=values["required_completed"],
            lowest_score=lowest,
        )
        values.update(
            unit_id=unit_id,
            audience=audience,
            target_01=target.hours_01,
            target_02=target.hours_02,
            target_03=target.hours_03,
            score_count=len(given),
            score_min=_quantize(lowest) if given else None,
            score_average=_quantize(sum(given) / len(given)) if given else None,
            closed=is_closed,
            status=year_status(completed=completed, closed=is_closed),
        )
    return figures


# Study ----------------------------------------------------------------------------------------


def module_is_open(module: ModulePage) -> bool:
    """A module people may enrol in: published and not behind a view restriction."""
    return ModulePage.objects.live().public().filter(pk=module.pk).exists()


@dataclass(frozen=True)
class RuleProgress:
    """How far an enrolment is along its module's completion rule (see courses' docstring):
    every live lesson viewed and, when there is a final assessment, a passing attempt."""

    lessons_total: int
    lessons_viewed: int
    has_assessment: bool
    attempts_used: int
    best_attempt: Attempt | None

    @property
    def met(self) -> bool:
        # A module with nothing to study (no lesson, no assessment) never completes by itself.
        if not self.lessons_total and not self.has_assessment:
            return False
        return self.lessons_viewed >= self.lessons_total and (
            not self.has_assessment or self.best_attempt is not None
        )

    @property
    def percent(self) -> int:
        steps = self.lessons_total + (1 if self.has_assessment else 0)
        done = self.lessons_viewed + (1 if self.best_attempt is not None else 0)
        return round(100 * done / steps) if steps else 0


#: The quiz_id of an attempt whose score external content reported (xAPI), before its reference.
EXTERNAL_ATTEMPT_PREFIX = "ext:"


def module_rule_progress(*, enrolment: Enrolment, module: ModulePage) -> RuleProgress:
    lesson_ids = list(module.lessons().values_list("pk", flat=True))
    viewed = LessonView.objects.filter(enrolment=enrolment, lesson_id__in=lesson_ids).count()
    attempts = Attempt.objects.filter(enrolment=enrolment)
    # Assessed by its own final quiz, or by its content once that reported a score.
    has_assessment = (
        module.final_quiz() is not None
        or attempts.filter(quiz_id__startswith=EXTERNAL_ATTEMPT_PREFIX).exists()
    )
    best = None
    if has_assessment:
        best = attempts.filter(passed=True).order_by("-score", "number").first()
    return RuleProgress(
        lessons_total=len(lesson_ids),
        lessons_viewed=viewed,
        has_assessment=has_assessment,
        attempts_used=attempts.count(),
        best_attempt=best,
    )


@dataclass(frozen=True)
class ModuleProgress:
    """What a module or lesson page shows a signed-in person (courses.hooks MODULE_CONTEXT)."""

    enrolment: Enrolment | None
    rule: RuleProgress | None
    completion: Completion | None
    attempt_limit: int | None

    @property
    def percent(self) -> int:
        if self.completion is not None:
            return 100
        return self.rule.percent if self.rule else 0

    @property
    def attempts_left(self) -> int | None:
        if self.attempt_limit is None or self.rule is None:
            return None
        return max(self.attempt_limit - self.rule.attempts_used, 0)


def module_progress(*, user: User, module: ModulePage) -> ModuleProgress:
    enrolment = (
        Enrolment.objects.filter(user=user, module=module).select_related("completion").first()
        if user.is_authenticated
        else None
    )
    if enrolment is None:
        return ModuleProgress(
            enrolment=None, rule=None, completion=None, attempt_limit=module.attempt_limit
        )
    completion = getattr(enrolment, "completion", None)
    return ModuleProgress(
        enrolment=enrolment,
        rule=module_rule_progress(enrolment=enrolment, module=module),
        completion=completion,
        attempt_limit=module.attempt_limit,
    )


# Plans ----------------------------------------------------------------------------------------


def _modules_under(programmes: Iterable[ProgrammePage]) -> QuerySet[ModulePage]:
    under = Q(pk__in=[])
    for programme in programmes:
        under |= Q(path__startswith=programme.path, depth=programme.depth + 1)
    return ModulePage.objects.live().public().filter(under)


def plan_choices(*, school_year: str, user: User) -> list[ModulePage]:
    """The Programme 03 modules of a school year one may put in one's plan: those written for
    one's position (or for everyone)."""
    programmes = (
        ProgrammePage.objects.live().public().filter(kind=Programme.P03, school_year=school_year)
    )
    profile = StaffProfile.objects.filter(user=user).only("position").first()
    position = profile.position if profile else None
    return [
        module
        for module in _modules_under(programmes).order_by("path")
        if not module.positions or position in module.positions
    ]


def plan_assigned_modules(*, school_year: str, user: User) -> list[tuple[ModulePage, str]]:
    """The Programme 01/02 modules assigned to a person for a school year, with their programme."""
    return [
        (enrolment.module, enrolment.programme)
        for enrolment in Enrolment.objects.filter(
            user=user,
            school_year=school_year,
            source=EnrolmentSource.ASSIGNED,
            programme__in=[Programme.P01, Programme.P02],
        )
        .select_related("module")
        .order_by("programme", "module__path")
    ]


@dataclass(frozen=True)
class PlanView:
    school_year: str
    plan: TrainingPlan | None
    target: Target
    assigned: list[tuple[ModulePage, str]]
    choices: list[ModulePage]
    chosen: set[int]
    events: list
    closed: bool
    today: date

    @property
    def deadline(self) -> date:
        if (
            self.plan
            and self.plan.reopened_until
            and self.plan.reopened_until > (self.target.plan_deadline)
        ):
            return self.plan.reopened_until
        return self.target.plan_deadline

    @property
    def editable(self) -> bool:
        return not self.closed and (self.plan is None or self.plan.is_editable)

    @property
    def late(self) -> bool:
        return self.today > self.deadline

    @property
    def hours_03(self) -> int:
        return sum(m.hours for m in self.choices if m.pk in self.chosen)

    @property
    def hours_assigned(self) -> int:
        return sum(m.hours for m, _programme in self.assigned)


def plan_view(*, user: User, school_year: str, today: date) -> PlanView:
    plan = TrainingPlan.objects.filter(user=user, school_year=school_year).first()
    chosen = set()
    events = []
    if plan is not None:
        chosen = set(
            plan.items.filter(programme=Programme.P03, assigned=False).values_list(
                "module_id", flat=True
            )
        )
        events = list(plan.events.select_related("actor"))
    return PlanView(
        school_year=school_year,
        plan=plan,
        target=target_for(school_year=school_year, user=user),
        assigned=plan_assigned_modules(school_year=school_year, user=user),
        choices=plan_choices(school_year=school_year, user=user),
        chosen=chosen,
        events=events,
        closed=year_closed_for(user=user, school_year=school_year),
        today=today,
    )


# Face-to-face records -------------------------------------------------------------------------


def records_of(user: User) -> QuerySet[TrainingRecord]:
    return TrainingRecord.objects.filter(user=user).annotate(evidence_count=Count("evidence"))


def evidence_visible_to(user: User | AnonymousUser) -> QuerySet:
    """Evidence files a person may open: their own, and those of people in their reach."""
    from training.models import EvidenceFile

    if not user.is_authenticated:
        return EvidenceFile.objects.none()
    return EvidenceFile.objects.filter(
        Q(record__user=user) | Q(record__user__in=people_in_reach(user))
    ).select_related("record")


# Review (managers) ----------------------------------------------------------------------------


def plans_to_review(user: User) -> QuerySet[TrainingPlan]:
    """Submitted plans of people in reach, oldest first, with their hours."""
    return (
        TrainingPlan.objects.filter(status=PlanStatus.SUBMITTED, user__in=people_in_reach(user))
        .select_related("user", "user__profile__unit")
        .annotate(hours=Sum("items__hours"), module_count=Count("items"))
        .order_by("submitted_at", "pk")
    )


def plans_in_reach(user: User) -> QuerySet[TrainingPlan]:
    return TrainingPlan.objects.filter(user__in=people_in_reach(user)).select_related(
        "user", "user__profile__unit"
    )


def records_to_review(user: User) -> QuerySet[TrainingRecord]:
    """Face-to-face records waiting for approval from people in reach, oldest first."""
    return (
        records_in_reach(user).filter(status=RecordStatus.SUBMITTED).order_by("submitted_at", "pk")
    )


def records_in_reach(user: User) -> QuerySet[TrainingRecord]:
    return (
        TrainingRecord.objects.filter(user__in=people_in_reach(user))
        .select_related("user", "user__profile__unit")
        .annotate(evidence_count=Count("evidence"))
    )


def closures_in_reach(user: User) -> QuerySet[YearClosure]:
    return YearClosure.objects.filter(unit__in=units_visible_to(user)).select_related(
        "unit", "closed_by", "reopened_by"
    )


# The teacher's dashboard ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    hours: int
    target: int

    @property
    def percent(self) -> int:
        if not self.target:
            return 100 if self.hours else 0
        return min(100, round(100 * self.hours / self.target))

    @property
    def reached(self) -> bool:
        return self.hours >= self.target


@dataclass
class StudyItem:
    enrolment: Enrolment
    module: ModulePage
    lessons_total: int = 0
    lessons_viewed: int = 0
    completed: bool = False
    next_lesson: LessonPage | None = None
    to_assessment: bool = False

    @property
    def percent(self) -> int:
        if self.completed:
            return 100
        steps = self.lessons_total + (1 if self.module.has_final_assessment else 0)
        return round(100 * self.lessons_viewed / steps) if steps else 0


@dataclass
class Dashboard:
    user: User
    today: date
    school_year: str
    profile: StaffProfile | None
    summary: YearSummary
    target: Target
    plan: TrainingPlan | None
    studying: list[StudyItem] = field(default_factory=list)
    assigned: list[StudyItem] = field(default_factory=list)
    records: list[TrainingRecord] = field(default_factory=list)
    criteria: list[dict] = field(default_factory=list)
    past_years: list[YearSummary] = field(default_factory=list)

    @property
    def bars(self) -> list[Bar]:
        s = self.summary
        return [
            Bar("01", _("Programme 01"), s.hours_01, s.target_01),
            Bar("02", _("Programme 02"), s.hours_02, s.target_02),
            Bar("03", _("Programme 03"), s.hours_03, s.target_03),
            Bar("total", _("Total"), s.hours_total, s.target_total),
        ]

    @property
    def hours_01_02(self) -> int:
        return self.summary.hours_01 + self.summary.hours_02

    @property
    def target_01_02(self) -> int:
        return self.summary.target_01 + self.summary.target_02

    @property
    def plan_deadline(self) -> date:
        if self.plan and self.plan.reopened_until:
            return max(self.plan.reopened_until, self.target.plan_deadline)
        return self.target.plan_deadline


def dashboard_for(*, user: User, today: date) -> Dashboard:
    """Everything the teacher's dashboard shows, in a fixed number of queries however many
    years and records the person has: summaries for the figures, and one grouped query for each
    list."""
    from courses.school_year import current_school_year

    school_year = current_school_year(today)
    profile = StaffProfile.objects.filter(user=user).select_related("unit").first()
    summaries = list(YearSummary.objects.filter(user=user).order_by("-school_year"))
    target = targets_for([school_year])[school_year, audience_of(profile and profile.position)]
    summary = next((s for s in summaries if s.school_year == school_year), None)
    if summary is None:
        summary = YearSummary(
            user=user,
            school_year=school_year,
            target_01=target.hours_01,
            target_02=target.hours_02,
            target_03=target.hours_03,
        )
    plan = (
        TrainingPlan.objects.filter(user=user, school_year=school_year)
        .select_related("decided_by")
        .first()
    )

    enrolments = list(
        Enrolment.objects.filter(user=user, school_year=school_year)
        .select_related("module", "completion")
        .order_by("deadline", "-last_activity_at", "pk")
    )
    modules = [e.module for e in enrolments]
    lessons: dict[str, list[LessonPage]] = {m.path: [] for m in modules}
    if modules:
        under = Q(pk__in=[])
        for module in modules:
            under |= Q(path__startswith=module.path, depth=module.depth + 1)
        for lesson in (
            LessonPage.objects.live()
            .filter(under)
            .only("id", "title", "path", "depth", "url_path")
            .order_by("path")
        ):
            lessons[lesson.path[: -LessonPage.steplen]].append(lesson)
    viewed = set(
        LessonView.objects.filter(enrolment__in=[e.pk for e in enrolments]).values_list(
            "enrolment_id", "lesson_id"
        )
    )
    studying, assigned = [], []
    for enrolment in enrolments:
        module = enrolment.module
        own = lessons.get(module.path, [])
        item = StudyItem(
            enrolment=enrolment,
            module=module,
            lessons_total=len(own),
            lessons_viewed=sum(1 for lesson in own if (enrolment.pk, lesson.pk) in viewed),
            completed=hasattr(enrolment, "completion"),
        )
        if not item.completed:
            item.next_lesson = next(
                (lesson for lesson in own if (enrolment.pk, lesson.pk) not in viewed), None
            )
            item.to_assessment = item.next_lesson is None and module.has_final_assessment
            studying.append(item)
        if enrolment.source == EnrolmentSource.ASSIGNED:
            assigned.append(item)

    records = list(
        TrainingRecord.objects.filter(
            Q(user=user)
            & (
                Q(school_year=school_year)
                | Q(status__in=[RecordStatus.SUBMITTED, RecordStatus.REJECTED])
            )
        )
        .annotate(evidence_count=Count("evidence"))
        .order_by("-start_date", "-pk")[:50]
    )
    criteria = list(
        Completion.criteria.through.objects.filter(
            completion__user=user, completion__school_year=school_year
        )
        .values(
            "criterion_id",
            "criterion__code",
            "criterion__name",
            "criterion__framework__code",
            "criterion__sort_order",
        )
        .annotate(hours=Sum("completion__hours"), modules=Count("completion_id"))
        .order_by("criterion__framework__code", "criterion__sort_order")
    )
    return Dashboard(
        user=user,
        today=today,
        school_year=school_year,
        profile=profile,
        summary=summary,
        target=target,
        plan=plan,
        studying=studying,
        assigned=assigned,
        records=records,
        criteria=criteria,
        past_years=[s for s in summaries if s.school_year < school_year],
    )


# Reports ---------------------------------------------------------------------------------------
#
# Completion reports count from YearSummary joined to the people who train: someone with no
# summary yet is "in progress". Screens, exports and the API read these.


def trainees_with_status(
    *,
    user: User | AnonymousUser,
    school_year: str,
    unit: Unit | None = None,
    school_level: str = "",
    position: str = "",
    status: str = "",
) -> QuerySet[User]:
    """Active trainees within the user's reach (in `unit` and every unit below it, when given),
    each with `year_status` and the hours of the year's summary (0 when there is none yet).
    The one place where the reports decide whom they count and with which status."""
    people = User.objects.filter(
        is_active=True,
        profile__position__in=TRAINEE_POSITIONS,
        profile__unit__in=units_visible_to(user),
    )
    if unit is not None:
        people = people.filter(profile__unit__path__startswith=unit.path)
    if school_level:
        people = people.filter(profile__school_level=school_level)
    if position:
        people = people.filter(profile__position=position)
    people = people.annotate(
        summary=FilteredRelation(
            "year_summaries", condition=Q(year_summaries__school_year=school_year)
        ),
        year_status=Coalesce(F("summary__status"), Value(YearStatus.IN_PROGRESS)),
        hours_01=Coalesce(F("summary__hours_01"), Value(0)),
        hours_02=Coalesce(F("summary__hours_02"), Value(0)),
        hours_03=Coalesce(F("summary__hours_03"), Value(0)),
        hours_other=Coalesce(F("summary__hours_other"), Value(0)),
    )
    if status:
        people = people.filter(year_status=status)
    return people


@dataclass(frozen=True)
class UnitCompletion:
    """One row of the completion report: a unit and the trainees of its whole subtree."""

    unit: Unit
    teachers: int = 0
    completed: int = 0
    not_completed: int = 0

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


def report_root_unit(user: User | AnonymousUser) -> Unit | None:
    """Where a person's reports start: the highest unit within their reach."""
    return units_visible_to(user).order_by("depth", "path").first()


def completion_by_unit(
    *,
    user: User | AnonymousUser,
    school_year: str,
    unit: Unit | None = None,
    school_level: str = "",
    position: str = "",
    status: str = "",
) -> list[UnitCompletion]:
    """Completion of the year's plan for each unit directly below `unit` (default: the top of
    the user's reach), each counting the trainees of its whole subtree; a first row for `unit`
    itself when people are attached to it directly. Three queries whatever the size of the
    tree. A unit out of reach gives no rows."""
    visible = units_visible_to(user)
    if unit is None:
        unit = report_root_unit(user)
    elif not visible.filter(pk=unit.pk).exists():
        return []
    if unit is None:
        return []
    children = list(
        Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).order_by("path")
    )
    branch_length = len(unit.path) + Unit.steplen
    counts = {
        row["branch"]: row
        for row in trainees_with_status(
            user=user,
            school_year=school_year,
            unit=unit,
            school_level=school_level,
            position=position,
            status=status,
        )
        .annotate(branch=Substr("profile__unit__path", 1, branch_length))
        .values("branch")
        .annotate(
            teachers=Count("pk"),
            completed=Count("pk", filter=Q(year_status=YearStatus.COMPLETED)),
            not_completed=Count("pk", filter=Q(year_status=YearStatus.NOT_COMPLETED)),
        )
        .order_by()
    }

    def row(item: Unit) -> UnitCompletion:
        found = counts.get(item.path, {})
        return UnitCompletion(
            unit=item,
            teachers=found.get("teachers", 0),
            completed=found.get("completed", 0),
            not_completed=found.get("not_completed", 0),
        )

    rows = [row(child) for child in children]
    if unit.path in counts:
        rows.insert(0, row(unit))
    return rows
