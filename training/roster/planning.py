"""What each row of a roster file does: create, update, leave unchanged, or why it cannot.

One pass over the file, in batches of BATCH rows: each batch costs a handful of queries (people
by staff code, e-mail owners, units by code, reach) whatever its size, so a 10,000-row file
takes a few dozen queries to check and holds one batch in memory. In `write` mode (only ever
inside `roster_apply`'s transaction) each batch is written with bulk queries as well.

Rules, where the issue is silent:
- People are matched by staff code without regard to case, units by code.
- An empty cell means "not known": a new person gets the default, an existing person keeps
  what they have. A column missing from the file is the same as an empty one.
- New accounts get the role their position implies (principals and vice-principals: school
  manager; office positions: office staff; everyone else: teacher); an import never changes
  an existing person's roles, and never moves a unit to another parent.
- Reach is `units_visible_to(importer)`: units, people and their new units must be within it.
- Authority is `people_changeable_by(importer)`: a row that would change an existing person
  above, beside or equal to the importer (a superuser, a peer, an administrator, themselves)
  is an error; the same row changing nothing is simply unchanged.
- An import fills an empty e-mail (unconfirmed) but never changes one already recorded: a
  different address is left out with a note, and the rest of the row is applied."""

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogContext, log
from wagtail.log_actions import registry as log_registry

from courses.text import fold, nfc, split_name
from training import roles
from training.models import Position, StaffProfile, Unit, User
from training.roster.columns import STAFF, UNITS, choice_labels, choice_values, heading_label
from training.roster.passwords import initial_password, initial_password_hash
from training.roster.reader import Table
from training.selectors import people_changeable_by, units_visible_to
from training.services import unit_create

BATCH = 500
#: Rows of each kind the page shows; the counts always cover the whole file.
MAX_SHOWN = 1000

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"

ERROR_REQUIRED = _("This cell is required.")
ERROR_DUPLICATE_STAFF = _("The staff code “%(code)s” already appears in row %(row)d.")
ERROR_DUPLICATE_UNIT = _("The unit code “%(code)s” already appears in row %(row)d.")
ERROR_DUPLICATE_EMAIL = _("The e-mail “%(email)s” is already given to someone in row %(row)d.")
ERROR_EMAIL_TAKEN = _("The e-mail “%(email)s” already belongs to another account.")
ERROR_EMAIL_INVALID = _("“%(email)s” is not a valid e-mail address.")
ERROR_DATE = _("“%(value)s” is not a date: write it as dd/mm/yyyy, for example 05/09/1985.")
ERROR_DATE_RANGE = _("%(value)s cannot be a date of birth.")
ERROR_CHOICE = _("“%(value)s” is not one of: %(choices)s.")
ERROR_UNKNOWN_UNIT = _(
    "No unit has the code “%(code)s”: add it to the units sheet or correct the code."
)
ERROR_UNIT_OUT_OF_REACH = _("The unit “%(code)s” is outside the units you manage.")
ERROR_PERSON_OUT_OF_REACH = _(
    "A person with this staff code already exists in a unit outside the units you manage."
)
ERROR_UNIT_MOVE = _(
    "The import does not move units: “%(code)s” belongs under another unit. Move it in "
    "Organisation → Units."
)
ERROR_ROW_AUTHORITY = _(
    "You may not change the person with this staff code: an import changes only people below "
    "your own authority (not yourself, a colleague with the same role in your unit, an "
    "administrator or anyone above you)."
)
NOTE_EMAIL_KEPT = _(
    "The e-mail already recorded is kept: an import never changes an account's e-mail. The "
    "person changes it on their own page, and confirms the new address."
)
ERROR_UNITS_NOT_ALLOWED = _("You may not add or change units.")
ERROR_ROOT_NOT_ALLOWED = _("Give the parent unit's code: a new unit must sit under one of yours.")
ERROR_NAME_REQUIRED = _("The full name is required (or the family name and the given names).")

