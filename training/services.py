"""Writes. Each function changes the database in one transaction and records who did it.

`acting_user` is the person doing it (None only for the system itself: the demo, commands).
Refusals are ValidationError (bad input: nothing is written) or PermissionDenied (not theirs
to do); their messages are the ERROR_* constants below, whole sentences a person can act on.
Every write that changes hours, scores or statuses refreshes the person's YearSummary in the
same transaction (summaries_refresh), after its own rows are written."""

import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log

from courses.models import LessonPage, ModulePage
from courses.quiz import quiz_score
from courses.school_year import school_year_dates, validate_school_year
from courses.text import nfc, split_name
from training.evidence import ERROR_TOO_MANY, MAX_FILES, evidence_check
from training.hooks import COMPLETION_RECORDED, YEAR_COMPLETED
from training.models import (
    MAX_RECORD_HOURS,
    Assignment,
    Attempt,
    Audience,
    Completion,
    Enrolment,
    EnrolmentSource,
    EvidenceFile,
    LessonView,
    PlanAction,
    PlanEvent,
    PlanItem,
    PlanStatus,
    Position,
    Programme,
    RecordStatus,
    StaffProfile,
    TrainingPlan,
    TrainingRecord,
    Unit,
    UnitKind,
    User,
    YearClosure,
    YearStatus,
    YearSummary,
    YearTarget,
)
from training.review_selectors import plan_version, record_version
from training.selectors import (
    EXTERNAL_ATTEMPT_PREFIX,
    TRAINEE_POSITIONS,
    closed_years,
    may_change_province_settings,
    module_is_open,
    module_rule_progress,
    people_in_reach,
    person_changeable_by,
    plan_assigned_modules,
    plan_choices,
    summary_figures,
    target_for,
    trainees_below,
    units_visible_to,
    year_closed_for,
)

ERROR_STAFF_CODE_TAKEN = _("A person with the staff code “%(code)s” already exists.")
ERROR_EMAIL_TAKEN = _("A person with the e-mail address “%(email)s” already exists.")
ERROR_STAFF_CODE_REQUIRED = _("The staff code is required.")
ERROR_NAME_REQUIRED = _("The full name is required.")
ERROR_UNIT_CODE_TAKEN = _("A unit with the code “%(code)s” already exists.")
ERROR_NOT_YOUR_AUTHORITY = _(
    "You may change only people below your own authority: not yourself, a colleague with the "
    "same role in your unit, an administrator or anyone above you."
)
ERROR_ROOT_UNIT = _("Only an administrator may add a top-level unit.")
ERROR_UNIT_OUT_OF_REACH = _("This unit is not within your reach.")


@transaction.atomic
def unit_create(
    *, name: str, code: str, kind: str, parent: Unit | None = None, acting_user: User | None
) -> Unit:
    """Add a unit under `parent` (a top-level unit when None). A person adds units only below
    a unit within their reach; only a superuser adds a top-level unit."""
    if acting_user is not None:
        _require_perm(acting_user, "training.add_unit")
        if parent is None and not acting_user.is_superuser:
            raise PermissionDenied(ERROR_ROOT_UNIT)
        if parent is not None and not units_visible_to(acting_user).filter(pk=parent.pk).exists():
            raise PermissionDenied(ERROR_UNIT_OUT_OF_REACH)
    code = nfc(code)
    if Unit.objects.filter(code__iexact=code).exists():
        raise ValidationError({"code": ERROR_UNIT_CODE_TAKEN % {"code": code}})
    fields = {"name": nfc(name), "code": code, "kind": UnitKind(kind)}
    unit = parent.add_child(**fields) if parent else Unit.add_root(**fields)
    log(instance=unit, action="wagtail.create", user=acting_user)
    return unit


