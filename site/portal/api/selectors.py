"""Reads: a person's API tokens, the token a key names, a kept idempotent response.

Tokens are Wagtail's APIToken (wagtail.models.api): only an HMAC-SHA-256 digest of the key is
stored (keyed with SECRET_KEY, SECRET_KEY_FALLBACKS accepted during a rotation), with the
first characters for recognising it; the key itself is shown once, when it is made."""

from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import APIToken

#: How long a response to a request with an Idempotency-Key is kept for retries (hours).
DEFAULT_IDEMPOTENCY_HOURS = 24


def api_tokens_of(user) -> QuerySet[APIToken]:
    """A person's tokens, the active ones first, newest first."""
    if not user.is_authenticated:
        return APIToken.objects.none()
    return APIToken.objects.filter(user=user).order_by("-revoked_at", "-created", "-pk")


def api_token_for_key(key: str) -> APIToken | None:
    """The active token a key names, with its person, or None (malformed, unknown, revoked, or
    its person is no longer active). A malformed key is refused without a query."""
    if not key or len(key) > 200 or not APIToken.validate_token_format(key):
        return None
    return (
        APIToken.objects.select_related("user")
        .filter(
            key_hash__in=APIToken.candidate_key_hashes(key),
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .first()
    )


def idempotency_window() -> timedelta:
    return timedelta(hours=getattr(settings, "API_IDEMPOTENCY_HOURS", DEFAULT_IDEMPOTENCY_HOURS))
