"""One shape for every error the API answers with:

    {"error": {"code": "validation_error", "message": "…", "fields": {"hours": ["…"]}}}

`message` is a whole sentence in the request's language; `fields` names the input fields that
were refused (empty when the error is not about one field). Services' refusals (Django's
ValidationError and PermissionDenied) arrive here as they are raised: views do not catch them."""

import math

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

MESSAGE_FIELDS = _("Some of the data sent is not valid: see the fields named.")
MESSAGE_PARSE = _("The request's body could not be read: it is not valid JSON or form data.")
MESSAGE_CSRF = _(
    "The CSRF check failed: with the site's session, send the X-CSRFToken header with the "
    "csrftoken cookie's value; a script should use a personal API token instead."
)
#: DRF's messages that are not translatable, and ours in their place.
_UNTRANSLATED = (
    (("JSON parse error", "Multipart form parse error", "FileUpload parse error"), MESSAGE_PARSE),
    (("CSRF Failed",), MESSAGE_CSRF),
)

#: DRF's codes renamed to ours where they differ.
_CODES = {
    "invalid": "validation_error",
    "not_authenticated": "not_authenticated",
    "authentication_failed": "authentication_failed",
    "permission_denied": "permission_denied",
    "not_found": "not_found",
    "method_not_allowed": "method_not_allowed",
    "throttled": "throttled",
    "parse_error": "parse_error",
    "unsupported_media_type": "unsupported_media_type",
    "not_acceptable": "not_acceptable",
}


#: Services' refusals that are not about the data sent, by their code: their status (else 400).
#: A decision on a record or plan that changed after the version the client read (If-Match).
SERVICE_STATUSES = {"changed_since_seen": status.HTTP_412_PRECONDITION_FAILED}


def error_body(code: str, message, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": force_str(message), "fields": fields or {}}}


def error_response(code: str, message, *, status_code: int, fields=None, headers=None):
    """The error as a plain Django response, for code outside DRF's views (middleware)."""
    response = JsonResponse(
        error_body(code, message, fields),
        status=status_code,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [text for value in detail.values() for text in _flatten(value)]
    if isinstance(detail, list | tuple):
        return [text for value in detail for text in _flatten(value)]
    return [force_str(detail)]


def _fields(detail: dict) -> dict:
    """{"field": ["message", …]}; nested serializers' errors are joined to "parent.child"."""
    fields = {}
    for name, value in detail.items():
        if isinstance(value, dict):
            for child, texts in _fields(value).items():
                fields[f"{name}.{child}"] = texts
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for index, item in enumerate(value):
                for child, texts in _fields(item).items():
                    fields[f"{name}.{index}.{child}"] = texts
        else:
            fields[name] = _flatten(value)
    return fields


def _from_django_validation(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            ("non_field_errors" if name == NON_FIELD_ERRORS else name): [
                force_str(message) for error in errors for message in error.messages
            ]
            for name, errors in exc.error_dict.items()
        }
        error = exceptions.ValidationError(detail)
    else:
        error = exceptions.ValidationError([force_str(m) for m in exc.messages])
    error.service_code = getattr(exc, "code", None) if not hasattr(exc, "error_dict") else None
    return error


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every refusal as one JSON shape."""
    if isinstance(exc, DjangoValidationError):
        exc = _from_django_validation(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    if not isinstance(exc, exceptions.APIException):
        return None

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(math.ceil(exc.wait))

    detail = exc.detail
    if isinstance(exc, exceptions.ValidationError):
        code = getattr(exc, "service_code", None) or "validation_error"
        if isinstance(detail, dict):
            fields = _fields(detail)
            general = fields.pop("non_field_errors", [])
            message = " ".join(general) if general else MESSAGE_FIELDS
        else:
            fields, message = {}, " ".join(_flatten(detail))
    else:
        code = _CODES.get(getattr(detail, "code", None) or exc.default_code, exc.default_code)
        fields, message = {}, " ".join(_flatten(detail))
        for prefixes, replacement in _UNTRANSLATED:
            if message.startswith(prefixes):
                message = force_str(replacement)
    set_rollback()
    status_code = exc.status_code
    if isinstance(exc, exceptions.ValidationError):
        status_code = SERVICE_STATUSES.get(code, status.HTTP_400_BAD_REQUEST)
    return Response(error_body(code, message, fields), status=status_code, headers=headers)