@transaction.atomic
def staff_create(
    *,
    staff_code: str,
    full_name: str,
    unit: Unit,
    email: str = "",
    position: str = Position.TEACHER,
    roles: list[str] | tuple[str, ...] = (),
    password: str | None = None,
    must_change_password: bool = False,
    gender: str = "",
    date_of_birth: date | None = None,
    school_level: str = "",
    subjects: str = "",
    ethnicity: str = "",
    employment_status: str = "",
    acting_user: User | None,
) -> User:
    """Create a person with their account and staff profile. A staff code or e-mail that is
    already taken (in any letter case) is refused with a clear error, and nothing is written.
    A person adds people only to a unit within their reach; the e-mail is unconfirmed until
    the new person confirms it."""
    if acting_user is not None:
        _require_perm(acting_user, "training.add_staffprofile")
        if not units_visible_to(acting_user).filter(pk=unit.pk).exists():
            raise PermissionDenied(ERROR_UNIT_OUT_OF_REACH)
    staff_code, email, full_name = nfc(staff_code), nfc(email).lower(), nfc(full_name)
    errors: dict[str, str] = {}
    if not staff_code:
        errors["staff_code"] = ERROR_STAFF_CODE_REQUIRED
    elif User.objects.filter(username__iexact=staff_code).exists():
        errors["staff_code"] = ERROR_STAFF_CODE_TAKEN % {"code": staff_code}
    if not full_name:
        errors["full_name"] = ERROR_NAME_REQUIRED
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            errors["email"] = exc.messages[0]
        else:
            if User.objects.filter(email__iexact=email).exists():
                errors["email"] = ERROR_EMAIL_TAKEN % {"email": email}
    if errors:
        raise ValidationError(errors)

    family, middle, given = split_name(full_name)
    user = User(
        username=staff_code,
        email=email,
        last_name=family,
        first_name=nfc(f"{middle} {given}"),
        must_change_password=must_change_password,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    if roles:
        user.groups.set(Group.objects.filter(name__in=roles))
    profile_fields = {
        "gender": gender,
        "date_of_birth": date_of_birth,
        "position": position,
        "school_level": school_level,
        "subjects": nfc(subjects),
        "ethnicity": nfc(ethnicity),
    }
    if employment_status:
        profile_fields["employment_status"] = employment_status
    StaffProfile.objects.create(user=user, unit=unit, **profile_fields)
    log(instance=user, action="wagtail.create", user=acting_user)
    return user


def _require_authority(acting_user: User | None, person: User) -> None:
    """The one guard of every service that changes a person: `people_changeable_by`."""
    if acting_user is None:
        return
    if not person_changeable_by(acting_user, person):
        raise PermissionDenied(ERROR_NOT_YOUR_AUTHORITY)


#: What staff_profile_update may change (the account's roles, e-mail and password: never).
STAFF_PROFILE_FIELDS = (
    "unit",
    "position",
    "gender",
    "date_of_birth",
    "school_level",
    "subjects",
    "ethnicity",
    "employment_status",
)


@transaction.atomic
def staff_profile_update(
    *, profile: StaffProfile, changes: dict, acting_user: User | None
) -> StaffProfile:
    """Change a person's staff profile: only someone above them may (`people_changeable_by`),
    and a new unit must be within the acting person's reach."""
    profile = StaffProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    _require_authority(acting_user, profile.user)
    unknown = set(changes) - set(STAFF_PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    unit = changes.get("unit")
    if (
        acting_user is not None
        and unit is not None
        and not units_visible_to(acting_user).filter(pk=unit.pk).exists()
    ):
        raise ValidationError({"unit": ERROR_UNIT_OUT_OF_REACH})
    changed = sorted(k for k, v in changes.items() if getattr(profile, k) != v)
    for key in changed:
        setattr(
            profile, key, nfc(changes[key]) if key in ("subjects", "ethnicity") else changes[key]
        )
    if changed:
        profile.save(update_fields=changed)
        log(instance=profile, action="wagtail.edit", user=acting_user, data={"changed": changed})
    return profile


@transaction.atomic
def email_change(*, user: User, email: str, acting_user: User) -> User:
    """A person sets their own e-mail address. It stays unconfirmed (no password reset goes
    to it) until they follow the link mailed to it. Nobody sets another person's address
    here: managers fill an empty one at most, by import or when adding the person."""
    if acting_user.pk != user.pk:
        raise PermissionDenied(ERROR_NOT_YOUR_AUTHORITY)
    email = nfc(email).strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError({"email": exc.messages[0]}) from exc
        if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
            raise ValidationError({"email": ERROR_EMAIL_TAKEN % {"email": email}})
    user = User.objects.select_for_update().get(pk=user.pk)
    if email != user.email:
        user.email, user.confirmed_email = email, ""  # confirmed again by the link only
        user.save(update_fields=["email", "confirmed_email"])
        log(instance=user, action="hoctap.email_change", user=acting_user)
    return user


@transaction.atomic
def email_confirm(*, user: User, email: str) -> bool:
    """The person followed the link mailed to `email`: it is confirmed if it is still their
    address. Returns whether it was."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.email or user.email.lower() != email.lower():
        return False
    if user.confirmed_email != user.email:
        user.confirmed_email = user.email
        user.save(update_fields=["confirmed_email"])
        log(instance=user, action="hoctap.email_confirm", user=user)
    return True


@transaction.atomic
def password_changed(*, user: User) -> None:
    """Record that a person chose their own password (after it was set by someone else)."""
    if user.must_change_password:
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
    log(instance=user, action="hoctap.password_change", user=user)


# Training records ------------------------------------------------------------------------------

ERROR_NOT_ALLOWED = _("You are not allowed to do this.")
ERROR_OUT_OF_REACH = _("This person is not in a unit you manage.")
ERROR_OWN_RECORD = _("Nobody may approve or change their own plan or records.")
ERROR_NOT_YOURS = _("This belongs to somebody else.")
ERROR_YEAR_CLOSED = _(
    "The school year %(year)s is closed: nothing more can be recorded for it. Ask your manager "
    "to reopen it if something is missing."
)
ERROR_MODULE_NOT_OPEN = _("This module is not open for enrolment.")
ERROR_MODULE_OUTSIDE_PROGRAMME = _("This module is not part of a programme.")
ERROR_NOT_ENROLLED = _("You are not enrolled in this module. Enrol in it first.")
ERROR_NO_ASSESSMENT = _("This module has no final assessment.")
ERROR_ALREADY_COMPLETED = _("You have already completed this module.")
ERROR_ATTEMPT_LIMIT = _(
    "You have used all %(limit)d attempts at this assessment. Ask your manager if you need another."
)
ERROR_ANSWERS_TOO_LONG = _("The answers are too long.")
ERROR_RULE_NOT_MET = _(
    "The module is not completed yet: every lesson must be studied and the final assessment passed."
)
ERROR_ASSIGN_NOBODY = _("Choose at least one unit or person to assign the module to.")
ERROR_DEADLINE_PAST = _("The deadline cannot be in the past.")
ERROR_PLAN_NOT_EDITABLE = _(
    "This plan has been submitted or approved and can no longer be changed. A manager can "
    "return it to you for revision."
)
ERROR_PLAN_NOT_SUBMITTED = _("Only a submitted plan can be approved or returned.")
ERROR_PLAN_MODULE_NOT_ALLOWED = _(
    "“%(module)s” is not a Programme 03 module of the school year %(year)s."
)
ERROR_PLAN_LATE = _(
    "Plans for %(year)s had to be submitted by %(deadline)s. Ask your school manager to reopen "
    "your plan."
)
ERROR_PLAN_TOO_FEW_03 = _(
    "Choose Programme 03 modules worth at least %(target)d tiết (now %(hours)d tiết)."
)
ERROR_PLAN_REOPEN_SUBMITTED = _("A submitted plan waits for a decision: approve or return it.")
ERROR_REOPEN_UNTIL_PAST = _("The new deadline must be today or later.")
ERROR_COMMENT_REQUIRED = _("Say why: the person needs to know what to change.")
ERROR_REASON_REQUIRED = _("Give a reason: it is kept in the record's history.")
ERROR_REQUIRED = _("This field is required.")
ERROR_PROGRAMME = _("Choose Programme 01, 02, 03 or other training.")
ERROR_HOURS_NOT_WHOLE = _("Write the hours as a whole number of tiết.")
ERROR_HOURS_POSITIVE = _("The hours must be at least 1 tiết.")
ERROR_HOURS_TOO_MANY = _("One record may claim at most %(max)d tiết. Split longer trainings.")
ERROR_DATES_ORDER = _("The end date cannot be before the start date.")
ERROR_DATES_FUTURE = _("Record a training once it has ended: the end date is in the future.")
ERROR_DATES_OUTSIDE_YEAR = _(
    "The training must have started between %(start)s and %(end)s to count for the school year "
    "%(year)s."
)
ERROR_SCORE = _("The score must be a number from 0 to 10.")
ERROR_RECORD_LOCKED = _(
    "An approved record cannot be changed by its owner. Ask your manager to correct it."
)
ERROR_RECORD_NOT_PENDING = _("Only a record waiting for approval can be approved or rejected.")
ERROR_RECORD_NOT_APPROVED = _("Only an approved record can be corrected by a manager.")
ERROR_RECORD_CHANGED = _(
    "This record changed after it was shown to you, so nothing was decided. Reload it to see "
    "the latest version, then decide."
)
ERROR_PLAN_CHANGED = _(
    "This plan changed after it was shown to you, so nothing was decided. Reload it to see the "
    "latest version, then decide."
)
ERROR_YEAR_ALREADY_CLOSED = _("The school year %(year)s is already closed for %(unit)s.")
ERROR_YEAR_NOT_CLOSED = _("This closure has already been undone.")
ERROR_TARGET_HOURS = _("Each target must be a whole number of tiết from 0 to 500.")
ERROR_TARGET_EMPTY = _("The targets cannot all be zero.")
ERROR_PROVINCE_SETTINGS = _(
    "Only the department's office may change what holds for the whole province; "
    "your office may read it."
)

#: The longest answers (as JSON) one attempt may send.
MAX_ANSWERS_LENGTH = 20_000
#: How many people's summaries are refreshed in one round of queries.
SUMMARY_BATCH = 500


def _require_perm(acting_user: User | None, permission: str) -> None:
    if acting_user is None:
        return
    if not (acting_user.is_active and acting_user.has_perm(permission)):
        raise PermissionDenied(ERROR_NOT_ALLOWED)


def province_settings_guard(acting_user: User | None) -> None:
    """Refuse a change to a province-wide setting (training.selectors.may_change_province_settings)
    by anyone else than a superuser or the department's office staff."""
    if acting_user is not None and not may_change_province_settings(acting_user):
        raise PermissionDenied(ERROR_PROVINCE_SETTINGS)


def _require_reach(acting_user: User | None, person: User) -> None:
    if acting_user is None:
        return
    if acting_user.pk == person.pk:
        raise PermissionDenied(ERROR_OWN_RECORD)
    if not people_in_reach(acting_user).filter(pk=person.pk).exists():
        raise PermissionDenied(ERROR_OUT_OF_REACH)


def _require_seen(
    *, current: str, seen_version: str | None, acting_user: User | None, message
) -> None:
    """A reviewer's decision applies to the version they were shown (training.review_selectors:
    `plan_version`, `record_version`), checked under the row lock the decision holds: a
    different one, or none, is refused and nothing changes. A person must say which version
    they decide; the system (no `acting_user`: the demo, commands) may decide without one."""
    if seen_version is None and acting_user is None:
        return
    if seen_version != current:
        raise ValidationError(message, code="changed_since_seen")


def _require_open_year(user: User, school_year: str) -> None:
    if year_closed_for(user=user, school_year=school_year):
        raise ValidationError(ERROR_YEAR_CLOSED % {"year": school_year}, code="year_closed")


def _run_hooks(name: str, **kwargs) -> None:
    for fn in hooks.get_hooks(name):
        fn(**kwargs)


def _local(day: date) -> str:
    """A date as the pages print it: 31/5/2027."""
    return f"{day.day}/{day.month}/{day.year}"


# Summaries ------------------------------------------------------------------------------------


def summaries_refresh(*, keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], YearSummary]:
    """Bring the summaries of these (person id, school year) pairs in line with the records,
    creating the missing rows. Rows are locked (in primary-key order, so that two refreshes
    never deadlock) before the records are counted: a concurrent change waits, then counts
    again with this one's rows in. Call it inside the transaction that changed the records,
    after writing them."""
    keys = sorted(set(keys))
    result: dict[tuple[int, str], YearSummary] = {}
    completed: list[YearSummary] = []
    for start in range(0, len(keys), SUMMARY_BATCH):
        batch = keys[start : start + SUMMARY_BATCH]
        YearSummary.objects.bulk_create(
            [YearSummary(user_id=user_id, school_year=year) for user_id, year in batch],
            ignore_conflicts=True,
        )
        wanted = set(batch)
        rows = [
            row
            for row in YearSummary.objects.select_for_update()
            .filter(
                user_id__in={user_id for user_id, _ in batch},
                school_year__in={year for _, year in batch},
            )
            .order_by("pk")
            if (row.user_id, row.school_year) in wanted
        ]
        figures = summary_figures(wanted)
        changed, now = [], timezone.now()
        for row in rows:
            values = figures[row.user_id, row.school_year]
            if any(getattr(row, name) != value for name, value in values.items()):
                if values["status"] == YearStatus.COMPLETED and row.status != YearStatus.COMPLETED:
                    completed.append(row)
                for name, value in values.items():
                    setattr(row, name, value)
                row.updated_at = now
                changed.append(row)
            result[row.user_id, row.school_year] = row
        YearSummary.objects.bulk_update(changed, [*YearSummary.FIGURES, "updated_at"])
    for row in completed:
        transaction.on_commit(lambda row=row: _run_hooks(YEAR_COMPLETED, summary=row))
    return result


# Yearly targets -------------------------------------------------------------------------------


@transaction.atomic
def year_target_set(
    *,
    school_year: str,
    audience: str,
    hours_01: int,
    hours_02: int,
    hours_03: int,
    plan_deadline: date | None = None,
    acting_user: User | None,
) -> YearTarget:
    """Set a year's target for an audience; the summaries of that year follow at once."""
    _require_perm(acting_user, "training.change_yeartarget")
    province_settings_guard(acting_user)
    validate_school_year(school_year)
    audience = Audience(audience)
    hours = (hours_01, hours_02, hours_03)
    if any(isinstance(h, bool) or not isinstance(h, int) or not 0 <= h <= 500 for h in hours):
        raise ValidationError(ERROR_TARGET_HOURS, code="target_hours")
    if not any(hours):
        raise ValidationError(ERROR_TARGET_EMPTY, code="target_empty")
    target, created = YearTarget.objects.update_or_create(
        school_year=school_year,
        audience=audience,
        defaults={
            "hours_01": hours_01,
            "hours_02": hours_02,
            "hours_03": hours_03,
            "plan_deadline": plan_deadline,
        },
    )
    log(
        instance=target,
        action="wagtail.create" if created else "wagtail.edit",
        user=acting_user,
        data={"hours": list(hours), "plan_deadline": plan_deadline and plan_deadline.isoformat()},
    )
    summaries_refresh(
        keys=YearSummary.objects.filter(school_year=school_year).values_list(
            "user_id", "school_year"
        )
    )
    return target


# Enrolment and study --------------------------------------------------------------------------


def _module_year(module: ModulePage) -> tuple[str, str]:
    programme = module.programme
    if programme is None or not hasattr(programme, "school_year"):
        raise ValidationError(ERROR_MODULE_OUTSIDE_PROGRAMME, code="module_outside_programme")
    return programme.school_year, Programme.of_kind(programme.kind)


@transaction.atomic
def enrolment_self(
    *, module: ModulePage, acting_user: User, source: str = EnrolmentSource.SELF
) -> Enrolment:
    """Enrol oneself in an open module (live, public, of a year not closed for them). Enrolling
    again returns the enrolment one has."""
    existing = Enrolment.objects.filter(user=acting_user, module=module).first()
    if existing is not None:
        return existing
    if not module_is_open(module):
        raise ValidationError(ERROR_MODULE_NOT_OPEN, code="module_not_open")
    school_year, programme = _module_year(module)
    _require_open_year(acting_user, school_year)
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=acting_user,
                module=module,
                school_year=school_year,
                programme=programme,
                source=source,
            )
    except IntegrityError:
        return Enrolment.objects.get(user=acting_user, module=module)
    log(instance=enrolment, action="hoctap.enrol", user=acting_user, data={"source": source})
    summaries_refresh(keys=[(acting_user.pk, school_year)])
    return enrolment


