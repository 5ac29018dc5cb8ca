"""The yearly report's figures: by school level, the programmes reached, and the same totals as
the completion report for the same unit and year. The deadline that applies to a unit."""

from datetime import date

from training.selectors import completion_by_unit
from training.tests.conftest import this_year
from training.yearly_report.selectors import deadline_for, default_deadline, yearly_figures
from training.yearly_report.services import report_deadline_set


def test_totals_equal_the_completion_report_for_every_unit(world):
    for unit in (world.department, world.commune, world.school, world.other_school):
        rows, total = yearly_figures(user=world.office_staff, unit=unit, school_year=this_year())
        report = completion_by_unit(user=world.office_staff, school_year=this_year(), unit=unit)
        assert total["teachers"] == sum(r.teachers for r in report), unit
        assert total["completed"] == sum(r.completed for r in report), unit
        assert total["not_completed"] == sum(r.not_completed for r in report), unit
        assert total["in_progress"] == sum(r.in_progress for r in report), unit
        assert sum(row["teachers"] for row in rows) == total["teachers"]


def test_rows_by_school_level_with_percentages_and_programmes(world):
    rows, total = yearly_figures(
        user=world.office_staff, unit=world.commune, school_year=this_year()
    )
    # Primary first (the order of school levels), people without a level last.
    assert [
        (r["teachers"], r["completed"], r["not_completed"], r["in_progress"]) for r in rows
    ] == [
        (2, 0, 2, 0),
        (3, 1, 0, 2),
    ]
    assert rows[0]["not_completed_percent"] == "100.0"
    assert rows[1]["completed_percent"] == "33.3"
    # The teacher who completed the year reached every programme's target; nobody else did.
    assert [total[f"reached_{p}"] for p in ("01", "02", "03")] == [1, 1, 1]
    assert total["teachers"] == 5 and total["completed_percent"] == "20.0"


def test_a_school_manager_counts_only_their_school(world):
    _rows, total = yearly_figures(
        user=world.school_manager, unit=world.school, school_year=this_year()
    )
    assert (total["teachers"], total["completed"], total["in_progress"]) == (3, 1, 2)


def test_an_empty_year_has_no_rows_and_zero_percentages(world):
    _rows, total = yearly_figures(
        user=world.office_staff, unit=world.school, school_year="2019-2020"
    )
    # Nobody has a summary that year: everyone counts, in progress.
    assert total["completed"] == 0 and total["completed_percent"] == "0.0"


def test_default_deadline_is_20_october_after_the_school_year(school):
    assert default_deadline("2025-2026") == date(2026, 10, 20)
    assert deadline_for(unit=school, school_year="2025-2026") == date(2026, 10, 20)


def test_the_nearest_deadline_above_a_unit_applies(department, commune, school, office_staff):
    report_deadline_set(
        unit=department, school_year="2025-2026", deadline=date(2026, 10, 20), acting_user=None
    )
    assert deadline_for(unit=school, school_year="2025-2026") == date(2026, 10, 20)
    report_deadline_set(
        unit=commune, school_year="2025-2026", deadline=date(2026, 10, 10), acting_user=None
    )
    assert deadline_for(unit=school, school_year="2025-2026") == date(2026, 10, 10)
    # The commune reports to the department: its own deadline is the department's.
    assert deadline_for(unit=commune, school_year="2025-2026") == date(2026, 10, 20)
    # Another year keeps the default.
    assert deadline_for(unit=school, school_year="2026-2027") == date(2027, 10, 20)


def test_query_counts_do_not_grow_with_units_or_people(world, make_person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from training.services import unit_create
    from training.yearly_report.selectors import submissions_below

    def count(call) -> int:
        with CaptureQueriesContext(connection) as queries:
            call()
        return len(queries)

    def both():
        yearly_figures(user=world.office_staff, unit=world.department, school_year=this_year())
        submissions_below(user=world.office_staff, unit=world.department, school_year=this_year())

    before = count(both)
    for number in range(4):
        extra = unit_create(
            name=f"Trường Mầm non số {number}",
            code=f"MN-{number}",
            kind="preschool",
            parent=world.commune,
            acting_user=None,
        )
        make_person(unit=extra, full_name="Lò Thị Pằng", school_level="preschool")
    assert count(both) == before
