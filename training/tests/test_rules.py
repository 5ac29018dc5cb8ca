"""The rule of the regulated year, written once in training.rules, at its edges."""

from datetime import date
from decimal import Decimal

import pytest

from training.models import YearStatus
from training.rules import (
    DEFAULT_TARGET,
    Target,
    default_plan_deadline,
    hours_reach_target,
    plan_completed,
    year_status,
)


def completed(**changes):
    values = {
        "hours_01": 40,
        "hours_02": 40,
        "hours_03": 40,
        "target": DEFAULT_TARGET,
        "plan_approved": True,
        "required_modules": 4,
        "required_completed": 4,
        "lowest_score": Decimal("5.00"),
    }
    values.update(changes)
    return plan_completed(**values)


def test_exactly_the_target_completes():
    assert completed()


@pytest.mark.parametrize(
    ("hours_01", "hours_02", "expected"),
    [
        (60, 20, True),  # time moves from 02 to 01
        (0, 80, True),  # all of it in 02
        (50, 29, False),  # one tiết short together
    ],
)
def test_programmes_01_and_02_count_together(hours_01, hours_02, expected):
    assert completed(hours_01=hours_01, hours_02=hours_02) is expected


def test_programme_03_never_makes_up_for_01_and_02():
    assert not completed(hours_01=30, hours_02=40, hours_03=100)


def test_programme_01_and_02_never_make_up_for_03():
    assert not completed(hours_01=80, hours_02=80, hours_03=39)


@pytest.mark.parametrize(
    ("lowest", "expected"),
    [(Decimal("5.00"), True), (Decimal("4.99"), False), (Decimal("10.00"), True), (None, True)],
)
def test_every_component_score_must_be_five_or_more(lowest, expected):
    assert completed(lowest_score=lowest) is expected


def test_every_plan_module_must_be_completed():
    assert not completed(required_modules=4, required_completed=3)
    assert completed(required_modules=0, required_completed=0)


def test_without_an_approved_plan_the_year_is_not_completed():
    assert not completed(plan_approved=False)


def test_a_configured_target_is_what_counts():
    target = Target(hours_01=30, hours_02=30, hours_03=60)
    assert completed(hours_01=10, hours_02=50, hours_03=60, target=target)
    assert not completed(hours_01=40, hours_02=40, hours_03=59, target=target)
    assert hours_reach_target(hours_01=0, hours_02=0, hours_03=0, target=Target(0, 0, 0))


def test_status_in_progress_until_completed_or_closed():
    assert year_status(completed=False, closed=False) == YearStatus.IN_PROGRESS
    assert year_status(completed=False, closed=True) == YearStatus.NOT_COMPLETED
    assert year_status(completed=True, closed=True) == YearStatus.COMPLETED
    assert year_status(completed=True, closed=False) == YearStatus.COMPLETED


def test_plans_are_due_31_may_within_the_school_year():
    assert default_plan_deadline("2026-2027") == date(2027, 5, 31)
