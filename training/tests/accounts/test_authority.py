"""Authority has a direction: an import or a manager changes only people strictly below their
own authority — never a superuser, an admin-capable account beside or above them, a peer, or
themselves (issue #12, finding 1: office staff took over the superuser by a roster row)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from training import roles
from training.models import User
from training.roster.planning import ERROR_ROW_AUTHORITY, NOTE_EMAIL_KEPT
from training.selectors import people_changeable_by
from training.services import ERROR_NOT_YOUR_AUTHORITY, staff_create, staff_profile_update
from training.tests.roster.conftest import STAFF_HEADINGS, apply, csv_bytes, dry_run


@pytest.fixture
def superuser(department, make_person):
    user = make_person(unit=department, full_name="Vũ Minh Quân", staff_code="admin",
                       position="staff")  # fmt: skip
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def fellow_officer(department, make_person):
    return make_person(unit=department, role=roles.OFFICE_STAFF, full_name="Lò Văn Hải",
                       staff_code="CV002", position="office_specialist")  # fmt: skip


@pytest.fixture
def editor(department, make_person):
    return make_person(unit=department, role=roles.CONTENT_EDITOR, full_name="Lường Thị Thanh",
                       staff_code="BTV01", position="office_specialist")  # fmt: skip


@pytest.fixture
def vice_principal(school, make_person):
    return make_person(unit=school, role=roles.SCHOOL_MANAGER, full_name="Lý A Chu",
                       staff_code="QL002", position="vice_principal")  # fmt: skip


def _row(code, name, email, unit):
    return [code, name, "", "", email, unit, "", ""]


def _errors(report):
    return {(o.key, e.column): e.message for o in report.errors for e in o.errors}


# The rule, in one selector ----------------------------------------------------------------------


def test_office_staff_change_only_people_below_them(
    office_staff, superuser, fellow_officer, editor, school_manager, teacher
):
    changeable = set(people_changeable_by(office_staff))
    assert teacher in changeable and school_manager in changeable
    assert superuser not in changeable  # a superuser: never
    assert fellow_officer not in changeable  # a peer in their own unit
    assert editor not in changeable  # an admin-capable account in their own unit
    assert office_staff not in changeable  # themselves


def test_school_manager_changes_teachers_but_not_a_fellow_manager(
    school_manager, vice_principal, teacher
):
    changeable = set(people_changeable_by(school_manager))
    assert changeable == {teacher}


def test_admin_access_given_directly_counts_as_admin_capable(office_staff, department, make_person):
    clerk = make_person(unit=department, full_name="Sùng Thị Mai", staff_code="VT01", role="x")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff = make_person(unit=department, full_name="Lò Thị Xuân", staff_code="VT02", role="x")
    staff.is_staff = True
    staff.save()
    plain = make_person(unit=department, full_name="Đèo Văn Tùng", staff_code="VT03", role="x")
    assert set(people_changeable_by(office_staff)) & {clerk, staff, plain} == {plain}


def test_an_admin_capable_account_strictly_below_is_changeable(office_staff, school, make_person):
    editor_below = make_person(unit=school, role=roles.CONTENT_EDITOR, staff_code="BTV09")
    assert editor_below in people_changeable_by(office_staff)


def test_superuser_changes_everyone_but_superusers(superuser, office_staff, teacher, make_person,
                                                   department):  # fmt: skip
    other = make_person(unit=department, full_name="Trần Văn Bình", staff_code="admin2")
    other.is_superuser = True
    other.save()
    changeable = set(people_changeable_by(superuser))
    assert {office_staff, teacher} <= changeable
    assert superuser not in changeable and other not in changeable


def test_teachers_and_editors_change_nobody(teacher, editor, school_manager):
    assert not people_changeable_by(teacher).exists()
    assert not people_changeable_by(editor).exists()


def test_an_inactive_manager_changes_nobody(office_staff, teacher):
    office_staff.is_active = False
    office_staff.save()
    assert not people_changeable_by(office_staff).exists()


# The roster import ----------------------------------------------------------------------------


def test_the_takeover_row_is_refused_by_dry_run_and_apply(office_staff, superuser):
    """The attack of finding 1, as it was: the superuser's e-mail stays as it was."""
    content = csv_bytes(
        [STAFF_HEADINGS, _row("admin", "Vũ Minh Quân", "takeover@evil.example", "SGD-LC")]
    )
    report = dry_run(content, office_staff)
    assert _errors(report) == {("admin", "Mã cán bộ"): str(ERROR_ROW_AUTHORITY)}
    with pytest.raises(Exception):  # noqa: B017 (ValidationError: the file has errors)
        apply(content, office_staff)
    superuser.refresh_from_db()
    assert superuser.email == ""


@pytest.mark.parametrize("who", ["fellow_officer", "editor", "office_staff"])
def test_peers_admin_capable_accounts_and_oneself_are_refused(request, office_staff, who):
    person = request.getfixturevalue(who)
    content = csv_bytes([STAFF_HEADINGS, _row(person.username, "Tên Mới", "", "SGD-LC")])
    report = dry_run(content, office_staff)
    assert _errors(report) == {(person.username, "Mã cán bộ"): str(ERROR_ROW_AUTHORITY)}
    person.refresh_from_db()
    assert person.last_name != "Tên"


def test_a_row_that_changes_nothing_about_a_peer_is_just_unchanged(office_staff, fellow_officer):
    """The office's own roster, exported and imported again, names its staff as they are."""
    content = csv_bytes([STAFF_HEADINGS, _row("CV002", "Lò Văn Hải", "", "SGD-LC")])
    report = dry_run(content, office_staff)
    assert not report.has_errors and [o.action for o in report.rows] == ["unchanged"]


def test_a_different_email_for_someone_not_below_is_refused_not_just_left_out(
    office_staff, fellow_officer
):
    fellow_officer.email = "hai@example.vn"
    fellow_officer.save()
    content = csv_bytes([STAFF_HEADINGS, _row("CV002", "Lò Văn Hải", "evil@example.vn", "SGD-LC")])
    assert _errors(dry_run(content, office_staff)) == {
        ("CV002", "Mã cán bộ"): str(ERROR_ROW_AUTHORITY)
    }


def test_a_school_manager_cannot_change_the_vice_principal(school_manager, vice_principal):
    content = csv_bytes([STAFF_HEADINGS, _row("QL002", "Lý A Chu", "chu@evil.example", "TR-SSH")])
    report = dry_run(content, school_manager)
    assert _errors(report) == {("QL002", "Mã cán bộ"): str(ERROR_ROW_AUTHORITY)}


def test_an_existing_email_is_never_changed_by_import(office_staff, teacher):
    content = csv_bytes(
        [STAFF_HEADINGS, _row("GV001", "Nguyễn Thị Hương Lan", "moi@example.vn", "TR-SSH")]
    )
    report = apply(content, office_staff)
    outcome = report.rows[0]
    assert outcome.action == "update"
    assert [n.message for n in outcome.notes] == [str(NOTE_EMAIL_KEPT)]
    teacher.refresh_from_db()
    assert teacher.email == "huong@example.vn"
    assert teacher.first_name == "Thị Hương Lan"  # the rest of the row is applied


def test_an_import_fills_an_empty_email_unconfirmed(office_staff, school_manager):
    content = csv_bytes([STAFF_HEADINGS, _row("QL001", "Đặng Văn Dũng", "dung@example.vn",
                                              "TR-SSH")])  # fmt: skip
    report = apply(content, office_staff)
    assert report.rows[0].action == "update"
    school_manager.refresh_from_db()
    assert school_manager.email == "dung@example.vn"
    assert not school_manager.email_confirmed


# The staff edit screen and the service ---------------------------------------------------------


@pytest.mark.parametrize("who", ["superuser", "fellow_officer", "editor", "office_staff"])
def test_the_edit_screen_answers_404_for_anyone_not_below(request, client, office_staff, who):
    person = request.getfixturevalue(who)
    client.force_login(office_staff)
    url = reverse("staff:edit", args=[person.profile.pk])
    assert client.get(url).status_code == 404
    data = {"unit": person.profile.unit_id, "position": "teacher", "employment_status": "retired"}
    assert client.post(url, data).status_code == 404
    person.profile.refresh_from_db()
    assert person.profile.employment_status == "permanent"


def test_the_edit_screen_still_edits_a_teacher(client, office_staff, teacher, school):
    client.force_login(office_staff)
    url = reverse("staff:edit", args=[teacher.profile.pk])
    data = {"unit": school.pk, "position": "teacher", "employment_status": "retired"}
    response = client.post(url, data)
    assert response.status_code == 302
    teacher.profile.refresh_from_db()
    assert teacher.profile.employment_status == "retired"


def test_the_service_refuses_anyone_not_below(office_staff, superuser, teacher):
    with pytest.raises(PermissionDenied) as refused:
        staff_profile_update(
            profile=superuser.profile, changes={"employment_status": "retired"},
            acting_user=office_staff,
        )  # fmt: skip
    assert refused.value.args[0] == ERROR_NOT_YOUR_AUTHORITY
    staff_profile_update(
        profile=teacher.profile, changes={"employment_status": "retired"}, acting_user=office_staff
    )
    teacher.profile.refresh_from_db()
    assert teacher.profile.employment_status == "retired"
    assert User.objects.get(pk=superuser.pk).profile.employment_status == "permanent"


def test_the_edit_button_appears_only_for_people_below(client, office_staff, superuser, teacher):
    client.force_login(office_staff)
    page = client.get(reverse("staff:inspect", args=[superuser.profile.pk])).content.decode()
    assert "Vũ Minh Quân" in page  # in reach: seen, only not theirs to change
    assert reverse("staff:edit", args=[superuser.profile.pk]) not in page
    page = client.get(reverse("staff:inspect", args=[teacher.profile.pk])).content.decode()
    assert reverse("staff:edit", args=[teacher.profile.pk]) in page


def test_staff_create_adds_only_to_units_in_reach_and_with_the_permission(
    school_manager, office_staff, school, department
):
    with pytest.raises(PermissionDenied):  # school managers do not add staff
        staff_create(staff_code="GV950", full_name="Lò Văn A", unit=school,
                     acting_user=school_manager)  # fmt: skip
    commune_officer = staff_create(
        staff_code="CV950",
        full_name="Lò Thị B",
        unit=school.get_parent(),
        roles=[roles.OFFICE_STAFF],
        acting_user=office_staff,
    )
    with pytest.raises(PermissionDenied):  # the department is above the commune's officer
        staff_create(staff_code="GV951", full_name="Lò Văn C", unit=department,
                     acting_user=commune_officer)  # fmt: skip
    assert not User.objects.filter(username__in=["GV950", "GV951"]).exists()


def test_an_address_filled_in_by_import_is_unconfirmed_even_if_once_confirmed(
    office_staff, school_manager
):
    User.objects.filter(pk=school_manager.pk).update(confirmed_email="dung@example.vn")
    row = _row("QL001", "Đặng Văn Dũng", "dung@example.vn", "TR-SSH")
    apply(csv_bytes([STAFF_HEADINGS, row]), office_staff)
    school_manager.refresh_from_db()
    assert school_manager.email == "dung@example.vn" and not school_manager.email_confirmed
