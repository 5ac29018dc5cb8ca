from datetime import date

import pytest
from django.core.exceptions import ValidationError

from courses.school_year import (
    current_school_year,
    school_year_dates,
    school_years_around,
    validate_school_year,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 28), "2026-2027"),
        (date(2026, 9, 1), "2026-2027"),
        (date(2026, 8, 31), "2025-2026"),
        (date(2026, 5, 31), "2025-2026"),
        (date(2027, 1, 1), "2026-2027"),
    ],
)
def test_current_school_year_runs_from_september(day, expected):
    assert current_school_year(day) == expected


@pytest.mark.parametrize("value", ["2026-2027", "1999-2000"])
def test_valid_school_years(value):
    validate_school_year(value)


@pytest.mark.parametrize("value", ["2026-2028", "2026/2027", "2026", "26-27", "", "2027-2026"])
def test_invalid_school_years_are_refused(value):
    with pytest.raises(ValidationError):
        validate_school_year(value)


def test_every_day_belongs_to_one_school_year():
    start, end = school_year_dates("2026-2027")
    assert (start, end) == (date(2026, 9, 1), date(2027, 8, 31))
    assert current_school_year(start) == current_school_year(end) == "2026-2027"


def test_school_years_around_today_newest_first():
    assert school_years_around(date(2026, 11, 28), before=1, after=1) == [
        "2027-2028",
        "2026-2027",
        "2025-2026",
    ]
