"""manage.py requeue_tasks --worker-id ID: give back the tasks a dead worker was running.

A task worker that dies (killed, out of memory, machine restarted) leaves the task it was running
marked "running" for ever: django-tasks-db does not know the process is gone. Run workers with a
stable `--worker-id` (one per process slot) and run this command, with the same id, just before
the worker starts again: whatever that id was running is put back in the queue and the new
worker runs it. Our tasks are written to be run again safely (a bulk issue skips the certificates
already issued, and the database refuses a second certificate for the same thing)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Put back in the queue the tasks a dead worker (by its --worker-id) left running."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", required=True, help="The dead worker's --worker-id.")

    @transaction.atomic
    def handle(self, *args, worker_id: str, **options):
        orphans = [
            task.pk
            for task in DBTaskResult.objects.select_for_update().filter(
                status=TaskResultStatus.RUNNING
            )
            if task.worker_ids and task.worker_ids[-1] == worker_id
        ]
        DBTaskResult.objects.filter(pk__in=orphans).update(
            status=TaskResultStatus.READY, started_at=None
        )
        self.stdout.write(f"{len(orphans)} task(s) of worker {worker_id} put back in the queue.")
