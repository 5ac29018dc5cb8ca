"""Demo world, step `build_people`: the organisation tree and the people in it.

A provincial department; the communes of the Phong Thổ area under it, each with its preschool,
primary and lower-secondary schools; upper-secondary schools and a continuing-education centre
directly under the department, as since the 2025 reform. About `ctx.staff` people with
believable names, positions and profiles, plus one account per role with a known password.

A bigger `--staff` builds a bigger province (about STAFF_PER_SCHOOL people a school), so
`--staff 10000` looks like the whole of Lai Châu rather than 20 schools of 500 teachers.

The places, school kinds, names and subjects are data, in training/demo_data/ (units.yaml,
people.yaml); this module draws the world from them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import batched
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import CommandError
from django.db import reset_queries

from courses.text import fold
from training import roles
from training.models import (
    EmploymentStatus,
    Gender,
    Position,
    SchoolLevel,
    StaffProfile,
    Unit,
    UnitKind,
    User,
)
from training.services import staff_create, unit_create

if TYPE_CHECKING:
    import random

    from portal.management.commands.demo import DemoContext

#: The password of every demo account, and of every generated staff code.
DEMO_PASSWORD = "hoctap-demo-2026"  # noqa: S105 — printed by `demo --logins` on purpose
EMAIL_DOMAIN = "laichau.example"  # a reserved top-level domain: no mail ever leaves
BATCH_SIZE = 1000
STAFF_PER_SCHOOL = 30  # Lai Châu 2024–25: 11,390 staff in 336 schools

DEMO_SCHOOL_CODE = "PTDTBT-SSH"

ERROR_TOO_FEW_STAFF = (
    "--staff %(staff)d is too few for %(schools)d schools and their offices: use at least "
    "%(minimum)d."
)


# --- The tree ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolKind:
    name: str  # "{place}" is replaced by the place name
    kind: str
    levels: tuple[str, ...]
    weight: float  # relative size


def _data(name: str) -> dict:
    return yaml.safe_load((Path(__file__).resolve().parent / "demo_data" / name).read_text("utf-8"))


UNITS, PEOPLE = _data("units.yaml"), _data("people.yaml")
DEPARTMENT_NAME, DEPARTMENT_CODE = UNITS["department"]["name"], UNITS["department"]["code"]
SCHOOL_KINDS = {
    key: SchoolKind(kind["name"], kind["kind"], tuple(kind["levels"]), kind["weight"])
    for key, kind in UNITS["school_kinds"].items()
}


@dataclass(frozen=True)
class SchoolPlan:
    name: str
    code: str
    kind: SchoolKind
    commune: str | None  # the commune's abbreviation; None: directly under the department


@dataclass
class WorldPlan:
    communes: dict[str, str] = field(default_factory=dict)  # abbreviation -> place name
    schools: list[SchoolPlan] = field(default_factory=list)

    def add_school(self, key: str, abbr: str, *, number: int = 0, under_commune: bool = True):
        place = self.communes[abbr]
        kind = SCHOOL_KINDS[key]
        name = kind.name.format(place=place)
        if number:
            name = name.replace(place, f"số {number} {place}")
        code = f"{key}{number or ''}-{abbr}"
        self.schools.append(SchoolPlan(name, code, kind, abbr if under_commune else None))


def _abbreviation(place: str, taken) -> str:
    base = "".join(word[0] for word in fold(place).split()).upper()
    abbr, n = base, 1
    while abbr in taken:
        n += 1
        abbr = f"{base}{n}"
    return abbr


def world_plan(school_count: int) -> WorldPlan:
    """The Phong Thổ area, then more communes of Lai Châu, then numbered schools ("Trường
    Tiểu học số 2 …"), until there are `school_count` schools (never fewer than the area's)."""
    plan = WorldPlan(communes=dict(UNITS["communes"]))
    for abbr, keys in UNITS["commune_schools"].items():
        for key in keys:
            plan.add_school(key, abbr)
    for key, abbr in UNITS["department_schools"]:
        plan.add_school(key, abbr, under_commune=False)

    for index, place in enumerate(UNITS["more_communes"]):
        if len(plan.schools) >= school_count:
            return plan
        abbr = _abbreviation(place, plan.communes)
        plan.communes[abbr] = place
        keys = ["MN", "TH", "THCS"] if index % 2 == 0 else ["MN", "PTDTBT"]
        for key in keys[: school_count - len(plan.schools)]:
            plan.add_school(key, abbr)
        if index % 3 == 2 and len(plan.schools) < school_count:
            plan.add_school("THPT", abbr, under_commune=False)

    number = 2
    while len(plan.schools) < school_count:
        for abbr in list(plan.communes):
            for key in ("MN", "TH"):
                if len(plan.schools) < school_count:
                    plan.add_school(key, abbr, number=number)
        number += 1
    return plan


def _build_units(ctx: DemoContext, plan: WorldPlan) -> None:
    def create(name, code, kind, parent):
        return unit_create(name=name, code=code, kind=kind, parent=parent, acting_user=None)

    # Units are kept sorted by name among their siblings: adding them in that order appends each
    # one, where any other order moves the paths of the siblings that sort after it.
    department = create(DEPARTMENT_NAME, DEPARTMENT_CODE, UnitKind.DEPARTMENT, None)
    under_department = [(s.name, s) for s in plan.schools if not s.commune]
    under_department += [(f"UBND xã {place}", abbr) for abbr, place in plan.communes.items()]
    created: dict[str, Unit] = {}
    for name, item in sorted(under_department, key=lambda pair: pair[0]):
        if isinstance(item, SchoolPlan):
            created[item.code] = create(name, item.code, item.kind.kind, department)
        else:
            created[item] = create(name, f"UBND-{item}", UnitKind.COMMUNE, department)
    for school in sorted((s for s in plan.schools if s.commune), key=lambda s: s.name):
        created[school.code] = create(
            school.name, school.code, school.kind.kind, created[school.commune]
        )

    ctx.department = Unit.objects.get(pk=department.pk)
    ctx.communes = list(Unit.objects.filter(kind=UnitKind.COMMUNE).order_by("path"))
    by_pk = Unit.objects.in_bulk([created[s.code].pk for s in plan.schools])
    ctx.schools = [by_pk[created[s.code].pk] for s in plan.schools]


# --- The demo accounts -------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccount:
    key: str  # where the build leaves the user: ctx.accounts[key]
    role_label: str  # Vietnamese, for the logins table
    username: str
    full_name: str
    unit_code: str
    position: str
    roles: tuple[str, ...]
    profile: dict
    email: str = ""
    front_end: bool = False  # logs in on the portal's own page rather than in /admin/
    superuser: bool = False


def _account(spec: dict) -> DemoAccount:
    unit_code = {"department": DEPARTMENT_CODE, "demo_school": DEMO_SCHOOL_CODE}[spec["unit"]]
    names = {key: value for key, value in spec.items() if key not in ("unit", "roles")}
    role_names = tuple(getattr(roles, name) for name in spec["roles"])
    return DemoAccount(**names, unit_code=unit_code, roles=role_names)


DEMO_ACCOUNTS = [_account(spec) for spec in _data("accounts.yaml")]


def _build_accounts(ctx: DemoContext, password_hash: str) -> None:
    units = {u.code: u for u in [ctx.department, *ctx.schools]}
    for account in DEMO_ACCOUNTS:
        user = staff_create(
            staff_code=account.username,
            full_name=account.full_name,
            unit=units[account.unit_code],
            email=account.email or f"{account.username}@{EMAIL_DOMAIN}",
            position=account.position,
            roles=list(account.roles),
            acting_user=None,
            **account.profile,
        )
        # Every demo account shares one password: hash it once (PBKDF2 takes most of a second).
        user.password = password_hash
        user.is_staff = user.is_superuser = account.superuser
        # Each demo account has an address its (fictional) owner confirmed: "Quên mật khẩu?"
        # and the admin's password reset work in the demo (the mail goes to the console).
        user.confirmed_email = user.email
        user.save(update_fields=["password", "is_staff", "is_superuser", "confirmed_email"])
        ctx.accounts[account.key] = user


# --- The generated people ----------------------------------------------------------------------

SUBJECTS = PEOPLE["subjects"]  # school level -> {subject: weight}
SECOND_SUBJECT_SHARE = 0.15  # secondary teachers who teach two subjects

# Share of women, by school level of a teacher; managers and office staff apart.
FEMALE_SHARE = {
    SchoolLevel.PRESCHOOL: 0.97,
    SchoolLevel.PRIMARY: 0.75,
    SchoolLevel.LOWER_SECONDARY: 0.65,
    SchoolLevel.UPPER_SECONDARY: 0.6,
    SchoolLevel.CONTINUING: 0.55,
    "manager": 0.45,
    "office": 0.55,
}

MANAGERS = (Position.PRINCIPAL, Position.VICE_PRINCIPAL)
OFFICE = (Position.OFFICE_HEAD, Position.OFFICE_DEPUTY, Position.OFFICE_SPECIALIST)
CODE_PREFIX = {Position.TEACHER: "GV", Position.STAFF: "NV", **dict.fromkeys(MANAGERS, "QL")}
ROLE_OF = {Position.TEACHER: roles.TEACHER, **dict.fromkeys(MANAGERS, roles.SCHOOL_MANAGER)}
ROLE_OF |= dict.fromkeys(OFFICE, roles.OFFICE_STAFF)


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def person_name(rng: random.Random, ethnicity: str, gender: str) -> tuple[str, str, str]:
    """(family, middle, given) of a person of this ethnicity and gender."""
    names = PEOPLE["names"][ethnicity]
    family = _weighted(rng, names["family"])
    middle = _weighted(rng, names["middle"][gender])
    given_names = names["given"][gender]
    if ethnicity != "Kinh" and rng.random() < PEOPLE["vietnamese_given_share"]:
        given_names = PEOPLE["names"]["Kinh"]["given"][gender]
    given = rng.choice(given_names)
    while given == middle:
        given = rng.choice(given_names)
    return family, middle, given


def _allocate(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, at least 1 each (largest remainders)."""
    shares = [(total - len(weights)) * w / sum(weights) for w in weights]
    counts = [1 + math.floor(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] % 1, reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _positions(size: int, *, has_principal: bool) -> list[str]:
    """Who works in a school of `size` people: a principal, one or two vice-principals when
    the school is big enough, a clerk or two, and teachers."""
    vice = 0 if size < 6 else 1 if size < 25 else 2
    clerks = 0 if size < 15 else 1 if size < 40 else 2
    positions = [Position.PRINCIPAL] if has_principal else []
    positions += [Position.VICE_PRINCIPAL] * vice + [Position.STAFF] * clerks
    return positions + [Position.TEACHER] * (size - len(positions))


def _office_positions(size: int) -> list[str]:
    deputies = 1 if size < 8 else 2
    positions = [Position.OFFICE_HEAD] + [Position.OFFICE_DEPUTY] * deputies
    return (positions + [Position.OFFICE_SPECIALIST] * size)[:size]


@dataclass
class _Generator:
    ctx: DemoContext
    password_hash: str
    group_ids: dict[str, int]
    sequence: int = 0

    def person(self, unit: Unit, position: str, levels: tuple[str, ...]) -> tuple:
        rng, today = self.ctx.rng, self.ctx.today
        self.sequence += 1
        level = rng.choice(levels) if levels else ""
        if position in MANAGERS:
            female_share, youngest, typical = FEMALE_SHARE["manager"], 35, 47
        elif position in OFFICE:
            female_share, youngest, typical = FEMALE_SHARE["office"], 27, 42
        else:
            female_share, youngest, typical = FEMALE_SHARE.get(level, 0.6), 23, 37
        gender = Gender.FEMALE if rng.random() < female_share else Gender.MALE
        ethnicity = _weighted(rng, PEOPLE["ethnicity_weights"])
        family, middle, given = person_name(rng, ethnicity, gender)
        oldest = 56 if gender == Gender.FEMALE else 60  # retirement ages of the 2020s
        age = int(rng.triangular(youngest, oldest, typical))
        born = date(today.year - age - 1, today.month, 1) + timedelta(days=rng.randrange(360))

        status = EmploymentStatus.PERMANENT
        if position in (Position.TEACHER, Position.STAFF):
            draw = rng.random()
            if age < 27:
                if draw < 0.25:
                    status = EmploymentStatus.PROBATION
                elif draw < 0.5:
                    status = EmploymentStatus.CONTRACT
            elif draw < 0.06:
                status = EmploymentStatus.CONTRACT
            elif draw < 0.09 and gender == Gender.FEMALE:
                status = EmploymentStatus.LEAVE

        subjects = ""
        if level and position != Position.STAFF:
            subjects = _weighted(rng, SUBJECTS[level])
            secondary = level in (SchoolLevel.LOWER_SECONDARY, SchoolLevel.UPPER_SECONDARY)
            if secondary and rng.random() < SECOND_SUBJECT_SHARE:
                other = _weighted(rng, SUBJECTS[level])
                if other != subjects:
                    subjects = f"{subjects}, {other}"

        code = f"{CODE_PREFIX.get(position, 'CV')}{self.sequence:06d}"
        email = ""
        if rng.random() < 0.5:
            initials = "".join(fold(word)[0] for word in f"{family} {middle}".split())
            email = f"{fold(given)}{initials}{self.sequence}@{EMAIL_DOMAIN}"
        user = User(
            username=code,
            email=email,
            last_name=family,
            first_name=f"{middle} {given}",
            password=self.password_hash,
        )
        user.refresh_derived()
        profile = StaffProfile(
            user=user,
            unit=unit,
            gender=gender,
            date_of_birth=born,
            position=position,
            school_level=level if position != Position.STAFF else "",
            subjects=subjects,
            ethnicity=ethnicity,
            employment_status=status,
        )
        role = ROLE_OF.get(position)
        return user, profile, self.group_ids[role] if role else None

    def people(self, plan: WorldPlan, school_sizes: list[int], office_size: int):
        for position in _office_positions(office_size):
            yield self.person(self.ctx.department, position, ())
        for commune in self.ctx.communes:
            yield self.person(commune, Position.OFFICE_SPECIALIST, ())
        for school_plan, school, size in zip(
            plan.schools, self.ctx.schools, school_sizes, strict=True
        ):
            has_principal = school.code != DEMO_SCHOOL_CODE  # ql.demo is its principal
            for position in _positions(size, has_principal=has_principal):
                levels = school_plan.kind.levels
                if position == Position.PRINCIPAL and len(levels) > 1:
                    levels = levels[-1:]
                yield self.person(school, position, levels)


def _insert(people) -> int:
    """Insert people batch by batch, so memory stays flat however many there are."""
    memberships = User.groups.through
    count = 0
    for batch in batched(people, BATCH_SIZE):
        User.objects.bulk_create([user for user, _profile, _group in batch])
        StaffProfile.objects.bulk_create([profile for _user, profile, _group in batch])
        memberships.objects.bulk_create(
            [memberships(user_id=user.pk, group_id=group) for user, _p, group in batch if group]
        )
        count += len(batch)
        reset_queries()  # DEBUG keeps every query's SQL; these are large
    return count


def build_people(ctx: DemoContext) -> None:
    """The organisation tree, the demo accounts (ctx.accounts) and about ctx.staff people."""
    if Group.objects.filter(name__in=roles.ROLE_PERMISSIONS).count() < len(roles.ROLE_PERMISSIONS):
        roles.roles_sync()  # migrate makes the groups; a database loaded otherwise may lack them
    for account in DEMO_ACCOUNTS:
        validate_password(DEMO_PASSWORD, User(username=account.username, email=account.email))
    plan = world_plan(max(1, round(ctx.staff / STAFF_PER_SCHOOL)))
    office_size = min(max(ctx.staff // 60, 3), 30)
    school_staff = ctx.staff - office_size - len(plan.communes)
    if school_staff < len(plan.schools):
        minimum = office_size + len(plan.communes) + len(plan.schools)
        raise CommandError(
            ERROR_TOO_FEW_STAFF
            % {"staff": ctx.staff, "schools": len(plan.schools), "minimum": minimum}
        )

    _build_units(ctx, plan)
    ctx.log(
        f"Units: 1 department, {len(ctx.communes)} communes, {len(ctx.schools)} schools "
        f"({sum(1 for s in plan.schools if not s.commune)} directly under the department)."
    )

    password_hash = make_password(DEMO_PASSWORD)
    _build_accounts(ctx, password_hash)
    ctx.demo_school = ctx.accounts["teacher"].profile.unit

    weights = [s.kind.weight * ctx.rng.uniform(0.75, 1.25) for s in plan.schools]
    school_sizes = _allocate(school_staff, weights)
    group_ids = dict(Group.objects.values_list("name", "pk"))
    generator = _Generator(ctx, password_hash, group_ids)
    count = _insert(generator.people(plan, school_sizes, office_size))
    ctx.log(
        f"People: {count} generated (staff codes GV…, QL…, CV…, NV…) and "
        f"{len(DEMO_ACCOUNTS)} demo accounts."
    )
