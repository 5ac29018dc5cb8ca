"""Province-wide settings (issue #12, finding 3): the yearly targets hold for the whole province,
so only the department's office staff (attached to the top unit) or a superuser change them;
a commune's office reads them. And nobody adds a unit outside their reach or at the top."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.api_support import client_for
from training import roles
from training.models import Unit, YearTarget
from training.selectors import may_change_province_settings
from training.services import (
    ERROR_PROVINCE_SETTINGS,
    ERROR_ROOT_UNIT,
    ERROR_UNIT_OUT_OF_REACH,
    unit_create,
    year_target_set,
)
from training.tests.conftest import this_year

TARGET = {"audience": "teacher", "hours_01": 30, "hours_02": 30, "hours_03": 60}


@pytest.fixture
def commune_office(commune, make_person):
    return make_person(
        unit=commune,
        role=roles.OFFICE_STAFF,
        full_name="Lò Thị Mai",
        staff_code="CVXA01",
        position="office_specialist",
    )


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "quantri", "qt@example.vn", "mat-khau-dai-2026"
    )


def test_only_the_top_units_office_or_a_superuser_may_change_province_settings(
    office_staff, commune_office, school_manager, teacher, superuser
):
    assert may_change_province_settings(office_staff)
    assert may_change_province_settings(superuser)
    assert not may_change_province_settings(commune_office)
    assert not may_change_province_settings(school_manager)
    assert not may_change_province_settings(teacher)
    # A manager of another role attached to the top unit is not the department's office.
    office_staff.groups.set([])
    assert not may_change_province_settings(office_staff)
    superuser.is_active = False
    assert not may_change_province_settings(superuser)


def test_a_commune_office_cannot_set_the_provinces_target(commune_office, office_staff):
    with pytest.raises(PermissionDenied) as refused:
        year_target_set(school_year=this_year(), **TARGET, acting_user=commune_office)
    assert refused.value.args == (ERROR_PROVINCE_SETTINGS,)
    assert not YearTarget.objects.exists()
    year_target_set(school_year=this_year(), **TARGET, acting_user=office_staff)
    assert YearTarget.objects.get().hours_03 == 60


def test_the_api_refuses_a_commune_office_with_the_sentence(commune_office, office_staff):
    body = {"school_year": this_year(), **TARGET}
    refused = client_for(commune_office).post("/api/v1/year-targets/", body, format="json")
    assert refused.status_code == 403
    assert str(ERROR_PROVINCE_SETTINGS) in refused.content.decode()
    assert not YearTarget.objects.exists()
    # Reading stays: the commune's office sees the targets the department set.
    created = client_for(office_staff).post("/api/v1/year-targets/", body, format="json")
    assert created.status_code == 201, created.json()
    listed = client_for(commune_office).get("/api/v1/year-targets/")
    assert listed.status_code == 200
    assert [row["hours_03"] for row in listed.json()["results"]] == [60]


def test_the_admin_screen_shows_a_commune_office_the_targets_without_the_form(
    client, commune_office, office_staff
):
    year_target_set(school_year=this_year(), **TARGET, acting_user=office_staff)
    url = reverse("training_review:targets")
    client.force_login(commune_office)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["targets"] and not page.context["can_change"]
    assert b'name="hours_01"' not in page.content
    data = {"school_year": this_year(), **TARGET, "hours_03": 10, "plan_deadline": ""}
    refused = client.post(url, data)  # Wagtail's admin answers a refusal with its home page
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert YearTarget.objects.get().hours_03 == 60

    client.force_login(office_staff)
    page = client.get(url)
    assert page.context["can_change"] and b'name="hours_01"' in page.content
    assert client.post(url, data).status_code == 302
    assert YearTarget.objects.get().hours_03 == 10


# Units: nobody adds one beside or above their reach ---------------------------------------------


def test_an_office_adds_units_only_below_its_reach(
    commune_office, office_staff, department, commune, superuser
):
    sibling = unit_create(
        name="UBND xã Dào San", code="XA-DS", kind="commune", parent=department, acting_user=None
    )
    with pytest.raises(PermissionDenied) as beside:
        unit_create(
            name="Trường Mầm non Dào San",
            code="MN-DS",
            kind="preschool",
            parent=sibling,
            acting_user=commune_office,
        )
    assert beside.value.args == (ERROR_UNIT_OUT_OF_REACH,)
    with pytest.raises(PermissionDenied):
        unit_create(
            name="Phòng mới",
            code="P-MOI",
            kind="office",
            parent=department,
            acting_user=commune_office,
        )
    with pytest.raises(PermissionDenied) as top:
        unit_create(name="Sở khác", code="SGD-KHAC", kind="department", acting_user=office_staff)
    assert top.value.args == (ERROR_ROOT_UNIT,)
    assert not Unit.objects.filter(code__in=["MN-DS", "P-MOI", "SGD-KHAC"]).exists()

    below = unit_create(
        name="Trường Mầm non Phong Thổ",
        code="MN-PT",
        kind="preschool",
        parent=commune,
        acting_user=commune_office,
    )
    assert below.get_parent() == commune
    assert unit_create(name="Sở mới", code="SGD-MOI", kind="department", acting_user=superuser)


def test_the_unit_form_refuses_a_parent_outside_reach(client, commune_office, department):
    client.force_login(commune_office)
    response = client.post(
        reverse("units:add"),
        {"parent": department.pk, "name": "Trường lạ", "code": "TR-LA", "kind": "primary"},
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Unit.objects.filter(code="TR-LA").exists()


# Yearly report deadlines: set per unit by the office it reports to (reach), not province-wide --


def test_a_commune_office_sets_its_own_schools_deadline_never_the_departments(
    commune_office, office_staff, department, commune, school
):
    """A ReportDeadline on a unit binds the units that report to it, the nearest one above
    winning: it is the receiving office's own setting, so it stays within reach."""
    from datetime import date

    from training.yearly_report.selectors import deadline_for
    from training.yearly_report.services import ERROR_OUT_OF_REACH, report_deadline_set

    year = this_year()
    start = int(year[:4])
    report_deadline_set(
        unit=department, school_year=year, deadline=date(start, 10, 25), acting_user=office_staff
    )
    with pytest.raises(PermissionDenied) as above:
        report_deadline_set(
            unit=department,
            school_year=year,
            deadline=date(start, 12, 31),
            acting_user=commune_office,
        )
    assert above.value.args == (ERROR_OUT_OF_REACH,)
    report_deadline_set(
        unit=commune, school_year=year, deadline=date(start, 10, 15), acting_user=commune_office
    )
    assert deadline_for(unit=school, school_year=year) == date(start, 10, 15)
    assert deadline_for(unit=commune, school_year=year) == date(start, 10, 25)
