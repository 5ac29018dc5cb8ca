"""The demo's reminders (called at the end of training.demo_records.build_records): the real
daily run for the demo school, without e-mail, with thresholds opened wide so that whatever the
day, the demo teacher finds their plan reminder on their page and the demo school manager the
approvals waiting on the admin home."""

from __future__ import annotations

from typing import TYPE_CHECKING

from training.models import ReminderSettings
from training.reminders.services import reminders_send

if TYPE_CHECKING:
    from portal.management.commands.demo import DemoContext


def build_reminders(ctx: DemoContext) -> None:
    config = ReminderSettings.load()
    config.plan_days_before = 366
    config.behind_start_days = 0
    config.approvals_waiting_days = 0
    result = reminders_send(today=ctx.today, unit=ctx.demo_school, deliver=False, config=config)
    ctx.log(
        f"Reminders: {result.notification_count} notifications for {result.people} people of "
        "the demo school (no e-mail)."
    )
