import unicodedata

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from training.models import StaffProfile, User
from training.services import ERROR_EMAIL_TAKEN, ERROR_STAFF_CODE_TAKEN, staff_create


def test_creates_account_and_profile_with_nfc_name(school, office_staff):
    nfd = unicodedata.normalize("NFD", "Hoàng Thị Thùy")
    person = staff_create(
        staff_code="GV100",
        full_name=nfd,
        unit=school,
        email="Thuy.Hoang@Example.VN",
        position="teacher",
        ethnicity="Thái",
        acting_user=office_staff,
    )
    person.refresh_from_db()
    assert person.full_name == "Hoàng Thị Thùy"
    assert unicodedata.is_normalized("NFC", person.last_name + person.first_name)
    assert (person.last_name, person.first_name) == ("Hoàng", "Thị Thùy")
    assert person.email == "thuy.hoang@example.vn"
    assert person.name_folded == "hoang thi thuy"
    assert person.profile.unit == school
    assert not person.has_usable_password()
    entry = ModelLogEntry.objects.for_instance(person).get(action="wagtail.create")
    assert entry.user == office_staff


def test_duplicate_staff_code_in_any_case_is_refused_and_nothing_written(teacher, school):
    users, profiles = User.objects.count(), StaffProfile.objects.count()
    with pytest.raises(ValidationError) as error:
        staff_create(staff_code="gv001", full_name="Lò Văn Thanh", unit=school, acting_user=None)
    assert error.value.message_dict["staff_code"] == [ERROR_STAFF_CODE_TAKEN % {"code": "gv001"}]
    assert (User.objects.count(), StaffProfile.objects.count()) == (users, profiles)


def test_duplicate_email_is_refused(teacher, school):
    with pytest.raises(ValidationError) as error:
        staff_create(
            staff_code="GV999",
            full_name="Lò Văn Thanh",
            email="HUONG@example.vn",
            unit=school,
            acting_user=None,
        )
    assert error.value.message_dict["email"] == [ERROR_EMAIL_TAKEN % {"email": "huong@example.vn"}]
    assert not User.objects.filter(username="GV999").exists()


def test_bad_email_and_missing_fields_are_reported_together(school):
    with pytest.raises(ValidationError) as error:
        staff_create(
            staff_code=" ", full_name="", email="not-an-email", unit=school, acting_user=None
        )
    assert set(error.value.message_dict) == {"staff_code", "full_name", "email"}
    assert User.objects.count() == 0


def test_many_people_may_have_no_email(school):
    for code in ("GV1", "GV2"):
        staff_create(staff_code=code, full_name="Sùng A Dế", unit=school, acting_user=None)
    assert User.objects.filter(email="").count() == 2
