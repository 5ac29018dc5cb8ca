import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from training import roles
from training.models import RecordStatus, YearSummary
from training.services import (
    ERROR_REASON_REQUIRED,
    ERROR_RECORD_NOT_PENDING,
    ERROR_YEAR_CLOSED,
    training_record_amend,
    training_record_approve,
    training_record_reject,
    training_record_submit,
    year_close,
)
from training.tests.conftest import record_values, seen


@pytest.fixture
def record(teacher):
    return training_record_submit(**record_values(hours=16, programme="02"), acting_user=teacher)


def test_approved_hours_count_at_once(record, school_manager, teacher):
    approved = training_record_approve(
        record=record, acting_user=school_manager, comment="Đủ.", seen_version=seen(record)
    )
    assert (approved.status, approved.decided_by, approved.reason) == (
        RecordStatus.APPROVED,
        school_manager,
        "Đủ.",
    )
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.hours_02, summary.records_approved, summary.records_pending) == (16, 1, 0)
    entry = ModelLogEntry.objects.for_instance(record).get(action="hoctap.record_approve")
    assert entry.user == school_manager


def test_a_rejection_gives_a_reason_and_counts_nothing(record, school_manager, teacher):
    with pytest.raises(ValidationError) as error:
        training_record_reject(
            record=record, acting_user=school_manager, reason="", seen_version=seen(record)
        )
    assert error.value.message_dict == {"reason": [ERROR_REASON_REQUIRED]}
    training_record_reject(
        record=record,
        acting_user=school_manager,
        reason="Thiếu minh chứng.",
        seen_version=seen(record),
    )
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.hours_02, summary.records_rejected) == (0, 1)
    entry = ModelLogEntry.objects.for_instance(record).get(action="hoctap.record_reject")
    assert entry.data["reason"] == "Thiếu minh chứng."
    with pytest.raises(ValidationError) as error:
        training_record_approve(
            record=record, acting_user=school_manager, seen_version=seen(record)
        )
    assert error.value.messages == [ERROR_RECORD_NOT_PENDING]


def test_a_manager_corrects_an_approved_record_with_a_reason(record, school_manager, teacher):
    training_record_approve(record=record, acting_user=school_manager, seen_version=seen(record))
    with pytest.raises(ValidationError):
        training_record_amend(
            record=record,
            hours=8,
            programme="02",
            reason="",
            acting_user=school_manager,
            seen_version=seen(record),
        )
    training_record_amend(
        record=record,
        hours=8,
        programme="01",
        reason="Giấy chứng nhận ghi 8 tiết.",
        acting_user=school_manager,
        seen_version=seen(record),
    )
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.hours_01, summary.hours_02) == (8, 0)
    entry = ModelLogEntry.objects.for_instance(record).get(action="hoctap.record_amend")
    assert entry.data["before"] == {"hours": 16, "programme": "02"}
    assert entry.data["reason"] == "Giấy chứng nhận ghi 8 tiết."


def test_only_managers_in_reach_decide(record, other_school, make_person, teacher, office_staff):
    elsewhere = make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Lò Văn Thanh", position="principal"
    )
    for person in (elsewhere, teacher):
        with pytest.raises(PermissionDenied):
            training_record_approve(record=record, acting_user=person, seen_version=seen(record))
    # The office above both schools reaches the teacher.
    training_record_approve(record=record, acting_user=office_staff, seen_version=seen(record))


def test_nothing_is_approved_into_a_closed_year(record, school_manager, school, teacher):
    year_close(school_year=record.school_year, unit=school, acting_user=school_manager)
    with pytest.raises(ValidationError) as error:
        training_record_approve(
            record=record, acting_user=school_manager, seen_version=seen(record)
        )
    assert error.value.messages == [ERROR_YEAR_CLOSED % {"year": record.school_year}]