_ROLE_OF_POSITION = {
    Position.PRINCIPAL: roles.SCHOOL_MANAGER,
    Position.VICE_PRINCIPAL: roles.SCHOOL_MANAGER,
    Position.OFFICE_HEAD: roles.OFFICE_STAFF,
    Position.OFFICE_DEPUTY: roles.OFFICE_STAFF,
    Position.OFFICE_SPECIALIST: roles.OFFICE_STAFF,
}
_PROFILE_CHOICES = ("gender", "position", "school_level", "employment_status")
_PROFILE_TEXTS = ("subjects", "ethnicity")
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


@dataclass
class RowError:
    column: str
    message: str


@dataclass
class RowOutcome:
    table: str
    sheet: str
    row: int
    key: str
    label: str
    action: str = UNCHANGED
    errors: list[RowError] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    notes: list[RowError] = field(default_factory=list)  # changes left out, said why


@dataclass
class NewAccount:
    unit_name: str
    unit_code: str
    staff_code: str
    full_name: str
    password: str
    sort_key: str


@dataclass
class RosterReport:
    file_name: str
    counts: Counter = field(default_factory=Counter)  # (table, action) -> rows
    rows: list[RowOutcome] = field(default_factory=list)
    errors: list[RowOutcome] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (sheet, heading)
    tables: list[tuple[str, str]] = field(default_factory=list)  # (kind, sheet)
    accounts: list[NewAccount] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return self.counts[UNITS, ERROR] + self.counts[STAFF, ERROR]

    @property
    def has_errors(self) -> bool:
        return self.error_count > 0

    @property
    def changes(self) -> int:
        return sum(n for (_t, action), n in self.counts.items() if action in (CREATE, UPDATE))

    def count(self, table: str, action: str) -> int:
        return self.counts[table, action]

    def summary(self) -> dict:
        return {f"{t}_{a}": n for (t, a), n in sorted(self.counts.items())}


@dataclass
class _UnitRef:
    unit: Unit | None  # None: a unit this file creates (dry run)
    in_reach: bool


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _text(value) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return nfc(value)


def parse_date(value) -> date:
    """A date written dd/mm/yyyy (or d/m/yyyy, with - or .), ISO yyyy-mm-dd, or an Excel date."""
    if isinstance(value, date):
        return value
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise ValueError(value)


