"""Writes: making and revoking personal API tokens, and keeping the responses to requests sent
with an Idempotency-Key."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import APIToken

from courses.text import nfc
from portal.api.models import IdempotentRequest
from portal.api.selectors import idempotency_window

#: The most active tokens one person may have at once.
MAX_ACTIVE_TOKENS = 20

ERROR_NAME_REQUIRED = _("Give the token a name, such as the script or application that uses it.")
ERROR_TOO_MANY_TOKENS = _(
    "You already have %(count)d active tokens. Revoke one you no longer use before making another."
)
ERROR_NOT_YOUR_TOKEN = _("This token belongs to somebody else.")


@transaction.atomic
def api_token_create(*, user, name: str, acting_user) -> tuple[APIToken, str]:
    """Make a token for `user`; returns it with its key, which is never stored and cannot be
    shown again."""
    if acting_user is not None and acting_user.pk != user.pk:
        raise PermissionDenied(ERROR_NOT_YOUR_TOKEN)
    name = nfc(name)[:100]
    if not name:
        raise ValidationError({"name": ERROR_NAME_REQUIRED})
    # Lock the person's row: two concurrent requests cannot both pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if APIToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(ERROR_TOO_MANY_TOKENS % {"count": MAX_ACTIVE_TOKENS})
    token, key = APIToken.create_token(user=user, name=name)
    log(instance=token, action="hoctap.api_token_create", user=acting_user, data={"name": name})
    return token, key


@transaction.atomic
def api_token_revoke(*, token: APIToken, acting_user) -> APIToken:
    """Revoke a token: from now on it authenticates nobody. Revoking twice changes nothing."""
    token = APIToken.objects.select_for_update().get(pk=token.pk)
    if acting_user is not None and acting_user.pk != token.user_id:
        raise PermissionDenied(ERROR_NOT_YOUR_TOKEN)
    if token.revoked_at is None:
        token.revoke()
        log(instance=token, action="hoctap.api_token_revoke", user=acting_user)
    return token


def api_token_used(*, token: APIToken) -> None:
    """Note that a token was used: at most once a WAGTAILAPI_TOKEN_LAST_USED_INTERVAL (60
    seconds by default, Wagtail's own setting), not a write on every request."""
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    if interval is None:
        return
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= interval:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# Idempotency-Key ------------------------------------------------------------------------------


def idempotent_request_begin(
    *, user, key: str, method: str, path: str, request_hash: str
) -> tuple[IdempotentRequest, bool]:
    """Claim (person, key) for this request. Returns the row and whether it is new: when it is
    not, the row is the earlier request's (finished, or still running when its status_code is
    empty). An expired row is replaced."""
    now = timezone.now()
    IdempotentRequest.objects.filter(
        user=user, key=key, created_at__lt=now - idempotency_window()
    ).delete()
    try:
        with transaction.atomic():
            row = IdempotentRequest.objects.create(
                user=user,
                key=key,
                method=method,
                path=path[:1000],
                request_hash=request_hash,
                created_at=now,
            )
        return row, True
    except IntegrityError:
        return IdempotentRequest.objects.get(user=user, key=key), False


def idempotent_request_finish(
    *, row: IdempotentRequest, status_code: int, content_type: str, headers: dict, body: bytes
) -> None:
    IdempotentRequest.objects.filter(pk=row.pk).update(
        status_code=status_code, content_type=content_type, headers=headers, body=body
    )


def idempotent_request_release(*, row: IdempotentRequest) -> None:
    """Forget a claimed key whose request did not finish with a response worth replaying (a
    server error, a refused login), so that a retry runs again."""
    IdempotentRequest.objects.filter(pk=row.pk).delete()