@transaction.atomic
def enrolment_assign(
    *,
    module: ModulePage,
    units: Iterable[Unit] = (),
    people: Iterable[User] = (),
    deadline: date | None = None,
    note: str = "",
    acting_user: User | None,
) -> Assignment:
    """Assign a module to everyone in `units` (and below) whose position the module is written
    for, and to `people`, with an optional deadline. Those already enrolled keep their progress;
    their enrolment becomes an assignment with the new deadline."""
    _require_perm(acting_user, "training.assign_module")
    units, people = list(units), list(people)
    if not units and not people:
        raise ValidationError(ERROR_ASSIGN_NOBODY, code="assign_nobody")
    if deadline is not None and deadline < timezone.localdate():
        raise ValidationError({"deadline": ERROR_DEADLINE_PAST})
    if not module_is_open(module):
        raise ValidationError(ERROR_MODULE_NOT_OPEN, code="module_not_open")
    school_year, programme = _module_year(module)
    if acting_user is not None:
        reach = set(
            units_visible_to(acting_user)
            .filter(pk__in=[u.pk for u in units])
            .values_list("pk", flat=True)
        )
        reachable = set(
            people_in_reach(acting_user)
            .filter(pk__in=[p.pk for p in people])
            .values_list("pk", flat=True)
        )
        if any(u.pk not in reach for u in units) or any(p.pk not in reachable for p in people):
            raise PermissionDenied(ERROR_OUT_OF_REACH)

    positions = [p for p in (module.positions or []) if p in TRAINEE_POSITIONS] or list(
        TRAINEE_POSITIONS
    )
    in_units = Q(pk__in=[])
    for unit in units:
        in_units |= Q(profile__unit__path__startswith=unit.path)
    targets = set(
        User.objects.filter(in_units, profile__position__in=positions, is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    ) | {p.pk for p in people}
    closed = closed_years(
        unit_paths=StaffProfile.objects.filter(user_id__in=targets).values_list(
            "unit__path", flat=True
        ),
        years=[school_year],
    )
    if closed:
        closed_paths = {path for _year, path in closed}
        targets -= set(
            StaffProfile.objects.filter(
                user_id__in=targets, unit__path__in=closed_paths
            ).values_list("user_id", flat=True)
        )

    assignment = Assignment.objects.create(
        module=module, assigned_by=acting_user, deadline=deadline, note=nfc(note)
    )
    assignment.units.set(units)
    assignment.people.set(people)
    Enrolment.objects.filter(module=module, user_id__in=targets).update(
        source=EnrolmentSource.ASSIGNED, assignment=assignment, deadline=deadline
    )
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                user_id=pk,
                module=module,
                school_year=school_year,
                programme=programme,
                source=EnrolmentSource.ASSIGNED,
                assignment=assignment,
                deadline=deadline,
            )
            for pk in sorted(targets)
        ],
        ignore_conflicts=True,
    )
    assignment.enrolled = len(targets)
    assignment.save(update_fields=["enrolled"])
    log(
        instance=assignment,
        action="hoctap.assign",
        user=acting_user,
        data={
            "module": module.pk,
            "units": [u.pk for u in units],
            "people": [p.pk for p in people],
            "deadline": deadline and deadline.isoformat(),
            "enrolled": len(targets),
        },
    )
    summaries_refresh(keys=[(pk, school_year) for pk in targets])
    return assignment