class Planner:
    def __init__(self, *, acting_user: User, file_name: str, write: bool, on_row=None):
        self.user = acting_user
        self.on_row = on_row  # called with every row's outcome (the full dry-run export)
        self.write = write
        self.report = RosterReport(file_name=file_name)
        self.log_uuid = uuid.uuid4()
        self.units: dict[str, _UnitRef | None] = {}
        self.unit_rows: dict[str, int] = {}
        self.staff_rows: dict[str, int] = {}
        self.email_rows: dict[str, tuple[int, str]] = {}
        self.today = timezone.localdate()
        self.choices: dict[tuple[str, str], str | None] = {}  # (field, cell) -> value
        self.changeable = people_changeable_by(acting_user)  # one query per batch, later
        self.may_change_units = acting_user.has_perms(["training.add_unit", "training.change_unit"])
        self.groups = dict(Group.objects.filter(name__in=roles.MANAGER_ROLES + (roles.TEACHER,))
                           .values_list("name", "pk"))  # fmt: skip

    # Results ----------------------------------------------------------------------------------

    def _record(self, outcome: RowOutcome) -> None:
        if outcome.errors:
            outcome.action = ERROR
        self.report.counts[outcome.table, outcome.action] += 1
        if self.on_row is not None:
            self.on_row(outcome)
        if outcome.action == ERROR and len(self.report.errors) < MAX_SHOWN:
            self.report.errors.append(outcome)
        if len(self.report.rows) < MAX_SHOWN:
            self.report.rows.append(outcome)

    def run(self, tables: Iterable[Table]) -> RosterReport:
        """Plan (and in write mode, apply) every table; all audit entries share one uuid."""
        context = LogContext(user=self.user)
        context.uuid = self.log_uuid
        with context:
            self._run(tables)
        return self.report

    def _run(self, tables: Iterable[Table]) -> None:
        for table in tables:
            self.report.tables.append((table.kind, table.title))
            self.report.ignored += [(table.title, h) for h in table.ignored]
            if table.kind == UNITS:
                self._units(table)
            else:
                self._staff(table)

    # Units ------------------------------------------------------------------------------------

    def _load_units(self, codes: set[str]) -> None:
        """Look up, in two queries, the units named by codes not seen before, and their reach."""
        missing = {c for c in codes if c and c.lower() not in self.units}
        if not missing:
            return
        found = list(
            Unit.objects.annotate(code_lower=Lower("code")).filter(
                Q(code_lower__in={c.lower() for c in missing}) | Q(code__in=missing)
            )
        )
        reach = set(
            units_visible_to(self.user)
            .filter(pk__in=[u.pk for u in found])
            .values_list("pk", flat=True)
        )
        for code in missing:
            self.units[code.lower()] = None
        for unit in found:
            self.units[unit.code.lower()] = _UnitRef(unit, unit.pk in reach)

    def _heading(self, table: Table, key: str) -> str:
        return table.headings.get(key) or heading_label(table.kind, key)

    def _choice(self, table, values, key, errors) -> str:
        raw = values.get(key, "")
        if raw == "":
            return ""
        cached = (key, raw) if isinstance(raw, str) else None
        if cached in self.choices:
            value = self.choices[cached]
        else:
            value = choice_values(key).get(fold_value(raw))
            if cached:
                self.choices[cached] = value
        if value is None:
            errors.append(
                RowError(
                    self._heading(table, key),
                    ERROR_CHOICE % {"value": _text(raw), "choices": ", ".join(choice_labels(key))},
                )
            )
            return ""
        return value

    def _units(self, table: Table) -> None:
        for batch in _batches(table.rows, BATCH):
            codes = set()
            for _number, values in batch:
                codes |= {_text(values.get("code", "")), _text(values.get("parent", ""))}
            self._load_units(codes)
            for number, values in batch:
                self._unit_row(table, number, values)

    def _unit_row(self, table: Table, number: int, values: dict) -> None:
        code, name = _text(values.get("code", "")), _text(values.get("name", ""))
        parent_code = _text(values.get("parent", ""))
        outcome = RowOutcome(UNITS, table.title, number, code, name)
        errors = outcome.errors
        if not self.may_change_units:
            errors.append(RowError(self._heading(table, "code"), str(ERROR_UNITS_NOT_ALLOWED)))
        if not code:
            errors.append(RowError(self._heading(table, "code"), str(ERROR_REQUIRED)))
        elif code.lower() in self.unit_rows:
            errors.append(
                RowError(
                    self._heading(table, "code"),
                    ERROR_DUPLICATE_UNIT % {"code": code, "row": self.unit_rows[code.lower()]},
                )
            )
        if not name:
            errors.append(RowError(self._heading(table, "name"), str(ERROR_REQUIRED)))
        kind = self._choice(table, values, "kind", errors)
        duplicate = code.lower() in self.unit_rows
        ref = self.units.get(code.lower()) if code and not duplicate else None
        parent = self.units.get(parent_code.lower()) if parent_code else None
        if ref is not None and ref.unit is not None:
            unit = ref.unit
            if not ref.in_reach:
                errors.append(
                    RowError(self._heading(table, "code"), ERROR_UNIT_OUT_OF_REACH % {"code": code})
                )
            elif parent_code and (
                parent is None
                or parent.unit is None
                or unit.path[: -Unit.steplen] != parent.unit.path
            ):
                errors.append(
                    RowError(self._heading(table, "parent"), ERROR_UNIT_MOVE % {"code": code})
                )
            if name and name != unit.name:
                outcome.changed.append(self._heading(table, "name"))
            if kind and kind != unit.kind:
                outcome.changed.append(self._heading(table, "kind"))
            outcome.action = UPDATE if outcome.changed else UNCHANGED
            if not errors and self.write and outcome.changed:
                unit.name, unit.kind = name or unit.name, kind or unit.kind
                unit.save()
                log(
                    instance=unit,
                    action="wagtail.edit",
                    user=self.user,
                    uuid=self.log_uuid,
                    data={"file": self.report.file_name},
                )
        else:
            outcome.action = CREATE
            if not values.get("kind"):
                errors.append(RowError(self._heading(table, "kind"), str(ERROR_REQUIRED)))
            if not parent_code:
                if not self.user.is_superuser:
                    errors.append(
                        RowError(self._heading(table, "parent"), str(ERROR_ROOT_NOT_ALLOWED))
                    )
            elif parent is None:
                errors.append(
                    RowError(
                        self._heading(table, "parent"), ERROR_UNKNOWN_UNIT % {"code": parent_code}
                    )
                )
            elif not parent.in_reach:
                errors.append(
                    RowError(
                        self._heading(table, "parent"),
                        ERROR_UNIT_OUT_OF_REACH % {"code": parent_code},
                    )
                )
            if not errors:
                unit = None
                if self.write:
                    unit = unit_create(
                        name=name,
                        code=code,
                        kind=kind,
                        parent=parent.unit if parent else None,
                        acting_user=self.user,
                    )
                self.units[code.lower()] = _UnitRef(unit, True)
        if code and not duplicate:
            self.unit_rows[code.lower()] = number
        self._record(outcome)

    # Staff ------------------------------------------------------------------------------------

    def _staff(self, table: Table) -> None:
        for batch in _batches(table.rows, BATCH):
            codes = {_text(v.get("staff_code", "")) for _n, v in batch} - {""}
            emails = {_text(v.get("email", "")).lower() for _n, v in batch} - {""}
            self._load_units({_text(v.get("unit", "")) for _n, v in batch})
            people = {
                u.username.lower(): u
                for u in User.objects.annotate(username_lower=Lower("username"))
                .filter(Q(username_lower__in={c.lower() for c in codes}) | Q(username__in=codes))
                .select_related("profile__unit")
            }
            current_units = {p.profile.unit_id for p in people.values() if _profile(p)}
            reach = set(
                units_visible_to(self.user)
                .filter(pk__in=current_units)
                .values_list("pk", flat=True)
            )
            changeable = set(
                self.changeable.filter(pk__in=[p.pk for p in people.values()]).values_list(
                    "pk", flat=True
                )
                if people
                else ()
            )
            owners = {
                email.lower(): username
                for username, email in User.objects.annotate(email_lower=Lower("email"))
                .filter(Q(email_lower__in=emails) | Q(email__in=emails))
                .values_list("username", "email")
            }
            creates, updates = [], []
            for number, values in batch:
                outcome, work = self._person_row(
                    table, number, values, people, reach, owners, changeable
                )
                self._record(outcome)
                if work is not None and outcome.action == CREATE:
                    creates.append(work)
                elif work is not None and outcome.action == UPDATE:
                    updates.append(work)
            if self.write:
                self._create_people(creates)
                self._update_people(updates)

    def _person_row(self, table, number, values, people, reach, owners, changeable):
        code = _text(values.get("staff_code", ""))
        outcome = RowOutcome(STAFF, table.title, number, code, "")
        errors = outcome.errors
        heading = lambda key: self._heading(table, key)  # noqa: E731
        if not code:
            errors.append(RowError(heading("staff_code"), str(ERROR_REQUIRED)))
        elif code.lower() in self.staff_rows:
            errors.append(
                RowError(
                    heading("staff_code"),
                    ERROR_DUPLICATE_STAFF % {"code": code, "row": self.staff_rows[code.lower()]},
                )
            )
        else:
            self.staff_rows[code.lower()] = number

        # Names: "Họ và tên" in one column, or "Họ" and "Tên đệm và tên" in two.
        family = given = ""
        if _text(values.get("full_name", "")):
            family, middle, last = split_name(_text(values["full_name"]))
            given = nfc(f"{middle} {last}")
        elif _text(values.get("given_names", "")):
            family, given = _text(values.get("family_name", "")), _text(values["given_names"])
        if not given:
            column = "full_name" if "full_name" in table.headings else "given_names"
            if not table.headings.keys() & {"full_name", "given_names"}:
                column = "full_name"
            errors.append(RowError(heading(column), str(ERROR_NAME_REQUIRED)))
        outcome.label = nfc(f"{family} {given}")

        profile_values: dict = {}
        raw_date = values.get("date_of_birth", "")
        if raw_date != "":
            try:
                born = parse_date(raw_date)
            except ValueError:
                errors.append(
                    RowError(heading("date_of_birth"), ERROR_DATE % {"value": _text(raw_date)})
                )
            else:
                if born.year < 1900 or born >= self.today:
                    errors.append(
                        RowError(
                            heading("date_of_birth"),
                            ERROR_DATE_RANGE % {"value": born.strftime("%d/%m/%Y")},
                        )
                    )
                else:
                    profile_values["date_of_birth"] = born
        for key in _PROFILE_CHOICES:
            if value := self._choice(table, values, key, errors):
                profile_values[key] = value
        for key in _PROFILE_TEXTS:
            if value := _text(values.get(key, "")):
                profile_values[key] = value

        email = _text(values.get("email", "")).lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(RowError(heading("email"), ERROR_EMAIL_INVALID % {"email": email}))
            else:
                seen = self.email_rows.get(email)
                owner = owners.get(email)
                if seen and seen[1] != code.lower():
                    errors.append(
                        RowError(
                            heading("email"),
                            ERROR_DUPLICATE_EMAIL % {"email": email, "row": seen[0]},
                        )
                    )
                elif owner and owner.lower() != code.lower():
                    errors.append(RowError(heading("email"), ERROR_EMAIL_TAKEN % {"email": email}))
                self.email_rows.setdefault(email, (number, code.lower()))

        unit_code = _text(values.get("unit", ""))
        unit_ref = self.units.get(unit_code.lower()) if unit_code else None
        if not unit_code:
            errors.append(RowError(heading("unit"), str(ERROR_REQUIRED)))
        elif unit_ref is None:
            errors.append(RowError(heading("unit"), ERROR_UNKNOWN_UNIT % {"code": unit_code}))
        elif not unit_ref.in_reach:
            errors.append(RowError(heading("unit"), ERROR_UNIT_OUT_OF_REACH % {"code": unit_code}))

        person = people.get(code.lower()) if code else None
        profile = _profile(person) if person else None
        out_of_reach = False
        if person is not None and not self.user.is_superuser:
            if profile is None or profile.unit_id not in reach:
                out_of_reach = True
                errors.append(RowError(heading("staff_code"), str(ERROR_PERSON_OUT_OF_REACH)))
        if person is None:
            outcome.action = CREATE
            work = (code, family, given, email, unit_ref, profile_values)
        else:
            user_changes = {}
            if given and (family, given) != (person.last_name, person.first_name):
                user_changes.update(
                    {k: v for k, v in (("last_name", family), ("first_name", given))
                     if getattr(person, k) != v}
                )  # fmt: skip
                outcome.changed.append(heading("full_name" if values.get("full_name") else
                                               "given_names"))  # fmt: skip
            if email and not person.email:
                user_changes.update(email=email, confirmed_email="")  # unconfirmed
                outcome.changed.append(heading("email"))
            elif email and email != person.email.lower():
                outcome.notes.append(RowError(heading("email"), str(NOTE_EMAIL_KEPT)))
            profile_changes = {}
            for key, value in profile_values.items():
                if profile is None or getattr(profile, key) != value:
                    profile_changes[key] = value
                    outcome.changed.append(heading(key))
            if unit_ref is not None and unit_ref.unit is None:
                profile_changes["unit"] = None  # a unit this file creates
                outcome.changed.append(heading("unit"))
            elif unit_ref is not None and (profile is None or profile.unit_id != unit_ref.unit.pk):
                profile_changes["unit"] = unit_ref.unit
                outcome.changed.append(heading("unit"))
            outcome.action = UPDATE if outcome.changed else UNCHANGED
            asks_change = outcome.changed or outcome.notes  # an e-mail left out counts too
            if asks_change and not out_of_reach and person.pk not in changeable:
                errors.append(RowError(heading("staff_code"), str(ERROR_ROW_AUTHORITY)))
            work = (person, profile, user_changes, profile_changes, unit_ref)
        return outcome, (None if errors else work)

    # Writing ----------------------------------------------------------------------------------

    def _log_many(self, users: list[User], action: str, data: list[dict]) -> None:
        if not users:
            return
        model = log_registry.get_log_model_for_instance(users[0])
        content_type = ContentType.objects.get_for_model(User, for_concrete_model=False)
        now = timezone.now()
        model.objects.bulk_create(
            model(
                content_type=content_type,
                label=str(user),
                action=action,
                timestamp=now,
                data=entry,
                user=self.user,
                uuid=self.log_uuid,
                object_id=str(user.pk),
            )
            for user, entry in zip(users, data, strict=True)
        )

    def _create_people(self, creates: list) -> None:
        if not creates:
            return
        users, passwords = [], []
        for code, family, given, email, _unit, _values in creates:
            password = initial_password()
            user = User(
                username=code,
                email=email,
                last_name=family,
                first_name=given,
                must_change_password=True,
                password=initial_password_hash(password),
            )
            user.refresh_derived()
            users.append(user)
            passwords.append(password)
        User.objects.bulk_create(users)
        profiles, memberships = [], []
        for user, (_c, _f, _g, _e, unit_ref, values) in zip(users, creates, strict=True):
            values = {"position": Position.TEACHER, **values}
            profiles.append(StaffProfile(user=user, unit=unit_ref.unit, **values))
            role = _ROLE_OF_POSITION.get(values["position"], roles.TEACHER)
            if role in self.groups:
                memberships.append(User.groups.through(user_id=user.pk, group_id=self.groups[role]))
        StaffProfile.objects.bulk_create(profiles)
        User.groups.through.objects.bulk_create(memberships)
        self._log_many(users, "wagtail.create", [{"file": self.report.file_name} for _u in users])
        for user, password, profile in zip(users, passwords, profiles, strict=True):
            self.report.accounts.append(
                NewAccount(
                    unit_name=profile.unit.name,
                    unit_code=profile.unit.code,
                    staff_code=user.username,
                    full_name=user.full_name,
                    password=password,
                    sort_key=f"{profile.unit.path} {user.name_sort}",
                )
            )

    def _update_people(self, updates: list) -> None:
        if not updates:
            return
        users, user_fields, profiles, profile_fields, new_profiles = [], set(), [], set(), []
        for person, profile, user_changes, profile_changes, unit_ref in updates:
            if user_changes:
                for key, value in user_changes.items():
                    setattr(person, key, value)
                person.refresh_derived()
                users.append(person)
                user_fields |= set(user_changes) | {"name_folded", "name_sort"}
            if profile is None:
                new_profiles.append(
                    StaffProfile(
                        user=person,
                        **{"position": Position.TEACHER, **profile_changes, "unit": unit_ref.unit},
                    )
                )
            elif profile_changes:
                for key, value in profile_changes.items():
                    setattr(profile, key, value)
                profiles.append(profile)
                profile_fields |= set(profile_changes)
        if users:
            User.objects.bulk_update(users, sorted(user_fields))
        if profiles:
            StaffProfile.objects.bulk_update(profiles, sorted(profile_fields))
        if new_profiles:
            StaffProfile.objects.bulk_create(new_profiles)
        people = [update[0] for update in updates]
        self._log_many(
            people,
            "wagtail.edit",
            [
                {
                    "file": self.report.file_name,
                    "changed": sorted({*u[2], *u[3]} - {"confirmed_email"}),
                }
                for u in updates
            ],
        )


def _profile(user: User) -> StaffProfile | None:
    try:
        return user.profile
    except StaffProfile.DoesNotExist:
        return None


def fold_value(value) -> str:
    return fold(_text(value))


def roster_plan(
    *, tables: Iterable[Table], acting_user: User, file_name: str, on_row=None
) -> RosterReport:
    """The dry run: every row's outcome; nothing is written."""
    planner = Planner(acting_user=acting_user, file_name=file_name, write=False, on_row=on_row)
    return planner.run(tables)
