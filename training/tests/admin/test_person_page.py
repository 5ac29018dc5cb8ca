"""A person's page in the admin: what a manager needs to judge one teacher, only within reach."""

import pytest
from django.urls import reverse

from training import roles
from training.services import (
    plan_return,
    plan_save,
    plan_submit,
    training_record_reject,
    training_record_submit,
)
from training.tests.conftest import pdf_file, record_values, seen, shifted, this_year


def person_url(person, **params):
    url = reverse("training_review:person", args=[person.pk])
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


@pytest.fixture
def history(teacher, school_manager, make_module):
    """A teacher's year: a plan returned by the manager, then submitted again; one record
    rejected, one waiting with its evidence."""
    module = make_module(hours=40, code="GVPT 07")
    plan = plan_save(school_year=this_year(), modules=[module], acting_user=teacher)
    plan = plan_submit(plan=plan, acting_user=teacher)
    plan_return(
        plan=plan,
        comment="Bổ sung minh chứng.",
        acting_user=school_manager,
        seen_version=seen(plan),
    )
    plan = plan_submit(plan=plan, acting_user=teacher)
    rejected = training_record_submit(
        **record_values(title="Hội thảo chuyên đề"), acting_user=teacher
    )
    training_record_reject(
        record=rejected,
        reason="Sai chương trình.",
        acting_user=school_manager,
        seen_version=seen(rejected),
    )
    waiting = training_record_submit(**record_values(), files=[pdf_file()], acting_user=teacher)
    return plan, rejected, waiting


def test_the_page_shows_profile_plan_records_summaries_and_history(
    client, school_manager, teacher, history
):
    plan, rejected, waiting = history
    client.force_login(school_manager)
    response = client.get(person_url(teacher))
    assert response.status_code == 200
    html = response.content.decode()
    # Profile facts.
    assert "Nguyễn Thị Hương" in html and "GV001" in html and "huong@example.vn" in html
    assert "Trường PTDTBT TH&amp;THCS Sin Suối Hồ" in html
    # The year's plan, its modules and events, with the way to decide it.
    assert "GVPT 07" in html and "Bổ sung minh chứng." in html
    assert reverse("training_review:plan", args=[plan.pk]) in html
    # The year's face-to-face records, with their evidence and the reason of a rejection.
    assert "Hội thảo chuyên đề" in html and "Sai chương trình." in html
    assert reverse("training:evidence", args=[waiting.evidence.get().pk]) in html
    # Every year's summary (this year's at least) and the audit history, naming who did what.
    assert f"?school_year={this_year()}" in html
    assert "Nhật ký thao tác" in html
    assert "Đặng Văn Dũng" in html and "Trả lại kế hoạch BDTX để chỉnh sửa" in html


def test_another_year_has_its_own_plan_and_records(client, school_manager, teacher, history):
    plan, rejected, waiting = history
    links = [
        reverse("training_review:plan", args=[plan.pk]),
        reverse("training_review:record", args=[rejected.pk]),
    ]
    client.force_login(school_manager)
    html = client.get(person_url(teacher, school_year=shifted(this_year(), -1))).content.decode()
    assert not any(link in html for link in links)
    assert "Chưa có kế hoạch cho năm học này." in html
    assert "Chưa có hồ sơ bồi dưỡng tập trung nào trong năm học này." in html
    # A malformed year falls back to the current one rather than failing.
    html = client.get(person_url(teacher, school_year="<script>")).content.decode()
    assert all(link in html for link in links) and "&lt;script&gt;" not in html


def test_another_schools_manager_gets_404(client, teacher, other_school, make_person, history):
    stranger = make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Lò Văn Thanh", position="principal"
    )
    client.force_login(stranger)
    assert client.get(person_url(teacher)).status_code == 404
    assert client.get(reverse("training_review:person", args=[987654])).status_code == 404


def test_office_staff_above_reach_it_and_a_teacher_does_not(
    client, office_staff, teacher, make_person, school, history
):
    client.force_login(office_staff)
    assert client.get(person_url(teacher)).status_code == 200
    colleague = make_person(unit=school, full_name="Lò Văn Minh")
    client.force_login(colleague)
    assert client.get(person_url(teacher)).status_code in (302, 403)


def test_a_managers_own_page_reads_without_decision_links(client, school_manager, make_module):
    plan = plan_save(
        school_year=this_year(), modules=[make_module(hours=40)], acting_user=school_manager
    )
    plan_submit(plan=plan, acting_user=school_manager)
    client.force_login(school_manager)
    html = client.get(person_url(school_manager)).content.decode()
    assert "Đặng Văn Dũng" in html
    assert reverse("training_review:plan", args=[plan.pk]) not in html


def test_the_queues_and_the_report_link_to_the_page(client, school_manager, teacher, history):
    client.force_login(school_manager)
    link = reverse("training_review:person", args=[teacher.pk])
    assert link in client.get(reverse("training_review:index")).content.decode()
    report = client.get(reverse("training_reports:teachers")).content.decode()
    assert link in report


def test_the_staff_inspect_page_links_to_it(client, school_manager, teacher):
    client.force_login(school_manager)
    html = client.get(reverse("staff:inspect", args=[teacher.profile.pk])).content.decode()
    assert reverse("training_review:person", args=[teacher.pk]) in html


def test_the_page_costs_the_same_queries_for_more_records(client, school_manager, teacher):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.force_login(school_manager)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(person_url(teacher)).status_code == 200
        return len(captured)

    training_record_submit(**record_values(), files=[pdf_file()], acting_user=teacher)
    queries(), queries()  # the site's caches (content types, settings, …) filled first
    few = queries()
    for n in range(4):
        training_record_submit(
            **record_values(title=f"Tập huấn {n}"), files=[pdf_file()], acting_user=teacher
        )
    # Site-wide caches only ever lower the count after the first pages; records never raise it.
    assert queries() <= few
