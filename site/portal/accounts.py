"""A person's e-mail address and password resets: the signed link that confirms an address,
the mail that carries it, and the language each person is written to in.

A password reset goes only to an address its owner confirmed
(training.selectors.password_reset_recipients); an address set by an import or a manager is
unconfirmed until its owner follows the link mailed to it."""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from training.models import User

#: How long a confirmation link works.
CONFIRM_MAX_AGE = 60 * 60 * 24 * 3
_SALT = "portal.accounts.email-confirm"


def language_of(user: User) -> str:
    """The language a person is written to in: the one they chose in the admin, else the
    site's (Vietnamese)."""
    chosen = (
        UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    codes = dict(settings.LANGUAGES)
    return chosen if chosen in codes else settings.LANGUAGE_CODE


def confirm_token(user: User) -> str:
    """A signed token naming the person and the address it confirms: it stops working when
    the address changes, and after CONFIRM_MAX_AGE."""
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=_SALT, compress=True)


def confirm_token_read(token: str) -> tuple[User, str] | None:
    """(person, address) of a valid token whose address is still the person's; else None."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=CONFIRM_MAX_AGE)
        user = User.objects.get(pk=data["u"], is_active=True)
    except (signing.BadSignature, KeyError, TypeError, User.DoesNotExist):
        return None
    if not user.email or user.email.lower() != data.get("e"):
        return None
    return user, data["e"]


def confirm_mail_send(*, user: User, request) -> None:
    """Mail the person a link that confirms their current address, in their language."""
    if not user.email:
        return
    link = request.build_absolute_uri(reverse("portal:email_confirm", args=[confirm_token(user)]))
    context = {"user": user, "link": link, "site_name": settings.WAGTAIL_SITE_NAME,
               "days": CONFIRM_MAX_AGE // (60 * 60 * 24)}  # fmt: skip
    with translation.override(language_of(user)):
        subject = render_to_string("portal/email/confirm_subject.txt", context)
        body = render_to_string("portal/email/confirm.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
