"""The responses kept so that a retried request is not done twice. (Personal API tokens are
Wagtail's own model, wagtail.models.APIToken: one token table for the whole site.)"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IdempotentRequest(models.Model):
    """A mutating request sent with an `Idempotency-Key` header, and the response it got. The
    database keeps one row per (person, key), so two concurrent requests with one key cannot
    both run: the second finds the first's row. `status_code` is empty while the first runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=1000)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=255, blank=True)
    headers = models.JSONField(default=dict)
    body = models.BinaryField(default=b"")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotent request")
        verbose_name_plural = _("idempotent requests")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotent_request_unique"),
        ]

    def __str__(self):
        return f"{self.method} {self.path} · {self.key}"
