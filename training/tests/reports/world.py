"""A small tree with known figures for the completion reports, built through the services.

department ─ commune ─┬ school (Sin Suối Hồ): the teacher (completed), Lò Văn Thanh (in
                      │   progress), the principal (in progress)
                      └ other_school (Dào San, year closed): two primary teachers (not completed)
"""

from dataclasses import dataclass

from training import roles
from training.models import Unit, User
from training.services import (
    plan_approve,
    plan_save,
    plan_submit,
    training_record_approve,
    training_record_submit,
    unit_create,
    year_close,
)
from training.tests.conftest import record_values, seen, study, this_year


def complete_the_year(person: User, manager: User, make_module) -> None:
    modules = [make_module(hours=20) for _ in range(2)]
    plan = plan_submit(
        plan=plan_save(school_year=this_year(), modules=modules, acting_user=person),
        acting_user=person,
    )
    plan_approve(plan=plan, acting_user=manager, seen_version=seen(plan))
    for module in modules:
        study(module, person)
    for programme in ("01", "02"):
        record = training_record_submit(
            **record_values(hours=40, programme=programme), acting_user=person
        )
        training_record_approve(record=record, acting_user=manager, seen_version=seen(record))


@dataclass
class World:
    department: Unit
    commune: Unit
    school: Unit
    other_school: Unit
    teacher: User
    behind: User
    school_manager: User
    office_staff: User
    far: list[User]


def build_world(
    *,
    department,
    commune,
    school,
    other_school,
    teacher,
    school_manager,
    office_staff,
    make_person,
    make_module,
) -> World:
    complete_the_year(teacher, school_manager, make_module)
    behind = make_person(unit=school, full_name="Lò Văn Thanh")
    far = [
        make_person(unit=other_school, full_name=name, school_level="primary")
        for name in ("Vàng Thị Mai", '=HYPERLINK("http://x")')
    ]
    make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Giàng A Páo", position="staff"
    )
    year_close(school_year=this_year(), unit=other_school, acting_user=office_staff)
    return World(
        department=department,
        commune=commune,
        school=school,
        other_school=other_school,
        teacher=teacher,
        behind=behind,
        school_manager=school_manager,
        office_staff=office_staff,
        far=far,
    )


@dataclass
class More:
    """The world, and beside it: at the school a teacher with an approved plan of 40 tiết in
    Programme 03, 20 of them done with a score of 8; a third school of the commune where a
    teacher completed a Programme 02 module (15 tiết, score 10)."""

    world: World
    planner: User
    third_school: Unit
    elsewhere: User


def build_more(world: World, *, make_person, make_module) -> More:
    planner = make_person(unit=world.school, full_name="Sùng Thị Dợ")
    first, second = make_module(hours=20, code="GVPT 11"), make_module(hours=20, code="GVPT 12")
    plan = plan_submit(
        plan=plan_save(school_year=this_year(), modules=[first, second], acting_user=planner),
        acting_user=planner,
    )
    plan_approve(plan=plan, acting_user=world.school_manager, seen_version=seen(plan))
    study(first, planner, right=3)  # 4 points of 5: 8.00
    third_school = unit_create(
        name="Trường Mầm non Mường So",
        code="MN-MS",
        kind="preschool",
        parent=world.commune,
        acting_user=None,
    )
    elsewhere = make_person(unit=third_school, full_name="Lý Thị Xuân")
    study(make_module(hours=15, code="GVPT 31", kind="02"), elsewhere)
    return More(world, planner, third_school, elsewhere)
