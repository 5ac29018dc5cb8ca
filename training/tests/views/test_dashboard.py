"""The teacher's dashboard: the year at a glance, in a constant number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from training.services import (
    enrolment_assign,
    lesson_view_record,
    plan_approve,
    plan_save,
    plan_submit,
    training_record_approve,
    training_record_reject,
    training_record_submit,
    year_close,
    year_target_set,
)
from training.tests.conftest import record_values, seen, shifted, study, this_year

URL = reverse("training:home")


def queries(client, person) -> int:
    client.force_login(person)
    # Warm the caches every page shares (site root paths, content types, the portal's settings).
    # Twice: the very first request creates the site's settings row, and saving it empties the
    # settings cache (portal.caching), so only the second request leaves the cache full.
    client.get(URL)
    client.get(URL)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured)


def a_year(person, manager, office, make_module, school_year, *, close_unit=None):
    """One school year of a person's records: a plan, a module studied, three records."""
    year_target_set(
        school_year=school_year,
        audience="teacher",
        hours_01=40,
        hours_02=40,
        hours_03=40,
        plan_deadline=timezone.localdate() + timedelta(days=1),
        acting_user=office,
    )
    modules = [make_module(school_year=school_year, hours=20) for _ in range(2)]
    plan = plan_save(school_year=school_year, modules=modules, acting_user=person)
    plan = plan_submit(plan=plan, acting_user=person)
    plan_approve(plan=plan, acting_user=manager, seen_version=seen(plan))
    study(modules[0], person)
    lesson_view_record(lesson=modules[1].lessons().first(), acting_user=person)
    start = int(school_year[:4])
    for day, decide in ((1, "approve"), (5, "reject"), (9, None)):
        record = training_record_submit(
            **record_values(
                school_year=school_year,
                start_date=min(date(start, 10, day), timezone.localdate() - timedelta(days=3)),
                end_date=min(date(start, 10, day + 1), timezone.localdate() - timedelta(days=2)),
            ),
            acting_user=person,
        )
        if decide == "approve":
            training_record_approve(record=record, acting_user=manager, seen_version=seen(record))
        elif decide == "reject":
            training_record_reject(
                record=record,
                acting_user=manager,
                reason="Thiếu minh chứng.",
                seen_version=seen(record),
            )
    if close_unit is not None:
        year_close(school_year=school_year, unit=close_unit, acting_user=office)


@pytest.mark.django_db
def test_the_dashboard_costs_the_same_queries_for_one_year_or_five(
    client, school, teacher, school_manager, office_staff, make_person, make_module, criteria
):
    newcomer = make_person(unit=school, full_name="Lò Văn Thanh")
    a_year(newcomer, school_manager, office_staff, make_module, this_year())

    for back in range(4, 0, -1):
        a_year(
            teacher,
            school_manager,
            office_staff,
            make_module,
            shifted(this_year(), -back),
            close_unit=None,
        )
    a_year(teacher, school_manager, office_staff, make_module, this_year())
    extra = make_module(kind="01", criteria=criteria[:3])
    enrolment_assign(
        module=extra,
        people=[teacher],
        deadline=timezone.localdate() + timedelta(days=5),
        acting_user=school_manager,
    )
    study(extra, teacher)
    assert teacher.year_summaries.count() == 5 and newcomer.year_summaries.count() == 1

    one_year, five_years = queries(client, newcomer), queries(client, teacher)
    print(f"dashboard queries: {one_year} (one year), {five_years} (five years)")
    assert one_year == five_years
    assert five_years <= 20


@pytest.mark.django_db
def test_the_dashboard_shows_the_year(client, teacher, school_manager, office_staff, make_module):
    a_year(teacher, school_manager, office_staff, make_module, this_year())
    client.force_login(teacher)
    response = client.get(URL)
    dashboard = response.context["dashboard"]
    bars = {bar.key: (bar.hours, bar.target) for bar in dashboard.bars}
    assert bars == {"01": (16, 40), "02": (0, 40), "03": (20, 40), "total": (36, 120)}
    [studying] = dashboard.studying
    assert studying.next_lesson is not None and studying.lessons_viewed == 1
    assert {r.status for r in dashboard.records} == {"approved", "rejected", "submitted"}
    html = response.content.decode()
    assert studying.next_lesson.url in html
    assert "Thiếu minh chứng." in html
    assert 'href="/static/css/training.css"' in html


@pytest.mark.django_db
def test_the_dashboard_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("portal:login") in response["Location"]