def _is_trainee(user: User) -> bool:
    return StaffProfile.objects.filter(user=user).exists()


@transaction.atomic
def lesson_view_record(*, lesson: LessonPage, acting_user: User) -> LessonView | None:
    """Record that a person opened a lesson, for their progress and to resume there. A person
    with a staff profile who is not enrolled yet is enrolled by opening a lesson of an open
    module. Completes the module when this was the last thing missing. Returns None when
    nothing is recorded (no staff profile, module not open, year closed)."""
    module = lesson.module
    if module is None or not acting_user.is_authenticated:
        return None
    enrolment = Enrolment.objects.filter(user=acting_user, module=module).first()
    if enrolment is None:
        if not _is_trainee(acting_user):
            return None
        try:
            enrolment = enrolment_self(module=module, acting_user=acting_user)
        except ValidationError:
            return None
    now = timezone.now()
    views = LessonView.objects.filter(enrolment=enrolment, lesson=lesson)
    if not views.update(last_viewed_at=now, view_count=F("view_count") + 1):
        try:
            with transaction.atomic():
                LessonView.objects.create(
                    enrolment=enrolment, lesson=lesson, first_viewed_at=now, last_viewed_at=now
                )
        except IntegrityError:
            views.update(last_viewed_at=now, view_count=F("view_count") + 1)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=now)
    _complete_if_met(enrolment=enrolment, module=module, acting_user=acting_user)
    return views.get()


def _complete_if_met(
    *, enrolment: Enrolment, module: ModulePage, acting_user: User | None
) -> Completion | None:
    if Completion.objects.filter(enrolment=enrolment).exists():
        return None
    if not module_rule_progress(enrolment=enrolment, module=module).met:
        return None
    if year_closed_for(user=enrolment.user, school_year=enrolment.school_year):
        return None
    return completion_record(enrolment=enrolment, acting_user=acting_user)


