"""`manage.py send_reminders`: run the daily reminders once and print what was sent.

    manage.py send_reminders              remind everyone who is due now (e-mail + notification)
    manage.py send_reminders --dry-run    list who would be reminded of what; change nothing
    manage.py send_reminders --schedule   also queue the daily run (db_worker runs it each day)

Who is due, and how often, is set in the admin: Settings → Reminders."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from training.models import NotificationKind, ReminderSettings
from training.reminders.selectors import reminders_due
from training.reminders.services import reminders_send
from training.reminders.tasks import reminders_schedule


class Command(BaseCommand):
    help = "Send the reminders that are due now (teachers behind plan, approvals waiting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be reminded; change nothing."
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also queue the daily run for db_worker (unless one is queued already).",
        )

    def handle(self, *args, dry_run=False, schedule=False, **options):
        if dry_run:
            self.dry_run()
        else:
            result = reminders_send()
            if not result.enabled:
                self.stdout.write("Reminders are switched off (admin: Settings → Reminders).")
            else:
                kinds = ", ".join(
                    f"{kind} {result.notifications.get(kind, 0)}"
                    for kind in NotificationKind.values
                )
                self.stdout.write(
                    f"{result.people} people reminded, {result.notification_count} notifications "
                    f"({kinds}), {result.emails} e-mails sent."
                )
        if schedule:
            at = reminders_schedule()
            if at is None:
                self.stdout.write(
                    "Daily run not queued: one is queued already, or tasks run at once."
                )
            else:
                self.stdout.write(
                    f"Next daily run queued for {timezone.localtime(at):%Y-%m-%d %H:%M}."
                )

    def dry_run(self):
        config = ReminderSettings.load()
        if not config.enabled:
            self.stdout.write("Reminders are switched off (admin: Settings → Reminders).")
        now = timezone.now()
        people = 0
        for person in reminders_due(today=timezone.localdate(now), now=now, config=config):
            people += 1
            kinds = ", ".join(reminder.kind for reminder in person.reminders)
            address = person.email or "no e-mail: notification only"
            self.stdout.write(f"{person.username}\t{person.name}\t{address}\t{kinds}")
        self.stdout.write(f"{people} people would be reminded (dry run: nothing sent).")
