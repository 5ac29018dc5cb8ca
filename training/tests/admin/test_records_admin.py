"""The managers' screens for training records in the Wagtail admin, within their reach."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from training import roles
from training.models import (
    Enrolment,
    PlanStatus,
    RecordStatus,
    YearClosure,
    YearSummary,
    YearTarget,
)
from training.services import (
    ERROR_COMMENT_REQUIRED,
    plan_save,
    plan_submit,
    training_record_submit,
)
from training.tests.conftest import pdf_file, record_values, seen, this_year


@pytest.fixture
def record(teacher):
    return training_record_submit(**record_values(), files=[pdf_file()], acting_user=teacher)


@pytest.fixture
def plan(teacher, make_module):
    modules = [make_module(hours=20) for _ in range(2)]
    plan = plan_save(school_year=this_year(), modules=modules, acting_user=teacher)
    return plan_submit(plan=plan, acting_user=teacher)


@pytest.fixture
def elsewhere(other_school, make_person):
    return make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Lò Văn Thanh", position="principal"
    )


def test_the_review_queue_lists_what_waits_in_reach(
    client, school_manager, record, plan, elsewhere
):
    client.force_login(school_manager)
    html = client.get(reverse("training_review:index")).content.decode()
    assert record.title in html and reverse("training_review:plan", args=[plan.pk]) in html
    client.force_login(elsewhere)
    html = client.get(reverse("training_review:index")).content.decode()
    assert record.title not in html


def test_the_school_manager_approves_a_record_with_its_evidence(
    client, school_manager, record, teacher
):
    client.force_login(school_manager)
    url = reverse("training_review:record", args=[record.pk])
    page = client.get(url).content.decode()
    assert reverse("training:evidence", args=[record.evidence.get().pk]) in page
    response = client.post(url, {"action": "approve", "comment": "", "seen_version": seen(record)})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == RecordStatus.APPROVED
    assert YearSummary.objects.get(user=teacher).hours_01 == record.hours
    history = client.get(url).content.decode()
    assert "Đặng Văn Dũng" in history  # who approved, in the audit history


def test_a_rejection_without_reason_is_explained(client, school_manager, record):
    client.force_login(school_manager)
    url = reverse("training_review:record", args=[record.pk])
    response = client.post(url, {"action": "reject", "comment": ""})
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.status == RecordStatus.SUBMITTED


def test_out_of_reach_or_without_permission_is_refused(client, record, plan, elsewhere, teacher):
    client.force_login(elsewhere)
    assert client.get(reverse("training_review:record", args=[record.pk])).status_code == 404
    assert (
        client.post(
            reverse("training_review:plan", args=[plan.pk]), {"action": "approve"}
        ).status_code
        == 404
    )
    client.force_login(teacher)
    assert client.get(reverse("training_review:index")).status_code in (302, 403)


def test_plans_are_approved_or_returned_with_a_comment(client, school_manager, plan):
    client.force_login(school_manager)
    url = reverse("training_review:plan", args=[plan.pk])
    response = client.post(url, {"action": "return", "comment": ""})
    assert str(ERROR_COMMENT_REQUIRED) in response.content.decode()
    response = client.post(
        url, {"action": "return", "comment": "Chọn thêm GVPT 06.", "seen_version": seen(plan)}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.comment) == (PlanStatus.RETURNED, "Chọn thêm GVPT 06.")


def test_a_manager_assigns_a_module_to_their_school(
    client, school_manager, school, teacher, make_module
):
    module = make_module(kind="01")
    client.force_login(school_manager)
    deadline = timezone.localdate() + timedelta(days=20)
    response = client.post(
        reverse("training_review:assign"),
        {"module": module.pk, "units": [school.pk], "deadline": deadline.isoformat()},
    )
    assert response.status_code == 302
    assert Enrolment.objects.get(user=teacher, module=module).deadline == deadline


def test_a_manager_closes_and_reopens_the_year(client, school_manager, school, teacher):
    client.force_login(school_manager)
    url = reverse("training_review:year_close")
    response = client.post(
        url, {"unit": school.pk, "school_year": this_year(), "reason": "Hết năm."}
    )
    assert response.status_code == 302
    closure = YearClosure.objects.get()
    assert YearSummary.objects.get(user=teacher).status == "not_completed"
    response = client.post(url, {"action": "reopen", "closure": closure.pk, "reason": "Nhầm."})
    assert response.status_code == 302
    assert YearSummary.objects.get(user=teacher).status == "in_progress"


def test_office_staff_set_targets_and_school_managers_only_read_them(
    client, office_staff, school_manager
):
    url = reverse("training_review:targets")
    data = {
        "school_year": this_year(),
        "audience": "teacher",
        "hours_01": 30,
        "hours_02": 50,
        "hours_03": 40,
        "plan_deadline": "",
    }
    client.force_login(school_manager)
    assert client.get(url).status_code == 200
    refused = client.post(url, data)  # Wagtail's admin answers a refusal with its home page
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not YearTarget.objects.exists()
    client.force_login(office_staff)
    assert client.post(url, data).status_code == 302
    assert YearTarget.objects.get().hours_02 == 50