@transaction.atomic
def attempt_submit(*, module: ModulePage, answers: dict, acting_user: User) -> Attempt:
    """Score answers to a module's final assessment on the server and record the attempt,
    within the module's attempt limit. Completes the module when the rule is then met (the
    attempt's `completion` is set). Answers naming questions or choices the quiz does not have
    are refused, and nothing is recorded."""
    quiz = module.final_quiz()
    if quiz is None:
        raise ValidationError(ERROR_NO_ASSESSMENT, code="no_assessment")
    if len(json.dumps(answers, default=str)) > MAX_ANSWERS_LENGTH:
        raise ValidationError(ERROR_ANSWERS_TOO_LONG, code="answers_too_long")
    score = quiz_score(quiz, answers)
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("user")
        .filter(user=acting_user, module=module)
        .first()
    )
    if enrolment is None:
        raise ValidationError(ERROR_NOT_ENROLLED, code="not_enrolled")
    if Completion.objects.filter(enrolment=enrolment).exists():
        raise ValidationError(ERROR_ALREADY_COMPLETED, code="already_completed")
    _require_open_year(acting_user, enrolment.school_year)
    used = Attempt.objects.filter(enrolment=enrolment).count()
    if module.attempt_limit is not None and used >= module.attempt_limit:
        raise ValidationError(
            ERROR_ATTEMPT_LIMIT % {"limit": module.attempt_limit}, code="attempt_limit"
        )
    now = timezone.now()
    attempt = Attempt.objects.create(
        enrolment=enrolment,
        number=used + 1,
        quiz_id=quiz.id,
        answers=answers,
        score=score.value,
        pass_mark=module.pass_mark,
        passed=score.passed(module.pass_mark),
        submitted_at=now,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    log(
        instance=attempt,
        action="hoctap.attempt",
        user=acting_user,
        data={"module": module.pk, "number": attempt.number, "score": str(score.value)},
    )
    attempt.completion = _complete_if_met(
        enrolment=enrolment, module=module, acting_user=acting_user
    )
    return attempt


@transaction.atomic
def completion_record(*, enrolment: Enrolment, acting_user: User | None) -> Completion:
    """Record that a module is completed, with a snapshot of what it was judged by. Idempotent:
    however many times and however concurrently it is called for one enrolment, there is one
    completion and the summary counts it once (the enrolment row is locked, and the database
    keeps one completion per enrolment)."""
    enrolment = Enrolment.objects.select_for_update().select_related("user").get(pk=enrolment.pk)
    existing = Completion.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    module = ModulePage.objects.get(pk=enrolment.module_id)
    _require_open_year(enrolment.user, enrolment.school_year)
    progress = module_rule_progress(enrolment=enrolment, module=module)
    if not progress.met:
        raise ValidationError(ERROR_RULE_NOT_MET, code="rule_not_met")
    best = progress.best_attempt
    now = timezone.now()
    try:
        with transaction.atomic():
            completion = Completion.objects.create(
                enrolment=enrolment,
                user=enrolment.user,
                module=module,
                school_year=enrolment.school_year,
                programme=enrolment.programme,
                module_code=module.code,
                module_title=module.title,
                module_revision_id=module.live_revision_id,
                hours=module.hours,
                pass_mark=module.pass_mark if progress.has_assessment else None,
                score=best.score if best else None,
                attempt=best,
                completed_at=now,
                completed_on=timezone.localdate(now),
            )
    except IntegrityError:
        return Completion.objects.get(enrolment=enrolment)
    completion.criteria.set(module.criteria.all())
    log(
        instance=completion,
        action="hoctap.complete",
        user=acting_user,
        data={
            "module": module.pk,
            "hours": module.hours,
            "score": best and str(best.score),
            "revision": module.live_revision_id,
        },
    )
    summaries_refresh(keys=[(enrolment.user_id, enrolment.school_year)])
    transaction.on_commit(lambda: _run_hooks(COMPLETION_RECORDED, completion=completion))
    return completion


# Plans ----------------------------------------------------------------------------------------


def _plan_snapshot(plan: TrainingPlan) -> list[dict]:
    return [
        {
            "id": item.module_id,
            "code": item.module.code,
            "title": item.module.title,
            "hours": item.hours,
            "programme": item.programme,
            "assigned": item.assigned,
        }
        for item in plan.items.select_related("module")
    ]


def _lock_plan(plan: TrainingPlan) -> TrainingPlan:
    return TrainingPlan.objects.select_for_update().select_related("user").get(pk=plan.pk)


@transaction.atomic
def plan_save(
    *, school_year: str, modules: Iterable[ModulePage], acting_user: User
) -> TrainingPlan:
    """Save one's plan for a school year: the Programme 03 `modules` one chooses, with the
    Programme 01/02 modules assigned to one. The chosen modules are enrolled at once, so that
    study can start. Only a draft or returned plan can change."""
    validate_school_year(school_year)
    _require_open_year(acting_user, school_year)
    plan, _created = TrainingPlan.objects.get_or_create(user=acting_user, school_year=school_year)
    plan = _lock_plan(plan)
    if not plan.is_editable:
        raise ValidationError(ERROR_PLAN_NOT_EDITABLE, code="plan_not_editable")
    chosen = list(dict.fromkeys(modules))
    allowed = {m.pk for m in plan_choices(school_year=school_year, user=acting_user)}
    for module in chosen:
        if module.pk not in allowed:
            raise ValidationError(
                ERROR_PLAN_MODULE_NOT_ALLOWED % {"module": module.title, "year": school_year},
                code="plan_module_not_allowed",
            )
    assigned = plan_assigned_modules(school_year=school_year, user=acting_user)
    plan.items.all().delete()
    items = [
        PlanItem(plan=plan, module=m, programme=programme, hours=m.hours, assigned=True)
        for m, programme in assigned
    ]
    taken = {m.pk for m, _programme in assigned}
    items += [
        PlanItem(plan=plan, module=m, programme=Programme.P03, hours=m.hours)
        for m in chosen
        if m.pk not in taken
    ]
    PlanItem.objects.bulk_create(items)
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=acting_user,
                module=m,
                school_year=school_year,
                programme=Programme.P03,
                source=EnrolmentSource.PLAN,
            )
            for m in chosen
        ],
        ignore_conflicts=True,
    )
    plan.save(update_fields=["updated_at"])
    log(
        instance=plan,
        action="wagtail.edit",
        user=acting_user,
        data={"modules": [item.module_id for item in items]},
    )
    summaries_refresh(keys=[(acting_user.pk, school_year)])
    return plan


@transaction.atomic
def plan_submit(*, plan: TrainingPlan, acting_user: User) -> TrainingPlan:
    """Submit one's plan for approval, by the year's plan deadline (or the later day a manager
    reopened it until), with at least the Programme 03 target in it."""
    plan = _lock_plan(plan)
    if plan.user_id != acting_user.pk:
        raise PermissionDenied(ERROR_NOT_YOURS)
    if not plan.is_editable:
        raise ValidationError(ERROR_PLAN_NOT_EDITABLE, code="plan_not_editable")
    _require_open_year(acting_user, plan.school_year)
    target = target_for(school_year=plan.school_year, user=acting_user)
    today = timezone.localdate()
    if today > target.plan_deadline and not (plan.reopened_until and today <= plan.reopened_until):
        raise ValidationError(
            ERROR_PLAN_LATE % {"year": plan.school_year, "deadline": _local(target.plan_deadline)},
            code="plan_late",
        )
    hours_03 = sum(plan.items.filter(programme=Programme.P03).values_list("hours", flat=True))
    if hours_03 < target.hours_03:
        raise ValidationError(
            ERROR_PLAN_TOO_FEW_03 % {"target": target.hours_03, "hours": hours_03},
            code="plan_too_few_03",
        )
    now = timezone.now()
    plan.status, plan.submitted_at = PlanStatus.SUBMITTED, now
    plan.decided_at, plan.decided_by, plan.comment = None, None, ""
    plan.save(update_fields=["status", "submitted_at", "decided_at", "decided_by", "comment"])
    PlanEvent.objects.create(
        plan=plan,
        action=PlanAction.SUBMITTED,
        actor=acting_user,
        at=now,
        modules=_plan_snapshot(plan),
    )
    log(instance=plan, action="hoctap.plan_submit", user=acting_user)
    summaries_refresh(keys=[(plan.user_id, plan.school_year)])
    return plan


