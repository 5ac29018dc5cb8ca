"""The summaries the services keep are the summaries a full recount gives."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from training.models import YearSummary
from training.services import (
    enrolment_assign,
    plan_approve,
    plan_save,
    plan_submit,
    training_record_approve,
    training_record_reject,
    training_record_submit,
    year_close,
    year_target_set,
)
from training.tests.conftest import record_values, seen, shifted, study, this_year


def rows() -> list[tuple]:
    return sorted(
        tuple(getattr(s, name) for name in ("user_id", "school_year", *YearSummary.FIGURES))
        for s in YearSummary.objects.all()
    )


@pytest.fixture
def history(school, teacher, school_manager, make_person, make_module, office_staff):
    """Several people, two years, every kind of record, built through the services."""
    behind = make_person(unit=school, full_name="Lò Văn Thanh")
    last_year = shifted(this_year(), -1)
    # Last year's plans were due long ago: this world's office had set a later deadline.
    year_target_set(
        school_year=last_year,
        audience="teacher",
        hours_01=40,
        hours_02=40,
        hours_03=40,
        plan_deadline=timezone.localdate() + timedelta(days=1),
        acting_user=office_staff,
    )
    old = [make_module(school_year=last_year, hours=20) for _ in range(2)]
    for person in (teacher, behind):
        plan = plan_save(school_year=last_year, modules=old, acting_user=person)
        plan = plan_submit(plan=plan, acting_user=person)
        plan_approve(plan=plan, acting_user=school_manager, seen_version=seen(plan))
    for module in old:
        study(module, teacher, right=3)
    study(old[0], behind, right=2)
    for programme in ("01", "02"):
        record = training_record_submit(
            **record_values(
                hours=40,
                programme=programme,
                school_year=last_year,
                start_date=date(int(last_year[:4]), 10, 1),
                end_date=date(int(last_year[:4]), 10, 3),
            ),
            acting_user=teacher,
        )
        training_record_approve(
            record=record, acting_user=school_manager, seen_version=seen(record)
        )
    year_close(school_year=last_year, unit=school, acting_user=school_manager)

    current = make_module(kind="01", hours=15)
    enrolment_assign(module=current, units=[school], acting_user=office_staff)
    study(current, teacher)
    pending = training_record_submit(**record_values(hours=8), acting_user=behind)
    rejected = training_record_submit(**record_values(hours=9), acting_user=teacher)
    training_record_reject(
        record=rejected, acting_user=school_manager, reason="Sai ngày.", seen_version=seen(rejected)
    )
    return pending


def test_a_full_recount_gives_the_same_rows(history):
    kept = rows()
    assert len(kept) == 6  # three people (the manager too, by the closure) × two years
    statuses = {s.status for s in YearSummary.objects.all()}
    assert statuses == {"completed", "not_completed", "in_progress"}
    YearSummary.objects.all().delete()
    out = StringIO()
    call_command("recompute_summaries", stdout=out)
    assert rows() == kept
    assert "6 summaries recomputed" in out.getvalue()


def test_check_finds_a_summary_that_drifted(history, teacher):
    call_command("recompute_summaries", "--check", stdout=StringIO())
    YearSummary.objects.filter(user=teacher, school_year=this_year()).update(hours_01=99)
    with pytest.raises(CommandError):
        call_command("recompute_summaries", "--check", stdout=StringIO())
    call_command("recompute_summaries", "--school-year", this_year(), stdout=StringIO())
    call_command("recompute_summaries", "--check", stdout=StringIO())
