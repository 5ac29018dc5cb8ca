import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from training.models import YearStatus, YearSummary
from training.services import (
    ERROR_YEAR_ALREADY_CLOSED,
    ERROR_YEAR_CLOSED,
    plan_approve,
    plan_save,
    plan_submit,
    training_record_approve,
    training_record_submit,
    year_close,
    year_reopen,
)
from training.tests.conftest import record_values, seen, study, this_year


def complete_the_year(person, manager, make_module):
    modules = [make_module(hours=20) for _ in range(2)]
    plan = plan_submit(
        plan=plan_save(school_year=this_year(), modules=modules, acting_user=person),
        acting_user=person,
    )
    plan_approve(plan=plan, acting_user=manager, seen_version=seen(plan))
    for module in modules:
        study(module, person)
    for programme in ("01", "02"):
        record = training_record_submit(
            **record_values(hours=40, programme=programme), acting_user=person
        )
        training_record_approve(record=record, acting_user=manager, seen_version=seen(record))


def test_closing_a_year_settles_every_trainee_below_the_unit(
    school, teacher, school_manager, make_person, make_module
):
    complete_the_year(teacher, school_manager, make_module)
    behind = make_person(unit=school, full_name="Lò Văn Thanh")
    training_record_submit(**record_values(hours=10), acting_user=behind)
    idle = make_person(unit=school, full_name="Vàng Thị Mai")
    assert YearSummary.objects.get(user=teacher).status == YearStatus.COMPLETED

    closure = year_close(
        school_year=this_year(), unit=school, acting_user=school_manager, reason="Tổng kết."
    )

    statuses = dict(YearSummary.objects.values_list("user__username", "status"))
    assert statuses[teacher.username] == YearStatus.COMPLETED
    assert statuses[behind.username] == YearStatus.NOT_COMPLETED
    # Someone who recorded nothing at all now has a row: "not completed".
    assert statuses[idle.username] == YearStatus.NOT_COMPLETED
    assert statuses[school_manager.username] == YearStatus.NOT_COMPLETED
    entry = ModelLogEntry.objects.for_instance(closure).get()
    assert (entry.action, entry.user, entry.data["reason"]) == (
        "hoctap.year_close",
        school_manager,
        "Tổng kết.",
    )


def test_a_closed_year_takes_nothing_more(school, teacher, school_manager):
    year_close(school_year=this_year(), unit=school, acting_user=school_manager)
    with pytest.raises(ValidationError) as error:
        training_record_submit(**record_values(), acting_user=teacher)
    assert error.value.messages == [ERROR_YEAR_CLOSED % {"year": this_year()}]
    with pytest.raises(ValidationError) as error:
        year_close(school_year=this_year(), unit=school, acting_user=school_manager)
    assert error.value.messages == [
        ERROR_YEAR_ALREADY_CLOSED % {"year": this_year(), "unit": school.name}
    ]


def test_a_closure_above_closes_the_units_below(commune, school, teacher, office_staff):
    year_close(school_year=this_year(), unit=commune, acting_user=office_staff)
    with pytest.raises(ValidationError):
        year_close(school_year=this_year(), unit=school, acting_user=office_staff)
    assert YearSummary.objects.get(user=teacher).closed


def test_reopening_brings_the_year_back_in_progress(school, teacher, school_manager):
    training_record_submit(**record_values(hours=10), acting_user=teacher)
    closure = year_close(school_year=this_year(), unit=school, acting_user=school_manager)
    assert YearSummary.objects.get(user=teacher).status == YearStatus.NOT_COMPLETED
    with pytest.raises(ValidationError):
        year_reopen(closure=closure, acting_user=school_manager, reason="")
    year_reopen(closure=closure, acting_user=school_manager, reason="Còn hồ sơ chưa duyệt.")
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.status, summary.closed) == (YearStatus.IN_PROGRESS, False)


def test_only_managers_close_and_only_their_units(
    school, other_school, commune, teacher, school_manager
):
    with pytest.raises(PermissionDenied):
        year_close(school_year=this_year(), unit=school, acting_user=teacher)
    with pytest.raises(PermissionDenied):
        year_close(school_year=this_year(), unit=other_school, acting_user=school_manager)
    with pytest.raises(PermissionDenied):
        year_close(school_year=this_year(), unit=commune, acting_user=school_manager)
