import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from training.models import YearSummary
from training.selectors import target_for
from training.services import (
    ERROR_TARGET_HOURS,
    training_record_approve,
    training_record_submit,
    year_target_set,
)
from training.tests.conftest import record_values, seen, this_year


def test_a_new_target_applies_to_the_years_summaries_at_once(teacher, school_manager, office_staff):
    record = training_record_submit(**record_values(hours=30), acting_user=teacher)
    training_record_approve(record=record, acting_user=school_manager, seen_version=seen(record))
    assert YearSummary.objects.get(user=teacher).target_01 == 40
    year_target_set(
        school_year=this_year(),
        audience="teacher",
        hours_01=30,
        hours_02=30,
        hours_03=60,
        acting_user=office_staff,
    )
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.target_01, summary.target_02, summary.target_03) == (30, 30, 60)
    assert target_for(school_year=this_year(), user=teacher).hours_03 == 60
    # Principals have their own target, unchanged.
    assert target_for(school_year=this_year(), user=school_manager).hours_03 == 40


def test_targets_are_whole_and_sane(office_staff):
    with pytest.raises(ValidationError) as error:
        year_target_set(
            school_year=this_year(),
            audience="teacher",
            hours_01=-1,
            hours_02=40,
            hours_03=40,
            acting_user=office_staff,
        )
    assert error.value.messages == [ERROR_TARGET_HOURS]


def test_school_managers_do_not_set_targets(school_manager):
    with pytest.raises(PermissionDenied):
        year_target_set(
            school_year=this_year(),
            audience="teacher",
            hours_01=40,
            hours_02=40,
            hours_03=40,
            acting_user=school_manager,
        )
