"""Writes of the reminders: the daily run, and a person marking their notifications read."""

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.log_actions import log

from training.models import Notification, ReminderSettings, Unit, User
from training.reminders.messages import message_of
from training.reminders.selectors import Person, reminders_due

logger = logging.getLogger(__name__)

#: How many people are written and mailed together.
BATCH = 500


@dataclass
class RunResult:
    enabled: bool = True
    people: int = 0
    emails: int = 0
    notifications: Counter = field(default_factory=Counter)

    @property
    def notification_count(self) -> int:
        return sum(self.notifications.values())


def _language(person: Person) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    return person.language if person.language in supported else settings.LANGUAGE_CODE


def _absolute(link: str) -> str:
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/") + link


def reminder_email(person: Person, notifications: list[Notification]) -> EmailMultiAlternatives:
    """One e-mail with all of a person's new reminders, in their language (Vietnamese unless
    they chose English in the admin)."""
    language = _language(person)
    with translation.override(language):
        items = [
            {"message": message_of(item), "url": _absolute(item.link) if item.link else ""}
            for item in notifications
        ]
        context = {
            "name": person.name,
            "items": items,
            "site_url": _absolute("/"),
            "language": language,
        }
        subject = gettext("Học Tập: reminders about your regular training")
        text = render_to_string("training/reminders/email.txt", context)
        html = render_to_string("training/reminders/email.html", context)
    mail = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [person.email])
    mail.attach_alternative(html, "text/html")
    return mail


def _send_batch(people: list[Person], now: datetime, result: RunResult, deliver: bool) -> None:
    with transaction.atomic():
        created = Notification.objects.bulk_create(
            Notification(
                recipient_id=person.user_id,
                kind=reminder.kind,
                params=reminder.params,
                link=reminder.link,
                created_at=now,
            )
            for person in people
            for reminder in person.reminders
        )
    result.people += len(people)
    result.notifications.update(item.kind for item in created)
    if not deliver:
        return
    by_person: dict[int, list[Notification]] = {}
    for item in created:
        by_person.setdefault(item.recipient_id, []).append(item)
    mails = [
        (person, reminder_email(person, by_person[person.user_id]))
        for person in people
        if person.email
    ]
    if not mails:
        return
    # Written first, mailed after: a failure to mail loses an e-mail, never sends one twice.
    try:
        with mailers.default as connection:
            sent = connection.send_messages([mail for _person, mail in mails]) or 0
    except Exception:
        logger.exception("Reminder e-mails to %d people could not be sent.", len(mails))
        return
    result.emails += sent
    mailed = {person.user_id for person, _mail in mails}
    Notification.objects.filter(
        pk__in=[item.pk for item in created if item.recipient_id in mailed]
    ).update(emailed_at=timezone.now())


def reminders_send(
    *,
    today: date | None = None,
    now: datetime | None = None,
    unit: Unit | None = None,
    deliver: bool = True,
    batch_size: int = BATCH,
    config: ReminderSettings | None = None,
) -> RunResult:
    """Remind everyone who is due (training.reminders.selectors): a notification for each
    reminder and one e-mail per person who has an address, `batch_size` people at a time.
    `unit` limits it to the people of that unit and below (the demo); `deliver=False` writes the
    notifications without e-mail; `config` replaces the saved settings (the demo). Does nothing
    while reminders are switched off."""
    config = config or ReminderSettings.load()
    if not config.enabled:
        return RunResult(enabled=False)
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    result = RunResult()
    due = reminders_due(today=today, now=now, config=config, unit=unit)
    while batch := list(islice(due, batch_size)):
        _send_batch(batch, now, result, deliver)
    return result


@transaction.atomic
def notification_mark_read(*, notification: Notification, acting_user: User) -> Notification:
    """Mark one of one's own notifications read (reading it again changes nothing)."""
    if notification.recipient_id != acting_user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        log(instance=notification, action="hoctap.notification_read", user=acting_user)
    return notification


@transaction.atomic
def notifications_mark_all_read(*, acting_user: User) -> int:
    """Mark all of one's unread notifications read; how many were."""
    count = Notification.objects.filter(recipient=acting_user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        log(
            instance=acting_user,
            action="hoctap.notifications_read",
            user=acting_user,
            data={"count": count},
        )
    return count
