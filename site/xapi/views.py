"""The xAPI Statement Resource: POST, PUT and GET /xapi/statements, and /xapi/about."""

import json

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import APIException, NotFound, ParseError, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api.authentication import BasicTokenAuthentication
from xapi.models import Outcome
from xapi.selectors import statements_of
from xapi.serializers import (
    AboutSerializer,
    StatementQuery,
    StatementResultSerializer,
    StatementSerializer,
)
from xapi.services import VERSION, StatementConflict, statements_record

#: The most statements one request may carry, and one page of GET may return.
MAX_BATCH = 200
MAX_LIMIT = 500
DEFAULT_LIMIT = 100

ERROR_VERSION = _("This server speaks xAPI 1.0.x: send the header X-Experience-API-Version: 1.0.3.")
ERROR_BODY = _("Send one statement (a JSON object) or a list of statements.")
ERROR_TOO_MANY = _("Send at most %(count)d statements in one request.")
ERROR_PUT_ID = _(
    "PUT needs the statementId parameter, and the body's id (if any) must be the same."
)
ERROR_BOTH_IDS = _("Give statementId or voidedStatementId, not both.")


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "statement_conflict"


class XapiView(APIView):
    authentication_classes = [BasicTokenAuthentication]
    parser_classes = [JSONParser]

    def initial(self, request, *args, **kwargs):
        version = request.headers.get("X-Experience-API-Version")
        if version is not None and not version.strip().startswith("1.0"):
            raise ValidationError({"X-Experience-API-Version": [ERROR_VERSION]})
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["X-Experience-API-Version"] = VERSION
        return response


def _statements_in(data) -> list:
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        if len(data) > MAX_BATCH:
            raise ValidationError({"statements": [ERROR_TOO_MANY % {"count": MAX_BATCH}]})
        return data
    raise ParseError(ERROR_BODY)


def _checked(items: list) -> list[dict]:
    checked, errors = [], {}
    for index, item in enumerate(items):
        serializer = StatementSerializer(data=item)
        if serializer.is_valid():
            checked.append(serializer.statement())
        else:
            prefix = f"{index}." if len(items) > 1 else ""
            for name, texts in serializer.errors.items():
                errors[f"{prefix}{name}"] = texts
    if errors:
        raise ValidationError(errors)
    return checked


def _outcomes_header(results) -> str:
    labels = dict(Outcome.choices)
    return json.dumps(
        [{"id": r.id, "outcome": r.outcome, "message": str(labels[r.outcome])} for r in results],
        ensure_ascii=True,
    )


def _record(request, statements):
    try:
        return statements_record(statements=statements, acting_user=request.user)
    except StatementConflict as conflict:
        raise Conflict(conflict.message) from None


class StatementsView(XapiView):
    """xAPI statements from external content, counted for the token's owner."""

    @extend_schema(
        summary="Store xAPI statements (one, or a list) and apply those about our content",
        description=(
            "Returns the statements' ids, in order. The header X-Hoctap-Outcomes says what was "
            "done with each (a JSON list of {id, outcome, message})."
        ),
        request=StatementSerializer,
        responses={200: OpenApiResponse(response=list[str], description="The statements' ids.")},
    )
    def post(self, request):
        results = _record(request, _checked(_statements_in(request.data)))
        response = Response([result.id for result in results])
        response["X-Hoctap-Outcomes"] = _outcomes_header(results)
        return response

    @extend_schema(
        summary="Store one xAPI statement under the id given in statementId",
        parameters=[OpenApiParameter("statementId", str, required=True)],
        request=StatementSerializer,
        responses={204: OpenApiResponse(description="Stored (or already stored as it is).")},
    )
    def put(self, request):
        query = StatementQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        statement_id = query.validated_data.get("statementId")
        if not isinstance(request.data, dict) or statement_id is None:
            raise ValidationError({"statementId": [ERROR_PUT_ID]})
        body_id = request.data.get("id")
        if body_id is not None and str(body_id).lower() != str(statement_id):
            raise ValidationError({"statementId": [ERROR_PUT_ID]})
        results = _record(request, _checked([{**request.data, "id": str(statement_id)}]))
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response["X-Hoctap-Outcomes"] = _outcomes_header(results)
        return response

    @extend_schema(
        summary="My statements (newest first), or one by statementId / voidedStatementId",
        parameters=[StatementQuery],
        responses={200: StatementResultSerializer},
    )
    def get(self, request):
        query = StatementQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        statements = statements_of(request.user)
        if "statementId" in data and "voidedStatementId" in data:
            raise ValidationError({"statementId": [ERROR_BOTH_IDS]})
        if "statementId" in data or "voidedStatementId" in data:
            voided = "voidedStatementId" in data
            wanted = data.get("voidedStatementId") or data.get("statementId")
            row = statements.filter(statement_id=wanted, voided=voided).first()
            if row is None:
                raise NotFound()
            return Response(row.data)
        statements = statements.filter(voided=False)
        if "verb" in data:
            statements = statements.filter(verb=data["verb"])
        if "activity" in data:
            statements = statements.filter(activity=data["activity"])
        if "since" in data:
            statements = statements.filter(stored__gt=data["since"])
        if "until" in data:
            statements = statements.filter(stored__lte=data["until"])
        order = ("stored", "pk") if data["ascending"] else ("-stored", "-pk")
        # limit=0 asks for the server's maximum (xAPI 1.0.3, 2.1.3).
        requested = data.get("limit")
        limit = MAX_LIMIT if requested == 0 else min(requested or DEFAULT_LIMIT, MAX_LIMIT)
        start = (data["page"] - 1) * limit
        rows = list(statements.order_by(*order)[start : start + limit + 1])
        more = ""
        if len(rows) > limit:
            params = request.query_params.copy()
            params["page"] = str(data["page"] + 1)
            more = f"{request.path}?{params.urlencode()}"
        return Response({"statements": [row.data for row in rows[:limit]], "more": more})


class AboutView(XapiView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(summary="The xAPI versions this server speaks", responses=AboutSerializer)
    def get(self, request):
        return Response({"version": [VERSION]})
