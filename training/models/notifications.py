"""Notifications and reminders (issue #6, "Reminders").

A Notification stores what it is about (`kind`) and the figures it speaks of (`params`), never
sentences: training.reminders.messages turns them into text in the reader's language when it is
shown or mailed. The notifications themselves are the dedup record: a reminder of one kind is not
sent again to the same person while one of that kind is younger than the repeat interval."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class NotificationKind(models.TextChoices):
    PLAN_DUE = "plan_due", _("Training plan not submitted yet")
    HOURS_BEHIND = "hours_behind", _("Behind the yearly target")
    APPROVALS_WAITING = "approvals_waiting", _("Approvals waiting")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    params = models.JSONField(_("figures"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = [models.F("read_at").asc(nulls_first=True), "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "kind", "created_at"]),
            models.Index(fields=["recipient", "read_at"]),
        ]

    def __str__(self):
        return f"{self.recipient} · {self.get_kind_display()}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


@register_setting(icon="mail")
class ReminderSettings(BaseGenericSetting):
    """When the daily reminders go out, and to whom (Settings → Reminders in the admin)."""

    enabled = models.BooleanField(
        _("send reminders"),
        default=True,
        help_text=_("Untick to stop the daily reminders (e-mails and notifications) for everyone."),
    )
    repeat_days = models.PositiveSmallIntegerField(
        _("repeat a reminder after (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Nobody gets the same reminder twice within this many days."),
    )
    plan_days_before = models.PositiveSmallIntegerField(
        _("remind of the plan deadline (days before)"),
        default=14,
        validators=[MaxValueValidator(365)],
        help_text=_(
            "People whose training plan is not submitted yet are reminded from this many days "
            "before the plan deadline until the deadline."
        ),
    )
    behind_start_days = models.PositiveSmallIntegerField(
        _("first hours reminder (days into the school year)"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_("Nobody is told they are behind in the first days of a school year."),
    )
    behind_by_hours = models.PositiveSmallIntegerField(
        _("behind by at least (tiết)"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_(
            "A person is behind when the tiết counted so far are at least this many fewer than "
            "the yearly target spread evenly over the school year (1 September to 31 May)."
        ),
    )
    approvals_waiting_days = models.PositiveSmallIntegerField(
        _("remind managers of approvals waiting more than (days)"),
        default=3,
        validators=[MaxValueValidator(365)],
        help_text=_(
            "Managers are reminded of the plans and face-to-face records within their reach "
            "that have waited longer than this."
        ),
    )

    class Meta:
        verbose_name = _("reminders")
        verbose_name_plural = _("reminders")
