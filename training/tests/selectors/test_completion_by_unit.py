from decimal import Decimal

import pytest

from training.models import YearStatus
from training.selectors import completion_by_unit
from training.services import unit_create
from training.tests.conftest import this_year
from training.tests.reports.world import build_world


@pytest.fixture
def world(
    department,
    commune,
    school,
    other_school,
    teacher,
    school_manager,
    office_staff,
    make_person,
    make_module,
):
    return build_world(**locals())


def figures(rows):
    return {
        row.unit.code: (row.teachers, row.completed, row.in_progress, row.not_completed, row.rate)
        for row in rows
    }


def test_each_child_counts_its_whole_subtree(world):
    rows = completion_by_unit(user=world.office_staff, school_year=this_year())
    # The top of an officer's reach is the department; its one child holds everyone.
    assert figures(rows) == {"XA-PT": (5, 1, 2, 2, Decimal("20.0"))}
    rows = completion_by_unit(user=world.office_staff, school_year=this_year(), unit=world.commune)
    assert figures(rows) == {
        "TR-SSH": (3, 1, 2, 0, Decimal("33.3")),
        "TR-DS": (2, 0, 0, 2, Decimal("0.0")),
    }


def test_a_unit_with_people_of_its_own_comes_first_and_empty_children_show_zero(world, make_person):
    unit_create(
        name="Điểm trường Nậm Xe", code="DT-NX", kind="other", parent=world.school, acting_user=None
    )
    rows = completion_by_unit(user=world.office_staff, school_year=this_year(), unit=world.school)
    assert figures(rows) == {
        "TR-SSH": (3, 1, 2, 0, Decimal("33.3")),
        "DT-NX": (0, 0, 0, 0, Decimal("0.0")),
    }
    assert [row.unit.code for row in rows] == ["TR-SSH", "DT-NX"]


def test_filters_combine(world):
    def narrowed(**filters):
        return figures(
            completion_by_unit(
                user=world.office_staff, school_year=this_year(), unit=world.commune, **filters
            )
        )

    assert narrowed(position="teacher")["TR-SSH"][0] == 2
    assert narrowed(status=YearStatus.COMPLETED) == {
        "TR-SSH": (1, 1, 0, 0, Decimal("100.0")),
        "TR-DS": (0, 0, 0, 0, Decimal("0.0")),
    }
    assert narrowed(school_level="primary")["TR-DS"][0] == 2
    assert narrowed(school_level="primary")["TR-SSH"][0] == 0
    assert narrowed(school_level="primary", status=YearStatus.IN_PROGRESS)["TR-DS"][0] == 0
    assert narrowed(position="principal", status=YearStatus.IN_PROGRESS)["TR-SSH"][0] == 1


def test_a_school_manager_sees_only_their_school(world):
    rows = completion_by_unit(user=world.school_manager, school_year=this_year())
    assert figures(rows) == {"TR-SSH": (3, 1, 2, 0, Decimal("33.3"))}
    assert (
        completion_by_unit(
            user=world.school_manager, school_year=this_year(), unit=world.other_school
        )
        == []
    )
    assert completion_by_unit(user=world.teacher, school_year=this_year()) == []


def test_the_number_of_queries_does_not_grow_with_people_or_units(
    world, make_person, django_assert_num_queries
):
    def count():
        return completion_by_unit(
            user=world.office_staff, school_year=this_year(), unit=world.commune
        )

    with django_assert_num_queries(7):
        small = count()
    for index in range(4):
        unit = unit_create(
            name=f"Trường Mầm non {index}",
            code=f"MN-{index}",
            kind="preschool",
            parent=world.commune,
            acting_user=None,
        )
        for _ in range(3):
            make_person(unit=unit, full_name="Lò Thị Xuân")
    with django_assert_num_queries(7):
        large = count()
    assert len(large) == len(small) + 4
    assert sum(row.teachers for row in large) == sum(row.teachers for row in small) + 12
