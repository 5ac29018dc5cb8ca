"""Every report, on screen and exported, makes as many queries for many teachers as for few."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from training.services import plan_save, unit_create
from training.tests.conftest import study, this_year

REPORTS = [
    ("training_reports:completion", {}),
    ("training_reports:completion", {"export": "xlsx"}),
    ("training_reports:completion", {"export": "csv"}),
    ("training_reports:teachers", {}),
    ("training_reports:teachers", {"export": "xlsx"}),
    ("training_reports:programmes", {}),
    ("training_reports:programmes", {"export": "xlsx"}),
    ("training_reports:modules", {}),
    ("training_reports:modules", {"export": "xlsx"}),
    ("training_reports:behind", {}),
    ("training_reports:behind", {"export": "xlsx"}),
    ("training_reports:behind", {"q": "thi"}),
]


def queries(client, name, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name), params)
        assert response.status_code == 200, name
        if response.streaming:
            b"".join(response.streaming_content)
    return len(captured.captured_queries)


def counts(client, unit) -> dict:
    found = {}
    for name, params in REPORTS:
        params = {"unit": unit.pk, "school_year": this_year(), **params}
        queries(client, name, params)  # warm the caches (content types, site) first
        # The site's own cached lookups (Site, portal settings) may be refilled once after the
        # data changed: the fewer of two requests is the report's own count.
        found[name, tuple(sorted(params.items()))] = min(
            queries(client, name, params) for _ in range(2)
        )
    return found


def test_no_report_makes_more_queries_for_more_teachers(client, more, make_person, make_module):
    w = more.world
    client.force_login(w.office_staff)
    few = counts(client, w.department)

    new_school = unit_create(
        name="Trường Tiểu học số 2 Phong Thổ",
        code="TH2-PT",
        kind="primary",
        parent=w.commune,
        acting_user=None,
    )
    modules = [make_module(hours=20, code=f"GVPT 4{n}") for n in range(2)]
    for number in range(8):
        person = make_person(
            unit=new_school if number % 2 else w.school, full_name=f"Nguyễn Thị Thu {number}"
        )
        if number < 3:
            study(modules[number % 2], person)
        if number == 4:
            plan_save(school_year=this_year(), modules=modules, acting_user=person)

    many = counts(client, w.department)
    assert many == few
