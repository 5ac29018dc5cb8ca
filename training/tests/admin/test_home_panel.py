"""The manager's front door: the admin home says what waits for their decision in their reach."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from training.admin_panels import PendingReviewsPanel
from training.review_selectors import pending_reviews
from training.services import plan_save, plan_submit, training_record_submit
from training.tests.conftest import record_values, this_year


@pytest.fixture
def submit(make_module):
    module = {}

    def make(person, *, records=1):
        if "m" not in module:
            module["m"] = make_module(hours=40)
        plan = plan_save(school_year=this_year(), modules=[module["m"]], acting_user=person)
        plan_submit(plan=plan, acting_user=person)
        for _ in range(records):
            training_record_submit(**record_values(), acting_user=person)

    return make


def test_the_home_page_counts_what_waits_in_reach(
    client, school_manager, school, other_school, make_person, submit
):
    for name in ("Nguyễn Thị Hương", "Lò Văn Minh"):
        submit(make_person(unit=school, full_name=name), records=2)
    submit(make_person(unit=other_school, full_name="Vàng Thị Mai"), records=3)
    client.force_login(school_manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Đang chờ bạn duyệt" in html
    assert "2 kế hoạch BDTX" in html
    assert "4 hồ sơ bồi dưỡng tập trung" in html
    assert f"{reverse('training_review:index')}#plans" in html


def test_nothing_waiting_is_said_plainly(client, school_manager):
    client.force_login(school_manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Không có hồ sơ nào đang chờ bạn duyệt" in html


def test_office_staff_count_every_school_below_them(
    office_staff, school, other_school, make_person, submit
):
    submit(make_person(unit=school, full_name="Lò Văn Minh"), records=1)
    submit(make_person(unit=other_school, full_name="Vàng Thị Mai"), records=2)
    pending = pending_reviews(office_staff)
    assert (pending.plans, pending.records) == (2, 3)
    assert pending.oldest_plan is not None


def test_the_panel_is_not_shown_to_content_editors(client, school, make_person):
    from training import roles

    editor = make_person(unit=school, role=roles.CONTENT_EDITOR, full_name="Lê Thu Trang")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Đang chờ bạn duyệt" not in html


def _panel_queries(manager) -> int:
    request = RequestFactory().get("/admin/")
    request.user = type(manager).objects.get(pk=manager.pk)  # no permissions cached yet
    with CaptureQueriesContext(connection) as queries:
        PendingReviewsPanel().render_html({"request": request})
    return len(queries)


def test_the_panel_costs_the_same_few_queries_for_many_items(
    school_manager, school, make_person, submit
):
    submit(make_person(unit=school, full_name="Lò Văn Minh"), records=1)
    few = _panel_queries(school_manager)
    for n in range(6):
        submit(make_person(unit=school, full_name=f"Giàng A Páo {n}"), records=3)
    assert _panel_queries(school_manager) == few
    assert few <= 6
