"""Bulk decisions in the review queues: many plans or face-to-face records approved, returned or
rejected at once, each on its own, with what could not be decided said and why."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from training import roles
from training.models import PlanStatus, RecordStatus, TrainingPlan, TrainingRecord
from training.review_services import BULK_MAX, ERROR_BULK_NONE, plans_decide, records_decide
from training.services import (
    ERROR_COMMENT_REQUIRED,
    ERROR_PLAN_NOT_SUBMITTED,
    ERROR_REASON_REQUIRED,
    ERROR_RECORD_NOT_PENDING,
    ERROR_YEAR_CLOSED,
    plan_approve,
    plan_save,
    plan_submit,
    training_record_approve,
    training_record_submit,
    year_close,
)
from training.tests.conftest import record_values, seen, this_year

INDEX = "training_review:index"


@pytest.fixture
def teachers(school, make_person):
    names = ["Nguyễn Thị Hương", "Lò Văn Minh", "Giàng A Páo"]
    return [make_person(unit=school, full_name=name) for name in names]


@pytest.fixture
def plans(teachers, make_module):
    module = make_module(hours=40)
    made = []
    for person in teachers:
        plan = plan_save(school_year=this_year(), modules=[module], acting_user=person)
        made.append(plan_submit(plan=plan, acting_user=person))
    return made


@pytest.fixture
def records(teachers):
    return [
        training_record_submit(**record_values(title=f"Tập huấn {n}"), acting_user=person)
        for n, person in enumerate(teachers, start=1)
    ]


@pytest.fixture
def stranger_plan(other_school, make_person, make_module):
    person = make_person(unit=other_school, full_name="Vàng Thị Mai")
    plan = plan_save(school_year=this_year(), modules=[make_module(hours=40)], acting_user=person)
    return plan_submit(plan=plan, acting_user=person)


@pytest.fixture
def stranger_record(other_school, make_person):
    person = make_person(unit=other_school, full_name="Vàng Thị Mai")
    return training_record_submit(**record_values(), acting_user=person)


def post(client, queue, items, action, comment=""):
    """Tick `items` in a queue as it shows them now: each plan or record with its version (an
    id or any other value is sent as it is) and decide."""
    ticked = [
        f"{item.pk}:{seen(item)}" if isinstance(item, TrainingPlan | TrainingRecord) else item
        for item in items
    ]
    return client.post(
        reverse(INDEX),
        {
            "queue": queue,
            f"{queue}-ids": ticked,
            f"{queue}-action": action,
            f"{queue}-comment": comment,
        },
    )


def statuses(model, items):
    return [model.objects.get(pk=item.pk).status for item in items]


def shown_messages(response) -> str:
    return " ".join(str(m.message) for m in response.wsgi_request._messages)


def test_the_queue_offers_checkboxes_and_bulk_buttons(client, school_manager, plans, records):
    client.force_login(school_manager)
    html = client.get(reverse(INDEX)).content.decode()
    for plan in plans:
        assert f'name="plans-ids" value="{plan.pk}:{seen(plan)}"' in html
    for record in records:
        assert f'name="records-ids" value="{record.pk}:{seen(record)}"' in html
    assert 'name="plans-action" value="return"' in html
    assert 'name="records-action" value="reject"' in html
    # "Select all" is a JavaScript nicety from a static file; no inline script.
    assert "training/admin/bulk-select.js" in html
    assert "data-bulk-all" in html


def test_many_plans_are_approved_at_once(client, school_manager, plans):
    client.force_login(school_manager)
    response = post(client, "plans", plans, "approve")
    assert response.status_code == 302
    assert response.url == reverse(INDEX)
    assert statuses(TrainingPlan, plans) == [PlanStatus.APPROVED] * 3
    assert "Đã duyệt 3 kế hoạch." in shown_messages(response)
    # Each went through the service: each is audited on its own, by this manager.
    entries = ModelLogEntry.objects.filter(action="hoctap.plan_approved", user=school_manager)
    assert entries.count() == 3


def test_plans_returned_in_bulk_carry_the_comment(client, school_manager, plans):
    client.force_login(school_manager)
    response = post(client, "plans", [plans[0], plans[1]], "return", "Thêm mô-đun 03.")
    assert response.status_code == 302
    assert statuses(TrainingPlan, plans) == [
        PlanStatus.RETURNED,
        PlanStatus.RETURNED,
        PlanStatus.SUBMITTED,
    ]
    assert TrainingPlan.objects.get(pk=plans[0].pk).comment == "Thêm mô-đun 03."


def test_returning_without_a_comment_changes_nothing(client, school_manager, plans):
    client.force_login(school_manager)
    response = post(client, "plans", plans, "return", "   ")
    assert response.status_code == 200
    html = response.content.decode()
    assert str(ERROR_COMMENT_REQUIRED) in html
    # The ticked rows stay ticked, so the manager only adds the comment.
    assert f'value="{plans[0].pk}:{seen(plans[0])}" id="plan-{plans[0].pk}" checked' in html
    assert statuses(TrainingPlan, plans) == [PlanStatus.SUBMITTED] * 3
    assert not ModelLogEntry.objects.filter(action="hoctap.plan_returned").exists()


def test_rejecting_without_a_reason_changes_nothing(client, school_manager, records):
    client.force_login(school_manager)
    response = post(client, "records", records, "reject")
    assert response.status_code == 200
    assert str(ERROR_REASON_REQUIRED) in response.content.decode()
    assert statuses(TrainingRecord, records) == [RecordStatus.SUBMITTED] * 3


def test_nothing_selected_is_explained(client, school_manager, plans):
    client.force_login(school_manager)
    response = post(client, "plans", [], "approve")
    assert response.status_code == 200
    assert str(ERROR_BULK_NONE) in response.content.decode()
    assert statuses(TrainingPlan, plans) == [PlanStatus.SUBMITTED] * 3


def test_a_tampered_selection_is_refused_whole(client, school_manager, plans):
    client.force_login(school_manager)
    response = post(client, "plans", [plans[0], "1; DROP"], "approve")
    assert response.status_code == 200
    assert statuses(TrainingPlan, plans) == [PlanStatus.SUBMITTED] * 3
    response = post(client, "plans", [plans[0]], "delete")
    assert response.status_code == 200
    assert statuses(TrainingPlan, plans) == [PlanStatus.SUBMITTED] * 3


def test_records_approved_and_rejected_in_bulk(client, school_manager, records):
    client.force_login(school_manager)
    response = post(client, "records", [records[0], records[1]], "approve")
    assert response.status_code == 302
    assert "Đã duyệt 2 hồ sơ bồi dưỡng tập trung" in shown_messages(response)
    response = post(client, "records", [records[2]], "reject", "Thiếu minh chứng.")
    assert response.status_code == 302
    assert statuses(TrainingRecord, records) == [
        RecordStatus.APPROVED,
        RecordStatus.APPROVED,
        RecordStatus.REJECTED,
    ]
    assert TrainingRecord.objects.get(pk=records[2].pk).reason == "Thiếu minh chứng."


def test_an_id_out_of_reach_is_never_decided_nor_named(
    client, school_manager, plans, stranger_plan, records, stranger_record
):
    client.force_login(school_manager)
    response = post(client, "plans", [plans[0], stranger_plan, 987654], "approve")
    assert response.status_code == 302
    stranger_plan.refresh_from_db()
    assert stranger_plan.status == PlanStatus.SUBMITTED
    assert TrainingPlan.objects.get(pk=plans[0].pk).status == PlanStatus.APPROVED
    said = shown_messages(response)
    assert "Đã duyệt 1 kế hoạch." in said
    # Out of reach and unknown are counted alike; the stranger is never named.
    assert "2 mục đã chọn" in said and "Vàng Thị Mai" not in said

    response = post(client, "records", [stranger_record], "reject", "Không hợp lệ.")
    assert response.status_code == 302
    stranger_record.refresh_from_db()
    assert stranger_record.status == RecordStatus.SUBMITTED
    assert "Vàng Thị Mai" not in shown_messages(response)


def test_an_item_decided_meanwhile_is_reported_and_the_rest_decided(
    client, school_manager, office_staff, plans
):
    # Someone else approved the first plan after the manager loaded the queue.
    plan_approve(plan=plans[0], acting_user=office_staff, seen_version=seen(plans[0]))
    client.force_login(school_manager)
    response = post(client, "plans", plans, "return", "Chọn lại mô-đun.")
    assert response.status_code == 302
    assert statuses(TrainingPlan, plans) == [
        PlanStatus.APPROVED,
        PlanStatus.RETURNED,
        PlanStatus.RETURNED,
    ]
    said = shown_messages(response)
    assert "Đã trả 2 kế hoạch để chỉnh sửa." in said
    assert "Nguyễn Thị Hương" in said and str(ERROR_PLAN_NOT_SUBMITTED) in said
    assert reverse("training_review:plan", args=[plans[0].pk]) in said
    # Shown on the queue page after the redirect.
    page = client.get(response.url).content.decode()
    assert str(ERROR_PLAN_NOT_SUBMITTED) in page


def test_a_closed_year_stops_only_its_records(client, school_manager, office_staff, records):
    training_record_approve(
        record=records[0], acting_user=office_staff, seen_version=seen(records[0])
    )
    year_close(unit=school_manager.profile.unit, school_year=this_year(), acting_user=office_staff)
    client.force_login(school_manager)
    response = post(client, "records", records, "approve")
    assert response.status_code == 302
    said = shown_messages(response)
    assert str(ERROR_RECORD_NOT_PENDING) in said
    assert str(ERROR_YEAR_CLOSED % {"year": this_year()}) in said
    assert statuses(TrainingRecord, records)[1:] == [RecordStatus.SUBMITTED] * 2


def test_nobody_decides_their_own_plan_in_bulk(client, school, make_person, make_module):
    manager = make_person(unit=school, role=roles.SCHOOL_MANAGER, position="vice_principal")
    plan = plan_save(school_year=this_year(), modules=[make_module(hours=40)], acting_user=manager)
    plan = plan_submit(plan=plan, acting_user=manager)
    client.force_login(manager)
    response = post(client, "plans", [plan], "approve")
    assert response.status_code == 302
    assert TrainingPlan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED


def test_a_teacher_cannot_post_bulk_decisions(client, teachers, plans):
    client.force_login(teachers[1])
    response = post(client, "plans", [plans[0]], "approve")
    assert response.status_code in (302, 403)
    assert TrainingPlan.objects.get(pk=plans[0].pk).status == PlanStatus.SUBMITTED


def test_an_unknown_queue_is_refused(client, school_manager, plans):
    client.force_login(school_manager)
    response = client.post(
        reverse(INDEX), {"queue": "closures", "closures-ids": [plans[0].pk], "action": "approve"}
    )
    # Wagtail answers a refusal in its admin by going back to the dashboard with a message.
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert statuses(TrainingPlan, plans) == [PlanStatus.SUBMITTED] * 3


def test_the_services_refuse_too_many_and_need_a_reason(school_manager, plans, records):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        plans_decide(
            items=dict.fromkeys(range(1, BULK_MAX + 2), ""),
            action="approve",
            comment="",
            acting_user=school_manager,
        )
    items = {records[0].pk: seen(records[0])}
    with pytest.raises(ValidationError):
        records_decide(items=items, action="reject", comment="", acting_user=school_manager)
    outcome = records_decide(items=items, action="approve", comment="", acting_user=school_manager)
    assert len(outcome.decided) == 1 and not outcome.refused and outcome.not_found == 0


def test_an_item_ticked_twice_is_decided_once(client, school_manager, records):
    client.force_login(school_manager)
    post(client, "records", [records[0], records[0], f"{records[0].pk}:other"], "approve")
    entries = ModelLogEntry.objects.filter(action="hoctap.record_approve", user=school_manager)
    assert entries.count() == 1
