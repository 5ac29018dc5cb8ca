from django.contrib.auth.models import AnonymousUser

from training import roles
from training.selectors import staff_visible_to, units_visible_to
from training.services import unit_create


def test_school_manager_sees_only_their_school(school, other_school, school_manager):
    assert list(units_visible_to(school_manager)) == [school]


def test_office_staff_see_every_unit_below_theirs(
    department, commune, school, other_school, office_staff
):
    below = unit_create(
        name="Điểm trường Nậm Xe", code="DT-NX", kind="other", parent=school, acting_user=None
    )
    assert set(units_visible_to(office_staff)) == {department, commune, school, other_school, below}


def test_commune_staff_do_not_see_other_communes(department, commune, school, make_person):
    other_commune = unit_create(
        name="UBND xã Dào San", code="XA-DS", kind="commune", parent=department, acting_user=None
    )
    far_school = unit_create(
        name="Trường Mầm non Dào San",
        code="MN-DS",
        kind="preschool",
        parent=other_commune,
        acting_user=None,
    )
    officer = make_person(unit=commune, role=roles.OFFICE_STAFF, full_name="Lý Láo Lở")
    visible = set(units_visible_to(officer))
    assert visible == {commune, school}
    assert far_school not in visible and department not in visible


def test_teachers_and_anonymous_reach_no_unit(teacher):
    assert not units_visible_to(teacher).exists()
    assert not units_visible_to(AnonymousUser()).exists()


def test_deactivated_manager_reaches_nothing(school_manager):
    school_manager.is_active = False
    school_manager.save(update_fields=["is_active"])
    assert not units_visible_to(school_manager).exists()


def test_staff_visible_to_follows_units(school, other_school, school_manager, teacher, make_person):
    stranger = make_person(unit=other_school, full_name="Giàng A Páo")
    visible = set(staff_visible_to(school_manager))
    assert teacher in visible and school_manager in visible
    assert stranger not in visible
    assert set(staff_visible_to(teacher)) == {teacher}
