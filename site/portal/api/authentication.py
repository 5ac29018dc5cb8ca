"""Personal API tokens: `Authorization: Bearer <token>`. xAPI tools that can only send HTTP
Basic authentication send the token as the password (the user name is ignored)."""

import base64
import binascii

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from portal.api.selectors import api_token_for_key
from portal.api.services import api_token_used

ERROR_BAD_TOKEN = _("The API token is not valid: it may have been revoked. Make a new one.")
ERROR_MALFORMED = _("The Authorization header is malformed: send “Bearer <token>”.")


def _bearer_key(header: str) -> str | None:
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    value = value.strip()
    if not value or " " in value:
        raise exceptions.AuthenticationFailed(ERROR_MALFORMED)
    return value


def _basic_key(header: str) -> str | None:
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise exceptions.AuthenticationFailed(ERROR_MALFORMED) from None
    _user, _colon, password = decoded.partition(":")
    return password


def _authenticate(key: str):
    token = api_token_for_key(key)
    if token is None:
        raise exceptions.AuthenticationFailed(ERROR_BAD_TOKEN)
    api_token_used(token=token)
    return token.user, token


def user_for_header(header: str, *, basic: bool = False):
    """The person an Authorization header names through a token, or None when the header
    does not carry one (or a bad one: the view's own authentication then says why)."""
    try:
        key = _bearer_key(header) or (_basic_key(header) if basic else None)
        return _authenticate(key)[0] if key else None
    except exceptions.AuthenticationFailed:
        return None


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        key = _bearer_key(header) if header else None
        return _authenticate(key) if key else None

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class BasicTokenAuthentication(BearerTokenAuthentication):
    """Bearer, or Basic with the token as the password (for xAPI tools)."""

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        key = _bearer_key(header) or _basic_key(header)
        return _authenticate(key) if key else None


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "portal.api.authentication.BearerTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _("A personal API token, made on your profile page (Trang cá nhân → API tokens).")
            ),
        }


class BasicTokenScheme(OpenApiAuthenticationExtension):
    target_class = "portal.api.authentication.BasicTokenAuthentication"
    name = "basicTokenAuth"

    def get_security_requirement(self, auto_schema):
        # Either one. "tokenAuth" is defined by BearerTokenScheme (every other view uses it).
        return [{"tokenAuth": []}, {"basicTokenAuth": []}]

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "basic",
            "description": str(_("Any user name, and a personal API token as the password.")),
        }
