"""The daily reminders as a django.tasks task. Started once with `manage.py send_reminders
--schedule` (or by a cron line that runs `manage.py send_reminders`; see docs/operations.md),
each run enqueues the next for the following day at DAILY_AT, Vietnam time, unless a run is
already waiting: however often it is started, one run a day stays queued."""

from datetime import datetime, time, timedelta

from django.tasks import TaskResultStatus, task
from django.utils import timezone

#: The local time of the daily run: before the school day, when people read their mail.
DAILY_AT = time(6, 30)


def next_run_at(now: datetime) -> datetime:
    """The next DAILY_AT (local time) strictly after `now`."""
    local = timezone.localtime(now)
    at = timezone.make_aware(datetime.combine(local.date(), DAILY_AT))
    return (
        at
        if at > now
        else timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), DAILY_AT))
    )


def reminders_schedule(*, now: datetime | None = None) -> datetime | None:
    """Queue the next daily run, unless the backend cannot defer tasks (the immediate backend
    of development and tests) or a run is already queued. When it will run, or None."""
    if not send_reminders_task.get_backend().supports_defer:
        return None
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=send_reminders_task.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return None
    run_after = next_run_at(now or timezone.now())
    send_reminders_task.using(run_after=run_after).enqueue(schedule_next=True)
    return run_after


@task
def send_reminders_task(schedule_next: bool = False) -> dict:
    """Send today's reminders; with `schedule_next`, first queue tomorrow's run (so that a
    failure today does not stop the days after)."""
    from training.reminders.services import reminders_send

    if schedule_next:
        reminders_schedule()
    result = reminders_send()
    return {
        "people": result.people,
        "emails": result.emails,
        "notifications": dict(result.notifications),
    }