def _require_plan_seen(plan: TrainingPlan, seen_version: str | None, acting_user) -> None:
    _require_seen(
        current=plan_version(plan),
        seen_version=seen_version,
        acting_user=acting_user,
        message=ERROR_PLAN_CHANGED,
    )


def _plan_decide(
    *,
    plan: TrainingPlan,
    status: str,
    action: str,
    comment: str,
    acting_user: User | None,
    seen_version: str | None,
) -> TrainingPlan:
    plan = _lock_plan(plan)
    _require_perm(acting_user, "training.review_trainingplan")
    _require_reach(acting_user, plan.user)
    if plan.status != PlanStatus.SUBMITTED:
        raise ValidationError(ERROR_PLAN_NOT_SUBMITTED, code="plan_not_submitted")
    _require_plan_seen(plan, seen_version, acting_user)
    now = timezone.now()
    plan.status, plan.decided_at, plan.decided_by, plan.comment = (
        status,
        now,
        acting_user,
        nfc(comment),
    )
    plan.save(update_fields=["status", "decided_at", "decided_by", "comment"])
    PlanEvent.objects.create(
        plan=plan,
        action=action,
        actor=acting_user,
        at=now,
        comment=plan.comment,
        modules=_plan_snapshot(plan),
    )
    log(
        instance=plan,
        action=f"hoctap.plan_{action}",
        user=acting_user,
        data={"comment": plan.comment},
    )
    summaries_refresh(keys=[(plan.user_id, plan.school_year)])
    return plan


@transaction.atomic
def plan_approve(
    *,
    plan: TrainingPlan,
    acting_user: User | None,
    comment: str = "",
    seen_version: str | None = None,
) -> TrainingPlan:
    """Approve a submitted plan, as the reviewer saw it (`seen_version`: `plan_version` of what
    was shown; required of a person)."""
    return _plan_decide(
        plan=plan,
        status=PlanStatus.APPROVED,
        action=PlanAction.APPROVED,
        comment=comment,
        acting_user=acting_user,
        seen_version=seen_version,
    )


@transaction.atomic
def plan_return(
    *,
    plan: TrainingPlan,
    acting_user: User | None,
    comment: str,
    seen_version: str | None = None,
) -> TrainingPlan:
    """Return a submitted plan to its owner for revision, saying what to change (as the reviewer
    saw it: `seen_version`, as for plan_approve)."""
    if not nfc(comment):
        raise ValidationError({"comment": ERROR_COMMENT_REQUIRED})
    return _plan_decide(
        plan=plan,
        status=PlanStatus.RETURNED,
        action=PlanAction.RETURNED,
        comment=comment,
        acting_user=acting_user,
        seen_version=seen_version,
    )


@transaction.atomic
def plan_reopen(
    *,
    plan: TrainingPlan,
    until: date,
    acting_user: User | None,
    reason: str,
    seen_version: str | None = None,
) -> TrainingPlan:
    """Let a person revise and submit their plan after the deadline, until `until`. An approved
    plan goes back to them for revision. As the reviewer saw it (`seen_version`, as for
    plan_approve)."""
    if not nfc(reason):
        raise ValidationError({"reason": ERROR_REASON_REQUIRED})
    if until < timezone.localdate():
        raise ValidationError({"until": ERROR_REOPEN_UNTIL_PAST})
    plan = _lock_plan(plan)
    _require_perm(acting_user, "training.review_trainingplan")
    _require_reach(acting_user, plan.user)
    if plan.status == PlanStatus.SUBMITTED:
        raise ValidationError(ERROR_PLAN_REOPEN_SUBMITTED, code="plan_submitted")
    _require_plan_seen(plan, seen_version, acting_user)
    now = timezone.now()
    if plan.status == PlanStatus.APPROVED:
        plan.status = PlanStatus.RETURNED
    plan.reopened_until, plan.decided_at, plan.decided_by = until, now, acting_user
    plan.comment = nfc(reason)
    plan.save(update_fields=["status", "reopened_until", "decided_at", "decided_by", "comment"])
    PlanEvent.objects.create(
        plan=plan,
        action=PlanAction.REOPENED,
        actor=acting_user,
        at=now,
        comment=plan.comment,
        modules=_plan_snapshot(plan),
    )
    log(
        instance=plan,
        action="hoctap.plan_reopen",
        user=acting_user,
        data={"until": until.isoformat(), "reason": plan.comment},
    )
    summaries_refresh(keys=[(plan.user_id, plan.school_year)])
    return plan


# Face-to-face and external training -----------------------------------------------------------


def _whole_hours(hours, errors: dict) -> int | None:
    if isinstance(hours, bool):
        errors["hours"] = ERROR_HOURS_NOT_WHOLE
        return None
    try:
        value = Decimal(str(hours))
    except (InvalidOperation, ValueError):
        errors["hours"] = ERROR_HOURS_NOT_WHOLE
        return None
    if not value.is_finite() or value != value.to_integral_value():
        errors["hours"] = ERROR_HOURS_NOT_WHOLE
    elif value < 1:
        errors["hours"] = ERROR_HOURS_POSITIVE
    elif value > MAX_RECORD_HOURS:
        errors["hours"] = ERROR_HOURS_TOO_MANY % {"max": MAX_RECORD_HOURS}
    else:
        return int(value)
    return None


def _score(score, errors: dict) -> Decimal | None:
    if score is None or score == "":
        return None
    try:
        value = Decimal(str(score))
    except (InvalidOperation, ValueError):
        value = None
    if value is None or not value.is_finite() or not 0 <= value <= 10:
        errors["score"] = ERROR_SCORE
        return None
    return value.quantize(Decimal("0.01"))


def record_year_window(school_year: str) -> tuple[date, date]:
    """The days a training may start on to count for a school year: from 1 June before it
    (summer courses prepare the year) to its last day, 31 August."""
    first, last = school_year_dates(school_year)
    return date(first.year, 6, 1), last


def _validate_record(
    *,
    school_year: str,
    title: str,
    organiser: str,
    start_date: date | None,
    end_date: date | None,
    hours,
    programme: str,
    score,
    files: list,
    kept_files: int,
) -> tuple[dict, list]:
    errors: dict = {}
    values = {"title": nfc(title), "organiser": nfc(organiser)}
    for name in ("title", "organiser"):
        if not values[name]:
            errors[name] = ERROR_REQUIRED
    try:
        validate_school_year(school_year)
    except ValidationError as error:
        errors["school_year"] = error.messages[0]
    if programme not in Programme.values:
        errors["programme"] = ERROR_PROGRAMME
    values["hours"] = _whole_hours(hours, errors)
    values["score"] = _score(score, errors)
    if start_date is None:
        errors["start_date"] = ERROR_REQUIRED
    if end_date is None:
        errors["end_date"] = ERROR_REQUIRED
    if start_date and end_date:
        if end_date < start_date:
            errors["end_date"] = ERROR_DATES_ORDER
        elif end_date > timezone.localdate():
            errors["end_date"] = ERROR_DATES_FUTURE
        elif "school_year" not in errors:
            first, last = record_year_window(school_year)
            if not first <= start_date <= last:
                errors["start_date"] = ERROR_DATES_OUTSIDE_YEAR % {
                    "start": _local(first),
                    "end": _local(last),
                    "year": school_year,
                }
    checked, file_errors = [], []
    if kept_files + len(files) > MAX_FILES:
        file_errors.append(ERROR_TOO_MANY % {"count": MAX_FILES})
    for file in files:
        try:
            checked.append(evidence_check(file))
        except ValidationError as error:
            file_errors.extend(error.messages)
    if file_errors:
        errors["files"] = file_errors
    values.update(
        school_year=school_year,
        start_date=start_date,
        end_date=end_date,
        programme=programme,
    )
    return errors, [values, checked]


