import pytest

from training.tests.reports.world import build_more, build_world


@pytest.fixture
def more(
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
    """The reports' world (world.py), with a plan half done and a third school."""
    world = build_world(**locals())
    return build_more(world, make_person=make_person, make_module=make_module)
