"""Two middlewares for the API's addresses (/api/ and /xapi/): the language of its messages,
and Idempotency-Key retries."""

import hashlib
import re

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

from portal.api.authentication import user_for_header
from portal.api.errors import error_response
from portal.api.services import (
    idempotent_request_begin,
    idempotent_request_finish,
    idempotent_request_release,
)

API_PREFIXES = ("/api/", "/xapi/")
IDEMPOTENT_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Visible ASCII, 1 to 255 characters (a UUID is what clients usually send).
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
#: Responses not kept: a retry should run again after these.
NOT_KEPT = frozenset({401, 403, 408, 409, 423, 429})
#: The largest response body kept for replay (bytes).
MAX_KEPT_BODY = 1024 * 1024
#: Headers of the first response repeated on a replay.
KEPT_HEADERS = ("Location", "Content-Language", "X-Experience-API-Version", "X-Hoctap-Outcomes")

ERROR_KEY_INVALID = _(
    "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID."
)
ERROR_KEY_REUSED = _(
    "This Idempotency-Key was already used for a different request. Use a new key for a new "
    "request, and the same key only to retry the very same one."
)
ERROR_KEY_IN_PROGRESS = _(
    "A request with this Idempotency-Key is still being processed. Wait a moment, then retry."
)


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIXES)


class ApiLanguageMiddleware:
    """On the API's addresses, messages are in the language the site's language switcher chose
    (its cookie); without one, in the first supported language of the `Accept-Language`
    header; else Vietnamese. (Pages ignore Accept-Language on purpose, see
    portal.middleware.VietnameseFirstLocaleMiddleware; a script has no switcher to use.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def _from_header(self, request) -> str | None:
        for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
            if code == "*":
                return None
            for candidate in (code.lower(), code.lower().split("-")[0]):
                if candidate in self.supported:
                    return candidate
        return None

    def __call__(self, request):
        if not _is_api(request):
            return self.get_response(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else self._from_header(request)
        if language is not None:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers["Content-Language"] = request.LANGUAGE_CODE
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def _request_hash(request) -> str:
    digest = hashlib.sha256()
    digest.update(f"{request.method} {request.get_full_path()}\n".encode())
    content_type = request.META.get("CONTENT_TYPE", "")
    digest.update(content_type.split(";")[0].strip().lower().encode() + b"\n")
    if content_type.startswith("multipart/form-data"):
        for name, values in sorted(request.POST.lists()):
            digest.update(repr((name, values)).encode())
        for name, files in sorted(request.FILES.lists()):
            for upload in files:
                digest.update(repr((name, upload.name, upload.size)).encode())
                for chunk in upload.chunks():
                    digest.update(chunk)
                upload.seek(0)
    else:
        digest.update(request.body)
    return digest.hexdigest()


def _request_user(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        return user_for_header(header, basic=request.path.startswith("/xapi/"))
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class IdempotencyMiddleware:
    """A mutating API request sent with an `Idempotency-Key` header is done once: a retry with
    the same key and the same request gets the first response again (with the header
    `Idempotent-Replayed: true`); the same key with a different request is refused (409).

    Keys belong to the person who sends them and are kept API_IDEMPOTENCY_HOURS (24 by
    default). A row per (person, key), unique in the database, is claimed before the request
    runs, so two concurrent requests with one key never both run: the second is told to retry.
    Responses that a retry should not get again (server errors, refused logins, throttling)
    are not kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.headers.get("Idempotency-Key")
        if key is None or request.method not in IDEMPOTENT_METHODS or not _is_api(request):
            return self.get_response(request)
        if not KEY_PATTERN.match(key):
            return error_response("idempotency_key_invalid", ERROR_KEY_INVALID, status_code=400)
        user = _request_user(request)
        if user is None:
            return self.get_response(request)
        digest = _request_hash(request)
        row, new = idempotent_request_begin(
            user=user,
            key=key,
            method=request.method,
            path=request.get_full_path(),
            request_hash=digest,
        )
        if not new:
            return self._replay(row, digest)
        try:
            response = self.get_response(request)
        except BaseException:
            idempotent_request_release(row=row)
            raise
        if self._keep(response):
            idempotent_request_finish(
                row=row,
                status_code=response.status_code,
                content_type=response.get("Content-Type", ""),
                headers={name: response[name] for name in KEPT_HEADERS if name in response},
                body=bytes(response.content),
            )
        else:
            idempotent_request_release(row=row)
        return response

    @staticmethod
    def _keep(response) -> bool:
        return (
            not response.streaming
            and response.status_code < 500
            and response.status_code not in NOT_KEPT
            and len(response.content) <= MAX_KEPT_BODY
        )

    @staticmethod
    def _replay(row, digest: str):
        from django.http import HttpResponse

        if row.status_code is None:
            return error_response(
                "idempotency_key_in_progress",
                ERROR_KEY_IN_PROGRESS,
                status_code=409,
                headers={"Retry-After": "1"},
            )
        if row.request_hash != digest:
            return error_response("idempotency_key_reused", ERROR_KEY_REUSED, status_code=409)
        response = HttpResponse(
            bytes(row.body), status=row.status_code, content_type=row.content_type or None
        )
        for name, value in row.headers.items():
            response[name] = value
        response["Idempotent-Replayed"] = "true"
        return response
