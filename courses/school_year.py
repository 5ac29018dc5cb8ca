"""School years ("năm học"), written "2026-2027": a year runs from September to the next May.

Lives in `courses`, the bottom of the app stack, so training and certificates use the same rule.
June to August belong to the year that has just ended: its results are still being closed then.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: The month a school year starts in.
FIRST_MONTH = 9

SCHOOL_YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")
ERROR_SCHOOL_YEAR = _(
    "Write the school year as two consecutive years joined by a hyphen, such as “2026-2027”."
)


def validate_school_year(value: str) -> None:
    match = SCHOOL_YEAR_PATTERN.match(value or "")
    if not match or int(match[2]) != int(match[1]) + 1:
        raise ValidationError(
            ERROR_SCHOOL_YEAR, code="invalid_school_year", params={"value": value}
        )


def school_year_of(day: date) -> str:
    """The school year a day belongs to: 28/11/2026 -> "2026-2027", 15/6/2026 -> "2025-2026"."""
    start = day.year if day.month >= FIRST_MONTH else day.year - 1
    return f"{start}-{start + 1}"


def current_school_year(today: date) -> str:
    """The school year in progress on `today` (pass django.utils.timezone.localdate())."""
    return school_year_of(today)


def school_year_dates(value: str) -> tuple[date, date]:
    """The first and last day of a school year: 1 September to 31 August of the next year, so
    that every day belongs to exactly one school year."""
    validate_school_year(value)
    start = int(value[:4])
    return date(start, FIRST_MONTH, 1), date(start + 1, FIRST_MONTH - 1, 31)


def school_years_around(today: date, *, before: int = 3, after: int = 1) -> list[str]:
    """School years for a menu, newest first: `after` years ahead down to `before` years back."""
    start = int(current_school_year(today)[:4])
    return [f"{year}-{year + 1}" for year in range(start + after, start - before - 1, -1)]
