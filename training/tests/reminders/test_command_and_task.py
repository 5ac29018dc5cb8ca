"""`manage.py send_reminders`, the daily task that queues itself, and the bulk form of reach."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus

from training.models import Notification, Unit
from training.reminders.tasks import next_run_at, reminders_schedule, send_reminders_task
from training.selectors import managers_with_reach, units_visible_to
from training.tests.reminders.conftest import set_config

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def run(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_command_sends_and_prints_counts(config, teacher, make_person, school):
    make_person(unit=school, full_name="Lò Văn Thanh")  # no e-mail address
    set_config(behind_start_days=0, behind_by_hours=1)

    output = run()

    assert "2 people reminded, 2 notifications" in output
    assert "hours_behind 2" in output
    assert "1 e-mails sent." in output
    assert Notification.objects.count() == 2 and len(mail.outbox) == 1


def test_a_dry_run_lists_people_and_changes_nothing(config, teacher, make_person, school):
    make_person(unit=school, full_name="Lò Văn Thanh", staff_code="GV777")
    set_config(behind_start_days=0, behind_by_hours=1)

    output = run("--dry-run")

    assert "GV001\tNguyễn Thị Hương\thuong@example.vn\thours_behind" in output
    assert "GV777\tLò Văn Thanh\tno e-mail: notification only\thours_behind" in output
    assert "2 people would be reminded (dry run: nothing sent)." in output
    assert Notification.objects.count() == 0 and mail.outbox == []


def test_the_command_says_when_reminders_are_off(config, teacher):
    set_config(enabled=False, behind_start_days=0, behind_by_hours=1)

    assert "switched off" in run()
    assert Notification.objects.count() == 0


def test_schedule_with_tasks_run_at_once_queues_nothing(config):
    assert "Daily run not queued" in run("--dry-run", "--schedule")
    assert reminders_schedule() is None


@pytest.fixture
def database_tasks(settings):
    """The production backend: tasks wait in the database for db_worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=send_reminders_task.module_path, status=TaskResultStatus.READY
    )


def test_the_daily_run_is_queued_once_however_often_it_is_started(config, database_tasks):
    now = datetime(2026, 11, 28, 9, 0, tzinfo=VN)

    first = reminders_schedule(now=now)
    second = reminders_schedule(now=now)

    assert first == datetime(2026, 11, 29, 6, 30, tzinfo=VN)
    assert second is None
    assert queued().count() == 1
    assert queued().get().args_kwargs["kwargs"] == {"schedule_next": True}


def test_the_next_run_is_the_next_half_past_six_in_vietnam():
    assert next_run_at(datetime(2026, 11, 28, 6, 0, tzinfo=VN)) == datetime(
        2026, 11, 28, 6, 30, tzinfo=VN
    )
    assert next_run_at(datetime(2026, 11, 28, 6, 30, tzinfo=VN)) == datetime(
        2026, 11, 29, 6, 30, tzinfo=VN
    )
    # 23:30 UTC is already the next morning in Vietnam.
    utc = datetime(2026, 11, 28, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert next_run_at(utc) == datetime(2026, 11, 30, 6, 30, tzinfo=VN)


def test_the_task_sends_the_reminders(config, teacher):
    set_config(behind_start_days=0, behind_by_hours=1)

    result = send_reminders_task.enqueue()

    assert result.return_value["people"] == 1
    assert result.return_value["notifications"] == {"hours_behind": 1}
    assert len(mail.outbox) == 1


def test_managers_with_reach_is_units_visible_to_for_everyone(
    school_manager, office_staff, teacher, make_person, other_school, department
):
    from training import roles

    gone = make_person(unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Tẩn Thị Mây")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    reach = dict(managers_with_reach().values_list("pk", "reach_path"))

    assert set(reach) == {school_manager.pk, office_staff.pk}
    for person in (school_manager, office_staff, teacher, gone):
        bulk = (
            set(Unit.objects.filter(path__startswith=reach[person.pk]))
            if person.pk in reach
            else set()
        )
        assert bulk == set(units_visible_to(person)), person


def test_expected_hours_spread_from_september_to_may():
    from training.reminders.selectors import expected_hours

    year = "2026-2027"
    assert expected_hours(target=120, school_year=year, today=datetime(2026, 9, 1).date()) == 0
    assert expected_hours(target=120, school_year=year, today=datetime(2027, 5, 31).date()) == 120
    assert expected_hours(target=120, school_year=year, today=datetime(2027, 7, 1).date()) == 120
    assert (
        expected_hours(
            target=120, school_year=year, today=datetime(2026, 9, 1).date() + timedelta(days=136)
        )
        == 60
    )


def test_the_settings_are_edited_in_the_admin(client, config, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x-2026-y")
    client.force_login(admin)
    url = f"/admin/settings/training/remindersettings/{config.pk}/"

    page = client.get(url)
    assert page.status_code == 200
    assert (
        "Nhắc lại sau (ngày)" in page.content.decode()
        or "nhắc lại sau (ngày)" in page.content.decode()
    )

    fields = {
        "enabled": "on",
        "repeat_days": "10",
        "plan_days_before": "14",
        "behind_start_days": "30",
        "behind_by_hours": "25",
        "approvals_waiting_days": "5",
    }
    client.post(url, fields)
    saved = type(config).load()
    assert (saved.repeat_days, saved.behind_by_hours, saved.approvals_waiting_days) == (10, 25, 5)

    client.post(url, {**fields, "repeat_days": "0"})
    assert type(config).load().repeat_days == 10  # refused: at least one day
