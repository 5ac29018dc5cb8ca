from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from training import roles
from training.models import PlanAction, PlanStatus, YearSummary
from training.services import (
    ERROR_COMMENT_REQUIRED,
    ERROR_PLAN_NOT_SUBMITTED,
    plan_approve,
    plan_reopen,
    plan_return,
    plan_save,
    plan_submit,
    year_target_set,
)
from training.tests.conftest import seen, this_year


@pytest.fixture
def submitted(make_module, teacher):
    modules = [make_module(hours=20) for _ in range(2)]
    plan = plan_save(school_year=this_year(), modules=modules, acting_user=teacher)
    return plan_submit(plan=plan, acting_user=teacher)


def test_the_school_manager_approves_and_the_summary_knows(submitted, school_manager, teacher):
    plan = plan_approve(
        plan=submitted, acting_user=school_manager, comment="Đồng ý.", seen_version=seen(submitted)
    )
    assert (plan.status, plan.decided_by, plan.comment) == (
        PlanStatus.APPROVED,
        school_manager,
        "Đồng ý.",
    )
    assert [e.action for e in plan.events.all()] == [PlanAction.APPROVED, PlanAction.SUBMITTED]
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.plan_status, summary.required_modules, summary.required_completed) == (
        PlanStatus.APPROVED,
        2,
        0,
    )
    entry = ModelLogEntry.objects.for_instance(plan).get(action="hoctap.plan_approved")
    assert entry.user == school_manager


def test_returned_plans_say_why_and_can_be_revised_and_resubmitted(
    submitted, school_manager, teacher, make_module
):
    with pytest.raises(ValidationError) as error:
        plan_return(
            plan=submitted, acting_user=school_manager, comment="  ", seen_version=seen(submitted)
        )
    assert error.value.message_dict == {"comment": [ERROR_COMMENT_REQUIRED]}
    plan = plan_return(
        plan=submitted,
        acting_user=school_manager,
        comment="Thêm mô-đun về đánh giá.",
        seen_version=seen(submitted),
    )
    assert plan.status == PlanStatus.RETURNED
    extra = make_module(hours=10)
    modules = [item.module for item in plan.items.all()] + [extra]
    plan = plan_save(school_year=this_year(), modules=modules, acting_user=teacher)
    plan = plan_submit(plan=plan, acting_user=teacher)
    plan = plan_approve(plan=plan, acting_user=school_manager, seen_version=seen(plan))
    history = list(plan.events.all())
    assert [e.action for e in history] == [
        PlanAction.APPROVED,
        PlanAction.SUBMITTED,
        PlanAction.RETURNED,
        PlanAction.SUBMITTED,
    ]
    assert history[2].comment == "Thêm mô-đun về đánh giá."
    assert len(history[0].modules) == 3 and len(history[3].modules) == 2


def test_only_a_submitted_plan_is_decided(submitted, school_manager):
    plan_approve(plan=submitted, acting_user=school_manager, seen_version=seen(submitted))
    with pytest.raises(ValidationError) as error:
        plan_approve(plan=submitted, acting_user=school_manager, seen_version=seen(submitted))
    assert error.value.messages == [ERROR_PLAN_NOT_SUBMITTED]


def test_managers_decide_only_within_their_reach_and_never_their_own(
    submitted, other_school, make_person, teacher, school_manager
):
    elsewhere = make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Lò Văn Thanh", position="principal"
    )
    for person in (elsewhere, teacher):
        with pytest.raises(PermissionDenied):
            plan_approve(plan=submitted, acting_user=person, seen_version=seen(submitted))
    submitted.refresh_from_db()
    assert submitted.status == PlanStatus.SUBMITTED


def test_a_manager_reopens_a_late_plan(make_module, teacher, school_manager, office_staff):
    modules = [make_module(hours=20) for _ in range(2)]
    plan = plan_save(school_year=this_year(), modules=modules, acting_user=teacher)
    today = timezone.localdate()
    year_target_set(
        school_year=this_year(),
        audience="teacher",
        hours_01=40,
        hours_02=40,
        hours_03=40,
        plan_deadline=today - timedelta(days=1),
        acting_user=office_staff,
    )
    with pytest.raises(ValidationError):
        plan_submit(plan=plan, acting_user=teacher)
    plan = plan_reopen(
        plan=plan,
        until=today + timedelta(days=7),
        reason="Cô ốm trong tháng 5.",
        acting_user=school_manager,
        seen_version=seen(plan),
    )
    plan = plan_submit(plan=plan, acting_user=teacher)
    assert plan.status == PlanStatus.SUBMITTED
    assert [e.action for e in plan.events.all()] == [PlanAction.SUBMITTED, PlanAction.REOPENED]


def test_reopening_an_approved_plan_returns_it(submitted, school_manager):
    plan = plan_approve(plan=submitted, acting_user=school_manager, seen_version=seen(submitted))
    plan = plan_reopen(
        plan=plan,
        until=timezone.localdate(),
        reason="Phân công dạy thêm môn.",
        acting_user=school_manager,
        seen_version=seen(plan),
    )
    assert plan.status == PlanStatus.RETURNED and plan.is_editable
