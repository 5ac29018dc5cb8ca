from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from training.models import Enrolment, EnrolmentSource, PlanAction, PlanStatus
from training.services import (
    ERROR_PLAN_LATE,
    ERROR_PLAN_MODULE_NOT_ALLOWED,
    ERROR_PLAN_NOT_EDITABLE,
    ERROR_PLAN_TOO_FEW_03,
    enrolment_assign,
    plan_save,
    plan_submit,
    year_target_set,
)
from training.tests.conftest import this_year


@pytest.fixture
def modules_03(make_module):
    return [make_module(hours=10) for _ in range(4)]


def test_a_plan_holds_the_assigned_modules_and_the_chosen_ones(
    make_module, modules_03, teacher, school, school_manager
):
    assigned = make_module(kind="01", hours=15)
    enrolment_assign(module=assigned, people=[teacher], acting_user=school_manager)
    plan = plan_save(school_year=this_year(), modules=modules_03, acting_user=teacher)
    items = {(i.module_id, i.programme, i.hours, i.assigned) for i in plan.items.all()}
    assert items == {(assigned.pk, "01", 15, True)} | {(m.pk, "03", 10, False) for m in modules_03}
    assert plan.status == PlanStatus.DRAFT
    # The chosen modules are enrolled at once, so that study can start.
    chosen = Enrolment.objects.filter(user=teacher, source=EnrolmentSource.PLAN)
    assert {e.module_id for e in chosen} == {m.pk for m in modules_03}


def test_submitting_keeps_the_modules_as_they_were_in_the_history(modules_03, teacher):
    plan = plan_save(school_year=this_year(), modules=modules_03, acting_user=teacher)
    plan = plan_submit(plan=plan, acting_user=teacher)
    assert plan.status == PlanStatus.SUBMITTED and plan.submitted_at is not None
    event = plan.events.get()
    assert (event.action, event.actor) == (PlanAction.SUBMITTED, teacher)
    assert sorted(m["code"] for m in event.modules) == sorted(m.code for m in modules_03)
    with pytest.raises(ValidationError) as error:
        plan_save(school_year=this_year(), modules=modules_03[:1], acting_user=teacher)
    assert error.value.messages == [ERROR_PLAN_NOT_EDITABLE]


def test_the_programme_03_target_must_be_reached(modules_03, teacher):
    plan = plan_save(school_year=this_year(), modules=modules_03[:3], acting_user=teacher)
    with pytest.raises(ValidationError) as error:
        plan_submit(plan=plan, acting_user=teacher)
    assert error.value.messages == [ERROR_PLAN_TOO_FEW_03 % {"target": 40, "hours": 30}]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and not plan.events.exists()


def test_only_programme_03_modules_of_the_year_may_be_chosen(make_module, modules_03, teacher):
    elsewhere = [
        make_module(kind="01"),
        make_module(school_year="2020-2021"),
    ]
    for module in elsewhere:
        with pytest.raises(ValidationError) as error:
            plan_save(school_year=this_year(), modules=[module], acting_user=teacher)
        assert error.value.messages == [
            ERROR_PLAN_MODULE_NOT_ALLOWED % {"module": module.title, "year": this_year()}
        ]
    assert not Enrolment.objects.exists()


def test_a_plan_submitted_after_the_deadline_is_refused(modules_03, teacher, office_staff):
    yesterday = timezone.localdate() - timedelta(days=1)
    year_target_set(
        school_year=this_year(),
        audience="teacher",
        hours_01=40,
        hours_02=40,
        hours_03=40,
        plan_deadline=yesterday,
        acting_user=office_staff,
    )
    plan = plan_save(school_year=this_year(), modules=modules_03, acting_user=teacher)
    with pytest.raises(ValidationError) as error:
        plan_submit(plan=plan, acting_user=teacher)
    assert error.value.code == "plan_late"
    assert error.value.messages == [
        ERROR_PLAN_LATE
        % {"year": this_year(), "deadline": f"{yesterday.day}/{yesterday.month}/{yesterday.year}"}
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_only_its_owner_submits_a_plan(modules_03, teacher, school_manager):
    plan = plan_save(school_year=this_year(), modules=modules_03, acting_user=teacher)
    with pytest.raises(PermissionDenied):
        plan_submit(plan=plan, acting_user=school_manager)
