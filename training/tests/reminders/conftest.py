"""A small world for the reminders: a school with a teacher who has done nothing yet, and the
days of the current school year that the tests run the reminders on."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from courses.school_year import school_year_dates
from training import roles
from training.models import ReminderSettings
from training.services import training_record_submit, year_target_set
from training.tests.conftest import record_values, this_year


def year_day(days: int) -> date:
    """The day `days` after 1 September of the current school year."""
    first, _last = school_year_dates(this_year())
    return first + timedelta(days=days)


#: Five months into the year: 120 tiết × 150/272 ≈ 66 tiết would be on track.
MID_YEAR = 150


@pytest.fixture
def config(db):
    settings = ReminderSettings.load()
    settings.save()
    return settings


def set_config(**values) -> ReminderSettings:
    settings = ReminderSettings.load()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def plan_deadline(day: date) -> None:
    for audience in ("teacher", "school_manager"):
        year_target_set(
            school_year=this_year(),
            audience=audience,
            hours_01=40,
            hours_02=40,
            hours_03=40,
            plan_deadline=day,
            acting_user=None,
        )


def submit_record(person, *, hours: int = 16, programme: str = "01"):
    return training_record_submit(
        **record_values(hours=hours, programme=programme), acting_user=person
    )


def later(days: float):
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def other_manager(other_school, make_person):
    return make_person(
        unit=other_school,
        role=roles.SCHOOL_MANAGER,
        full_name="Tẩn Thị Mây",
        staff_code="QL002",
        position="principal",
        email="may@example.vn",
    )
