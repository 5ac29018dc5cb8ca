"""`manage.py demo`, step training.demo_records.build_records: a believable history."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from training.models import (
    Completion,
    PlanStatus,
    RecordStatus,
    TrainingPlan,
    TrainingRecord,
    YearClosure,
    YearStatus,
    YearSummary,
)
from training.tests.conftest import this_year


def test_the_demo_builds_a_believable_history(db, client):
    """One test, as building the demo world takes a minute."""
    call_command("demo", "--staff", "60", "--years", "2", stdout=StringIO())
    past_years_are_closed_with_most_completing_and_some_not()
    this_year_has_plans_and_records_in_every_state()
    call_command("recompute_summaries", "--check", stdout=StringIO())
    the_demo_teacher_has_a_plan_to_submit_and_a_year_to_look_at(client)
    the_demo_school_manager_is_reminded_without_email()


def past_years_are_closed_with_most_completing_and_some_not():
    past = YearSummary.objects.exclude(school_year=this_year())
    assert set(past.values_list("school_year", flat=True)) == {
        f"{int(this_year()[:4]) - n}-{int(this_year()[:4]) - n + 1}" for n in (1, 2)
    }
    assert YearClosure.objects.filter(reopened_at__isnull=True).count() == 2
    completed = past.filter(status=YearStatus.COMPLETED).count()
    short = past.filter(status=YearStatus.NOT_COMPLETED).count()
    assert completed > short > 0
    assert not past.filter(status=YearStatus.IN_PROGRESS).exists()
    assert Completion.objects.exclude(school_year=this_year()).exists()


def this_year_has_plans_and_records_in_every_state():
    plans = set(
        TrainingPlan.objects.filter(school_year=this_year()).values_list("status", flat=True)
    )
    assert plans == set(PlanStatus.values)
    records = set(
        TrainingRecord.objects.filter(school_year=this_year()).values_list("status", flat=True)
    )
    assert records == set(RecordStatus.values)
    current = YearSummary.objects.filter(school_year=this_year())
    totals = sorted(s.hours_total for s in current)
    assert totals[0] < 40 and totals[-1] >= 80  # some behind, some ahead


def the_demo_teacher_has_a_plan_to_submit_and_a_year_to_look_at(client):
    from training.models import User

    teacher = User.objects.get(username="gv.demo")
    client.force_login(teacher)
    dashboard = client.get(reverse("training:home")).context["dashboard"]
    assert dashboard.plan.status == PlanStatus.DRAFT
    assert dashboard.studying and dashboard.past_years
    assert {r.status for r in dashboard.records} == set(RecordStatus.values)


def the_demo_school_manager_is_reminded_without_email():
    from django.core import mail

    from training.models import Notification, NotificationKind

    waiting = Notification.objects.get(
        recipient__username="ql.demo", kind=NotificationKind.APPROVALS_WAITING
    )
    assert waiting.params["records"] >= 1  # gv.demo's record waits for them
    assert not Notification.objects.exclude(
        recipient__profile__unit__code=waiting.recipient.profile.unit.code
    ).exists()
    assert mail.outbox == []