@transaction.atomic
def training_record_submit(
    *,
    school_year: str,
    title: str,
    organiser: str,
    start_date: date | None,
    end_date: date | None,
    hours,
    programme: str,
    score=None,
    files: Iterable = (),
    remove_files: Iterable[int] = (),
    record: TrainingRecord | None = None,
    acting_user: User,
) -> TrainingRecord:
    """Record a training one attended (or correct one waiting or rejected, given `record`), with
    evidence files, for a manager to approve. Refuses, writing nothing, hours that are not a
    whole 1…200 tiết, dates out of order, in the future or outside the school year, and files
    of a type, content or size not allowed."""
    files = list(files)
    if record is not None:
        record = TrainingRecord.objects.select_for_update().get(pk=record.pk)
        if record.user_id != acting_user.pk:
            raise PermissionDenied(ERROR_NOT_YOURS)
        if record.status == RecordStatus.APPROVED:
            raise ValidationError(ERROR_RECORD_LOCKED, code="record_locked")
    removing = set(remove_files)
    kept = record.evidence.exclude(pk__in=removing).count() if record else 0
    errors, (values, checked) = _validate_record(
        school_year=school_year,
        title=title,
        organiser=organiser,
        start_date=start_date,
        end_date=end_date,
        hours=hours,
        programme=programme,
        score=score,
        files=files,
        kept_files=kept,
    )
    if errors:
        raise ValidationError(errors)
    _require_open_year(acting_user, school_year)
    now = timezone.now()
    keys = {(acting_user.pk, school_year)}
    if record is None:
        record = TrainingRecord.objects.create(user=acting_user, submitted_at=now, **values)
        action = "hoctap.record_submit"
    else:
        keys.add((acting_user.pk, record.school_year))
        for name, value in values.items():
            setattr(record, name, value)
        record.status, record.submitted_at = RecordStatus.SUBMITTED, now
        record.decided_at, record.decided_by, record.reason = None, None, ""
        record.save()
        action = "hoctap.record_resubmit"
        gone = list(record.evidence.filter(pk__in=removing))
        for evidence in gone:
            transaction.on_commit(
                lambda f=evidence.file: f.storage.delete(f.name) if f.name else None
            )
        record.evidence.filter(pk__in=[e.pk for e in gone]).delete()
    for item in checked:
        evidence = EvidenceFile(
            record=record, name=nfc(item.name)[:255], size=item.size, content_type=item.content_type
        )
        evidence.file.save(item.name, item.file, save=False)
        evidence.save()
    log(
        instance=record,
        action=action,
        user=acting_user,
        data={"hours": record.hours, "programme": record.programme, "files": len(checked)},
    )
    summaries_refresh(keys=keys)
    return record


def _require_record_seen(record: TrainingRecord, seen_version: str | None, acting_user) -> None:
    _require_seen(
        current=record_version(record),
        seen_version=seen_version,
        acting_user=acting_user,
        message=ERROR_RECORD_CHANGED,
    )


def _record_decide(
    *,
    record: TrainingRecord,
    status: str,
    reason: str,
    acting_user: User | None,
    action: str,
    seen_version: str | None,
) -> TrainingRecord:
    record = TrainingRecord.objects.select_for_update().select_related("user").get(pk=record.pk)
    _require_perm(acting_user, "training.review_trainingrecord")
    _require_reach(acting_user, record.user)
    if record.status != RecordStatus.SUBMITTED:
        raise ValidationError(ERROR_RECORD_NOT_PENDING, code="record_not_pending")
    _require_record_seen(record, seen_version, acting_user)
    if status == RecordStatus.APPROVED:
        _require_open_year(record.user, record.school_year)
    record.status, record.decided_at, record.decided_by = status, timezone.now(), acting_user
    record.reason = nfc(reason)
    record.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    log(instance=record, action=action, user=acting_user, data={"reason": record.reason})
    summaries_refresh(keys=[(record.user_id, record.school_year)])
    return record


@transaction.atomic
def training_record_approve(
    *,
    record: TrainingRecord,
    acting_user: User | None,
    comment: str = "",
    seen_version: str | None = None,
) -> TrainingRecord:
    """Approve a face-to-face record as the reviewer saw it (`seen_version`: `record_version` of
    what was shown; required of a person): its hours count from now."""
    return _record_decide(
        record=record,
        status=RecordStatus.APPROVED,
        reason=comment,
        acting_user=acting_user,
        action="hoctap.record_approve",
        seen_version=seen_version,
    )


@transaction.atomic
def training_record_reject(
    *,
    record: TrainingRecord,
    acting_user: User | None,
    reason: str,
    seen_version: str | None = None,
) -> TrainingRecord:
    """Reject a face-to-face record, saying why; its owner may correct and resubmit it. As the
    reviewer saw it (`seen_version`, as for training_record_approve)."""
    if not nfc(reason):
        raise ValidationError({"reason": ERROR_REASON_REQUIRED})
    return _record_decide(
        record=record,
        status=RecordStatus.REJECTED,
        reason=reason,
        acting_user=acting_user,
        action="hoctap.record_reject",
        seen_version=seen_version,
    )


@transaction.atomic
def training_record_amend(
    *,
    record: TrainingRecord,
    hours,
    programme: str,
    reason: str,
    acting_user: User | None,
    seen_version: str | None = None,
) -> TrainingRecord:
    """A manager's correction of an approved record's hours or programme, with the reason, on
    the record as they saw it (`seen_version`, as for training_record_approve)."""
    errors: dict = {}
    if not nfc(reason):
        errors["reason"] = ERROR_REASON_REQUIRED
    if programme not in Programme.values:
        errors["programme"] = ERROR_PROGRAMME
    value = _whole_hours(hours, errors)
    if errors:
        raise ValidationError(errors)
    record = TrainingRecord.objects.select_for_update().select_related("user").get(pk=record.pk)
    _require_perm(acting_user, "training.review_trainingrecord")
    _require_reach(acting_user, record.user)
    if record.status != RecordStatus.APPROVED:
        raise ValidationError(ERROR_RECORD_NOT_APPROVED, code="record_not_approved")
    _require_record_seen(record, seen_version, acting_user)
    _require_open_year(record.user, record.school_year)
    before = {"hours": record.hours, "programme": record.programme}
    record.hours, record.programme = value, programme
    record.save(update_fields=["hours", "programme"])
    log(
        instance=record,
        action="hoctap.record_amend",
        user=acting_user,
        data={
            "before": before,
            "after": {"hours": value, "programme": programme},
            "reason": nfc(reason),
        },
    )
    summaries_refresh(keys=[(record.user_id, record.school_year)])
    return record


