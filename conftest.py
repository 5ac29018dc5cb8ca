"""Fixtures shared by every app's tests. Data is built through the real services."""

import pytest

from training import roles
from training.services import staff_create, unit_create


@pytest.fixture(autouse=True)
def _site_cache_cleared():
    """portal.caching keeps Sites and settings across requests: not across tests, whose data
    is rolled back without a signal."""
    from portal.caching import clear

    clear()
    yield
    clear()


@pytest.fixture
def department(db):
    return unit_create(name="Sở GD&ĐT Lai Châu", code="SGD-LC", kind="department", acting_user=None)


@pytest.fixture
def commune(department):
    return unit_create(
        name="UBND xã Phong Thổ", code="XA-PT", kind="commune", parent=department, acting_user=None
    )


@pytest.fixture
def school(commune):
    return unit_create(
        name="Trường PTDTBT TH&THCS Sin Suối Hồ",
        code="TR-SSH",
        kind="ethnic_boarding",
        parent=commune,
        acting_user=None,
    )


@pytest.fixture
def other_school(commune):
    return unit_create(
        name="Trường Tiểu học Dào San",
        code="TR-DS",
        kind="primary",
        parent=commune,
        acting_user=None,
    )


@pytest.fixture
def make_person(db):
    counter = iter(range(1, 100_000))

    def make(*, unit, role=roles.TEACHER, full_name="Nguyễn Thị Hương", **kwargs):
        kwargs.setdefault("staff_code", f"GV{next(counter):05d}")
        kwargs.setdefault("password", "mat-khau-rat-dai-2026")
        return staff_create(
            full_name=full_name, unit=unit, roles=[role], acting_user=None, **kwargs
        )

    return make


@pytest.fixture
def teacher(school, make_person):
    return make_person(unit=school, staff_code="GV001", email="huong@example.vn")


@pytest.fixture
def school_manager(school, make_person):
    return make_person(
        unit=school,
        role=roles.SCHOOL_MANAGER,
        full_name="Đặng Văn Dũng",
        staff_code="QL001",
        position="principal",
    )


@pytest.fixture
def office_staff(department, make_person):
    return make_person(
        unit=department,
        role=roles.OFFICE_STAFF,
        full_name="Hoàng Thị Thùy",
        staff_code="CV001",
        position="office_specialist",
    )
