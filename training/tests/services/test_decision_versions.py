"""A reviewer's decision applies to the version they were shown: a face-to-face record or a plan
that changed after that (its owner corrected it, added or removed evidence, resubmitted it;
another reviewer decided or corrected it) is refused with a sentence, and nothing changes."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from training.models import PlanStatus, RecordStatus, TrainingPlan, TrainingRecord, YearSummary
from training.review_selectors import plan_version, record_version
from training.services import (
    ERROR_PLAN_CHANGED,
    ERROR_RECORD_CHANGED,
    plan_approve,
    plan_reopen,
    plan_return,
    plan_save,
    plan_submit,
    training_record_amend,
    training_record_approve,
    training_record_reject,
    training_record_submit,
)
from training.tests.conftest import pdf_file, record_values, this_year


@pytest.fixture
def record(teacher):
    return training_record_submit(**record_values(hours=2), files=[pdf_file()], acting_user=teacher)


def fresh(record) -> TrainingRecord:
    return TrainingRecord.objects.get(pk=record.pk)


def refused(call, message) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.messages == [message]
    assert error.value.code == "changed_since_seen"


def correct(record, teacher, **changes):
    values = {**record_values(hours=record.hours), **changes}
    return training_record_submit(**values, record=record, acting_user=teacher)


def test_the_hours_changed_after_the_manager_saw_them_are_not_approved(
    record, teacher, school_manager
):
    seen = record_version(fresh(record))
    correct(record, teacher, hours=200)
    refused(
        lambda: training_record_approve(
            record=record, acting_user=school_manager, seen_version=seen
        ),
        ERROR_RECORD_CHANGED,
    )
    after = fresh(record)
    assert (after.status, after.hours, after.decided_by) == (RecordStatus.SUBMITTED, 200, None)
    assert not ModelLogEntry.objects.filter(action="hoctap.record_approve").exists()
    assert YearSummary.objects.get(user=teacher).hours_01 == 0
    # Shown again, the new version is decided.
    training_record_approve(
        record=record, acting_user=school_manager, seen_version=record_version(after)
    )
    assert fresh(record).status == RecordStatus.APPROVED


def test_evidence_added_or_removed_changes_the_version(record, teacher, school_manager):
    seen = record_version(fresh(record))
    correct(record, teacher, files=[pdf_file("them.pdf")])
    assert record_version(fresh(record)) != seen
    refused(
        lambda: training_record_reject(
            record=record, acting_user=school_manager, reason="Thiếu dấu.", seen_version=seen
        ),
        ERROR_RECORD_CHANGED,
    )
    seen = record_version(fresh(record))
    correct(record, teacher, remove_files=[record.evidence.first().pk])
    assert record_version(fresh(record)) != seen


def test_the_version_is_the_same_for_the_same_record(record):
    assert record_version(fresh(record)) == record_version(fresh(record))
    assert len(record_version(record)) == 32


def test_a_person_must_say_which_version_they_decide(record, school_manager):
    for seen in (None, "", "khác"):
        refused(
            lambda seen=seen: training_record_approve(
                record=record, acting_user=school_manager, seen_version=seen
            ),
            ERROR_RECORD_CHANGED,
        )
    assert fresh(record).status == RecordStatus.SUBMITTED


def test_the_system_decides_without_a_version(record):
    training_record_approve(record=record, acting_user=None)
    assert fresh(record).status == RecordStatus.APPROVED


def test_a_correction_by_another_manager_meanwhile_is_not_overwritten(
    record, teacher, school_manager, office_staff
):
    training_record_approve(
        record=record, acting_user=school_manager, seen_version=record_version(fresh(record))
    )
    seen = record_version(fresh(record))
    training_record_amend(
        record=record,
        hours=8,
        programme="01",
        reason="Giấy chứng nhận ghi 8 tiết.",
        acting_user=office_staff,
        seen_version=seen,
    )
    refused(
        lambda: training_record_amend(
            record=record,
            hours=30,
            programme="01",
            reason="Ghi 30 tiết.",
            acting_user=school_manager,
            seen_version=seen,
        ),
        ERROR_RECORD_CHANGED,
    )
    assert fresh(record).hours == 8


@pytest.fixture
def submitted(make_module, teacher):
    plan = plan_save(school_year=this_year(), modules=[make_module(hours=40)], acting_user=teacher)
    return plan_submit(plan=plan, acting_user=teacher)


def test_a_plan_returned_changed_and_resubmitted_meanwhile_is_not_approved(
    submitted, teacher, school_manager, office_staff, make_module
):
    seen = plan_version(TrainingPlan.objects.get(pk=submitted.pk))
    plan_return(plan=submitted, acting_user=office_staff, comment="Đổi mô-đun.", seen_version=seen)
    plan = plan_save(school_year=this_year(), modules=[make_module(hours=40)], acting_user=teacher)
    plan_submit(plan=plan, acting_user=teacher)
    for decide in (plan_approve, plan_return):
        refused(
            lambda decide=decide: decide(
                plan=submitted, acting_user=school_manager, comment="Được.", seen_version=seen
            ),
            ERROR_PLAN_CHANGED,
        )
    assert TrainingPlan.objects.get(pk=submitted.pk).status == PlanStatus.SUBMITTED


def test_a_reopening_carries_the_version_seen(submitted, school_manager, office_staff):
    seen = plan_version(TrainingPlan.objects.get(pk=submitted.pk))
    plan_approve(plan=submitted, acting_user=office_staff, seen_version=seen)
    refused(
        lambda: plan_reopen(
            plan=submitted,
            until=timezone.localdate() + timedelta(days=7),
            reason="Bổ sung.",
            acting_user=school_manager,
            seen_version=seen,
        ),
        ERROR_PLAN_CHANGED,
    )
    assert TrainingPlan.objects.get(pk=submitted.pk).status == PlanStatus.APPROVED