# Closing a school year ------------------------------------------------------------------------


def _year_keys(unit: Unit, school_year: str) -> set[tuple[int, str]]:
    people = set(trainees_below(unit).values_list("pk", flat=True))
    people |= set(
        YearSummary.objects.filter(
            school_year=school_year, user__profile__unit__path__startswith=unit.path
        ).values_list("user_id", flat=True)
    )
    return {(pk, school_year) for pk in people}


@transaction.atomic
def year_close(
    *, school_year: str, unit: Unit, acting_user: User | None, reason: str = ""
) -> YearClosure:
    """Close a school year for a unit and every unit below it: whoever has not completed their
    plan becomes "not completed", and nothing more counts toward that year there."""
    validate_school_year(school_year)
    _require_perm(acting_user, "training.close_schoolyear")
    if acting_user is not None and not units_visible_to(acting_user).filter(pk=unit.pk).exists():
        raise PermissionDenied(ERROR_OUT_OF_REACH)
    if closed_years(unit_paths=[unit.path], years=[school_year]):
        raise ValidationError(
            ERROR_YEAR_ALREADY_CLOSED % {"year": school_year, "unit": unit.name},
            code="year_already_closed",
        )
    try:
        with transaction.atomic():
            closure = YearClosure.objects.create(
                unit=unit, school_year=school_year, closed_by=acting_user, reason=nfc(reason)
            )
    except IntegrityError:
        raise ValidationError(
            ERROR_YEAR_ALREADY_CLOSED % {"year": school_year, "unit": unit.name},
            code="year_already_closed",
        ) from None
    log(instance=closure, action="hoctap.year_close", user=acting_user, data={"reason": reason})
    summaries_refresh(keys=_year_keys(unit, school_year))
    return closure


@transaction.atomic
def year_reopen(*, closure: YearClosure, acting_user: User | None, reason: str) -> YearClosure:
    """Undo a closure, saying why; the summaries below go back to what the records say."""
    if not nfc(reason):
        raise ValidationError({"reason": ERROR_REASON_REQUIRED})
    closure = YearClosure.objects.select_for_update().select_related("unit").get(pk=closure.pk)
    _require_perm(acting_user, "training.close_schoolyear")
    if (
        acting_user is not None
        and not units_visible_to(acting_user).filter(pk=closure.unit_id).exists()
    ):
        raise PermissionDenied(ERROR_OUT_OF_REACH)
    if closure.reopened_at is not None:
        raise ValidationError(ERROR_YEAR_NOT_CLOSED, code="year_not_closed")
    closure.reopened_at, closure.reopened_by = timezone.now(), acting_user
    closure.reopen_reason = nfc(reason)
    closure.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])
    log(instance=closure, action="hoctap.year_reopen", user=acting_user, data={"reason": reason})
    summaries_refresh(keys=_year_keys(closure.unit, closure.school_year))
    return closure


# Scores reported by external content ----------------------------------------------------------

ERROR_ASSESSED_ON_PLATFORM = _(
    "This module has its own final assessment, scored on the platform: a score reported by "
    "other content does not count for it."
)
ERROR_SOURCE_REF = _("The reference of the reported score is missing or too long.")
#: The longest reference (e.g. an xAPI statement id) an external score may carry.
MAX_SOURCE_REF = 60


@transaction.atomic
def attempt_record_external(
    *,
    enrolment: Enrolment,
    score: Decimal,
    success: bool | None,
    source_ref: str,
    acting_user: User,
) -> Attempt:
    """Record a score on the 10-point scale that content outside the platform reported (an
    xAPI statement's result) as an attempt at the enrolment's module. It counts as an attempt
    at our own quiz does: within the attempt limit, passed when the score reaches the module's
    pass mark (the content's own `success` is kept, not used), completing the module when the
    rule is then met. From its first such attempt the enrolment's module counts as assessed
    (training.selectors.module_rule_progress): a passing attempt is then needed as well as every
    lesson. Only for modules without their own final assessment. `source_ref` names the report
    (the statement id): the same reference again returns the attempt already recorded."""
    errors: dict = {}
    value = _score(score, errors)
    if value is None and not errors:
        errors["score"] = ERROR_SCORE
    source_ref = str(source_ref or "").strip()
    if not source_ref or len(source_ref) > MAX_SOURCE_REF:
        errors["source_ref"] = ERROR_SOURCE_REF
    if errors:
        raise ValidationError(errors)
    enrolment = Enrolment.objects.select_for_update().select_related("user").get(pk=enrolment.pk)
    if enrolment.user_id != acting_user.pk:
        raise PermissionDenied(ERROR_NOT_YOURS)
    quiz_id = EXTERNAL_ATTEMPT_PREFIX + source_ref
    existing = Attempt.objects.filter(enrolment=enrolment, quiz_id=quiz_id).first()
    if existing is not None:
        existing.completion = Completion.objects.filter(enrolment=enrolment).first()
        return existing
    module = ModulePage.objects.get(pk=enrolment.module_id)
    if module.final_quiz() is not None:
        raise ValidationError(ERROR_ASSESSED_ON_PLATFORM, code="assessed_on_platform")
    if Completion.objects.filter(enrolment=enrolment).exists():
        raise ValidationError(ERROR_ALREADY_COMPLETED, code="already_completed")
    _require_open_year(enrolment.user, enrolment.school_year)
    used = Attempt.objects.filter(enrolment=enrolment).count()
    if module.attempt_limit is not None and used >= module.attempt_limit:
        raise ValidationError(
            ERROR_ATTEMPT_LIMIT % {"limit": module.attempt_limit}, code="attempt_limit"
        )
    now = timezone.now()
    attempt = Attempt.objects.create(
        enrolment=enrolment,
        number=used + 1,
        quiz_id=quiz_id,
        answers={"source_ref": source_ref, "success": success},
        score=value,
        pass_mark=module.pass_mark,
        passed=value >= module.pass_mark,
        submitted_at=now,
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    log(
        instance=attempt,
        action="hoctap.attempt_external",
        user=acting_user,
        data={
            "module": module.pk,
            "number": attempt.number,
            "score": str(value),
            "success": success,
            "source_ref": source_ref,
        },
    )
    attempt.completion = _complete_if_met(
        enrolment=enrolment, module=module, acting_user=acting_user
    )
    return attempt
