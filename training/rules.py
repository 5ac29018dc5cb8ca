"""The rules of the regulated year, each written once.

Thông tư 19/2019 (amended by 17/2022): 120 tiết a school year in three programmes. Programme 03
has its own fixed target; time may move between Programmes 01 and 02, never out of 03. The
plan is completed when every required content is studied (the approved plan's modules are all
completed), every component score is 5 or more on the 10-point scale, and the hours reach the
target."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from training.models import YearStatus

#: A component score below this fails the year (10-point scale).
PASSING_SCORE = Decimal(5)
#: The day and month plans are due when a year's target does not say otherwise.
DEFAULT_PLAN_DEADLINE = (5, 31)


@dataclass(frozen=True)
class Target:
    hours_01: int = 40
    hours_02: int = 40
    hours_03: int = 40
    plan_deadline: date | None = None

    @property
    def total(self) -> int:
        return self.hours_01 + self.hours_02 + self.hours_03

    @property
    def hours_01_02(self) -> int:
        return self.hours_01 + self.hours_02


DEFAULT_TARGET = Target()


def default_plan_deadline(school_year: str) -> date:
    """31 May within the school year: "2026-2027" -> 31/5/2027."""
    month, day = DEFAULT_PLAN_DEADLINE
    return date(int(school_year[5:]), month, day)


def hours_reach_target(*, hours_01: int, hours_02: int, hours_03: int, target: Target) -> bool:
    """Programme 03 reaches its own target; 01 and 02 together reach theirs together. Hours
    beyond 03's target never make up for 01 and 02."""
    return hours_03 >= target.hours_03 and hours_01 + hours_02 >= target.hours_01_02


def plan_completed(
    *,
    hours_01: int,
    hours_02: int,
    hours_03: int,
    target: Target,
    plan_approved: bool,
    required_modules: int,
    required_completed: int,
    lowest_score: Decimal | None,
) -> bool:
    """Whether a person has completed the year's plan (Hoàn thành kế hoạch BDTX).

    `lowest_score` is the lowest component score (module assessments and scored face-to-face
    records), None when no component was scored."""
    return (
        plan_approved
        and required_completed >= required_modules
        and (lowest_score is None or lowest_score >= PASSING_SCORE)
        and hours_reach_target(
            hours_01=hours_01, hours_02=hours_02, hours_03=hours_03, target=target
        )
    )


def year_status(*, completed: bool, closed: bool) -> str:
    """In progress until the plan is completed or the year is closed; a closed year without a
    completed plan is "not completed"."""
    if completed:
        return YearStatus.COMPLETED
    return YearStatus.NOT_COMPLETED if closed else YearStatus.IN_PROGRESS
