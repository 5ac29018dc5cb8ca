"""The Organisation menu of the Wagtail admin: units and staff, within each manager's reach."""

import pytest
from django.urls import reverse

from training import roles
from training.models import StaffProfile, Unit, User
from training.services import ERROR_STAFF_CODE_TAKEN, unit_create


@pytest.fixture
def stranger(other_school, make_person):
    return make_person(unit=other_school, full_name="Giàng A Páo", staff_code="GV777")


def test_school_manager_lists_only_their_schools_staff(client, school_manager, teacher, stranger):
    client.force_login(school_manager)
    html = client.get(reverse("staff:index")).content.decode()
    assert "Nguyễn Thị Hương" in html
    assert "Giàng A Páo" not in html


@pytest.fixture
def far_officer(department, make_person):
    """Office staff of another commune: they may edit staff, but not this commune's."""
    other_commune = unit_create(
        name="UBND xã Dào San", code="XA-DS", kind="commune", parent=department, acting_user=None
    )
    return make_person(unit=other_commune, role=roles.OFFICE_STAFF, full_name="Tẩn Láo Sành")


@pytest.mark.parametrize(
    "view", ["staff:edit", "staff:inspect", "staff:delete", "staff:history", "staff:usage"]
)
def test_staff_outside_reach_cannot_be_reached_by_id(client, far_officer, teacher, view):
    client.force_login(far_officer)
    assert client.get(reverse(view, args=[teacher.profile.pk])).status_code == 404


@pytest.mark.parametrize("view", ["units:edit", "units:inspect", "units:delete", "units:history"])
def test_units_outside_reach_cannot_be_reached_by_id(client, far_officer, school, view):
    client.force_login(far_officer)
    assert client.get(reverse(view, args=[school.pk])).status_code == 404


def test_edit_in_reach_works(client, office_staff, teacher):
    client.force_login(office_staff)
    assert client.get(reverse("staff:edit", args=[teacher.profile.pk])).status_code == 200


def test_school_manager_may_look_but_not_edit(client, school_manager, teacher):
    client.force_login(school_manager)
    assert client.get(reverse("staff:inspect", args=[teacher.profile.pk])).status_code == 200
    assert client.get(reverse("staff:edit", args=[teacher.profile.pk])).status_code == 302


def test_teacher_has_no_admin(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("staff:index"))
    assert response.status_code == 302  # sent to the admin login


def test_staff_search_without_diacritics(client, office_staff, teacher, stranger):
    client.force_login(office_staff)
    html = client.get(reverse("staff:index"), {"q": "giang a pao"}).content.decode()
    assert "Giàng A Páo" in html
    assert "Nguyễn Thị Hương" not in html


def test_office_staff_add_a_unit_under_theirs(client, office_staff, commune):
    client.force_login(office_staff)
    response = client.post(
        reverse("units:add"),
        {
            "parent": commune.pk,
            "name": "Trường Mầm non Sin Suối Hồ",
            "code": "MN-SSH",
            "kind": "preschool",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = Unit.objects.get(code="MN-SSH")
    assert unit.get_parent() == commune


def test_office_staff_add_a_person_and_get_an_initial_password(client, office_staff, school):
    client.force_login(office_staff)
    response = client.post(
        reverse("staff:add"),
        {
            "staff_code": "GV500",
            "full_name": "Lò Thị Hoa",
            "email": "",
            "role": "Giáo viên",
            "unit": school.pk,
            "position": "teacher",
            "employment_status": "permanent",
        },
        follow=True,
    )
    assert response.status_code == 200
    person = User.objects.get(username="GV500")
    assert person.must_change_password and person.has_usable_password()
    assert person.groups.filter(name="Giáo viên").exists()
    assert "Lò Thị Hoa" in response.content.decode()


def test_duplicate_staff_code_is_a_form_error_and_nothing_is_written(
    client, office_staff, school, teacher
):
    client.force_login(office_staff)
    before = StaffProfile.objects.count()
    response = client.post(
        reverse("staff:add"),
        {
            "staff_code": "gv001",
            "full_name": "Lò Thị Hoa",
            "role": "Giáo viên",
            "unit": school.pk,
            "position": "teacher",
            "employment_status": "permanent",
        },
    )
    assert response.status_code == 200
    assert str(ERROR_STAFF_CODE_TAKEN % {"code": "gv001"}) in response.content.decode()
    assert StaffProfile.objects.count() == before


def test_school_manager_cannot_add_staff_to_another_school(client, school_manager, other_school):
    client.force_login(school_manager)
    response = client.post(
        reverse("staff:add"),
        {
            "staff_code": "GV600",
            "full_name": "Lò Thị Hoa",
            "role": "Giáo viên",
            "unit": other_school.pk,
            "position": "teacher",
            "employment_status": "permanent",
        },
    )
    assert response.status_code == 302  # school managers may not add people at all
    assert not User.objects.filter(username="GV600").exists()


def test_office_staff_cannot_add_staff_outside_their_reach(client, far_officer, school):
    client.force_login(far_officer)
    response = client.post(
        reverse("staff:add"),
        {
            "staff_code": "GV601",
            "full_name": "Lò Thị Hoa",
            "role": "Giáo viên",
            "unit": school.pk,
            "position": "teacher",
            "employment_status": "permanent",
        },
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(username="GV601").exists()
