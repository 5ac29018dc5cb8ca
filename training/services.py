"""Writes. Each function changes the database in one transaction and records who did it."""

from datetime import date

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from courses.text import nfc, split_name
from training.models import Position, StaffProfile, Unit, UnitKind, User

ERROR_STAFF_CODE_TAKEN = _("A person with the staff code “%(code)s” already exists.")
ERROR_EMAIL_TAKEN = _("A person with the e-mail address “%(email)s” already exists.")
ERROR_STAFF_CODE_REQUIRED = _("The staff code is required.")
ERROR_NAME_REQUIRED = _("The full name is required.")
ERROR_UNIT_CODE_TAKEN = _("A unit with the code “%(code)s” already exists.")


@transaction.atomic
def unit_create(
    *, name: str, code: str, kind: str, parent: Unit | None = None, acting_user: User | None
) -> Unit:
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
    already taken (in any letter case) is refused with a clear error, and nothing is written."""
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


@transaction.atomic
def password_changed(*, user: User) -> None:
    """Record that a person chose their own password (after it was set by someone else)."""
    if user.must_change_password:
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
    log(instance=user, action="hoctap.password_change", user=user)
