"""The review screens decide the version they showed: the record or plan page carries it in a
hidden field, each row of a queue in its checkbox. What changed since is refused with a sentence
(one by one: on the page; in bulk: listed among those that could not be decided, the others are
decided)."""

import re

import pytest
from django.urls import reverse

from training.models import PlanStatus, RecordStatus, TrainingPlan, TrainingRecord
from training.review_selectors import plan_version, record_version
from training.services import (
    ERROR_PLAN_CHANGED,
    ERROR_RECORD_CHANGED,
    plan_save,
    plan_submit,
    training_record_submit,
)
from training.tests.conftest import pdf_file, record_values, this_year


def shown_version(html: str) -> str:
    return re.search(r'name="seen_version" value="([0-9a-f]*)"', html).group(1)


def shown_rows(html: str, queue: str) -> dict[int, str]:
    """{id: version} of each row's checkbox in a queue."""
    return {
        int(pk): version
        for pk, version in re.findall(rf'name="{queue}-ids" value="(\d+):([0-9a-f]+)"', html)
    }


@pytest.fixture
def record(teacher):
    return training_record_submit(**record_values(hours=2), files=[pdf_file()], acting_user=teacher)


def change_hours(record, teacher, hours):
    return training_record_submit(**record_values(hours=hours), record=record, acting_user=teacher)


def test_the_page_does_not_approve_hours_changed_after_it_was_shown(
    client, school_manager, teacher, record
):
    client.force_login(school_manager)
    url = reverse("training_review:record", args=[record.pk])
    seen = shown_version(client.get(url).content.decode())
    assert seen == record_version(TrainingRecord.objects.get(pk=record.pk))
    change_hours(record, teacher, 200)
    response = client.post(url, {"action": "approve", "comment": "", "seen_version": seen})
    assert response.status_code == 200
    html = response.content.decode()
    assert str(ERROR_RECORD_CHANGED) in html
    record.refresh_from_db()
    assert (record.status, record.hours) == (RecordStatus.SUBMITTED, 200)
    # The page shown with the refusal carries the version it now shows: deciding again works.
    again = shown_version(html)
    assert again == record_version(TrainingRecord.objects.get(pk=record.pk))
    response = client.post(url, {"action": "approve", "comment": "", "seen_version": again})
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.hours) == (RecordStatus.APPROVED, 200)


def test_a_page_without_the_version_decides_nothing(client, school_manager, record):
    client.force_login(school_manager)
    url = reverse("training_review:record", args=[record.pk])
    response = client.post(url, {"action": "reject", "comment": "Thiếu dấu."})
    assert str(ERROR_RECORD_CHANGED) in response.content.decode()
    record.refresh_from_db()
    assert record.status == RecordStatus.SUBMITTED


def test_a_correction_of_an_approved_record_carries_the_version(
    client, school_manager, office_staff, record
):
    client.force_login(school_manager)
    url = reverse("training_review:record", args=[record.pk])
    seen = shown_version(client.get(url).content.decode())
    client.post(url, {"action": "approve", "comment": "", "seen_version": seen})
    page = client.get(url).content.decode()
    body = {"action": "amend", "hours": 8, "programme": "01", "reason": "Ghi 8 tiết."}
    response = client.post(url, {**body, "seen_version": shown_version(page)})
    assert response.status_code == 302
    response = client.post(url, {**body, "hours": 30, "seen_version": shown_version(page)})
    assert str(ERROR_RECORD_CHANGED) in response.content.decode()
    record.refresh_from_db()
    assert record.hours == 8


@pytest.fixture
def plan(teacher, make_module):
    plan = plan_save(school_year=this_year(), modules=[make_module(hours=40)], acting_user=teacher)
    return plan_submit(plan=plan, acting_user=teacher)


def test_the_plan_page_does_not_decide_a_plan_changed_since(
    client, school_manager, office_staff, teacher, plan, make_module
):
    client.force_login(school_manager)
    url = reverse("training_review:plan", args=[plan.pk])
    seen = shown_version(client.get(url).content.decode())
    # Meanwhile another reviewer returns it; the teacher changes and resubmits it.
    client.force_login(office_staff)
    client.post(url, {"action": "return", "comment": "Đổi mô-đun.", "seen_version": seen})
    changed = plan_save(
        school_year=this_year(), modules=[make_module(hours=40)], acting_user=teacher
    )
    plan_submit(plan=changed, acting_user=teacher)
    client.force_login(school_manager)
    response = client.post(url, {"action": "approve", "comment": "", "seen_version": seen})
    assert str(ERROR_PLAN_CHANGED) in response.content.decode()
    assert TrainingPlan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED
    assert shown_version(response.content.decode()) == plan_version(
        TrainingPlan.objects.get(pk=plan.pk)
    )


def test_a_bulk_approval_leaves_out_what_changed_since_the_queue_was_shown(
    client, school_manager, teacher, make_person, school, record
):
    other = make_person(unit=school, full_name="Lò Văn Minh")
    unchanged = training_record_submit(**record_values(hours=4), acting_user=other)
    client.force_login(school_manager)
    index = reverse("training_review:index")
    rows = shown_rows(client.get(index).content.decode(), "records")
    assert set(rows) == {record.pk, unchanged.pk}
    change_hours(record, teacher, 200)
    response = client.post(
        index,
        {
            "queue": "records",
            "records-ids": [f"{pk}:{version}" for pk, version in rows.items()],
            "records-action": "approve",
            "records-comment": "",
        },
        follow=True,
    )
    html = response.content.decode()
    assert str(ERROR_RECORD_CHANGED) in html
    record.refresh_from_db()
    unchanged.refresh_from_db()
    assert (record.status, record.hours) == (RecordStatus.SUBMITTED, 200)
    assert unchanged.status == RecordStatus.APPROVED
    # The queue shown again carries the new version.
    assert shown_rows(html, "records") == {
        record.pk: record_version(TrainingRecord.objects.get(pk=record.pk))
    }


def test_a_bulk_decision_without_versions_decides_nothing(client, school_manager, plan):
    client.force_login(school_manager)
    response = client.post(
        reverse("training_review:index"),
        {"queue": "plans", "plans-ids": [str(plan.pk)], "plans-action": "approve"},
        follow=True,
    )
    assert str(ERROR_PLAN_CHANGED) in response.content.decode()
    assert TrainingPlan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED
