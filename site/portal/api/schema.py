"""The OpenAPI schema: what every operation may answer besides its own result (the one error
shape, with the status codes the wiring adds), and the Idempotency-Key header."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from portal.api.middleware import IDEMPOTENT_METHODS, KEY_PATTERN

ERROR_STATUSES = {
    "400": _("The request is not valid (see error.fields), or a query parameter is not."),
    "401": _("No valid credentials: log in, or send a personal API token."),
    "403": _("You may not do this."),
    "404": _("Not found, or not within your reach."),
    "429": _("Too many requests: wait the number of seconds in Retry-After."),
}
MUTATING_ERROR_STATUSES = {
    "409": _("The Idempotency-Key was used for another request, or that request still runs."),
    "415": _("The body is not in a format this operation accepts."),
}


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("A stable, machine-readable code."))
    message = serializers.CharField(help_text=_("A whole sentence in the request's language."))
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Messages about the input fields that were refused, by field name."),
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        statuses = dict(ERROR_STATUSES)
        if self.method in IDEMPOTENT_METHODS:
            statuses.update(MUTATING_ERROR_STATUSES)
        for code, description in statuses.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code)
                responses[code]["description"] = str(description)
        return responses

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method in IDEMPOTENT_METHODS:
            parameters.append(
                OpenApiParameter(
                    "Idempotency-Key",
                    str,
                    OpenApiParameter.HEADER,
                    required=False,
                    pattern=KEY_PATTERN.pattern,
                    description=str(
                        _(
                            "Any unique value (a UUID): a retry with the same key and the same "
                            "body gets the first response again instead of doing it twice."
                        )
                    ),
                )
            )
        return parameters


def api_endpoints(endpoints):
    """Our schema documents the REST API under /api/v1/ and the xAPI statements endpoint, not
    Wagtail's internal admin API nor the schema and docs themselves."""
    return [e for e in endpoints if e[0].startswith(("/api/v1/", "/xapi/"))]
