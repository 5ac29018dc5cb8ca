"""The xAPI 1.0.3 statement, as far as the platform checks it (best effort, as the
specification allows): the required parts and their types, our known properties only, a score
within its range. Actor, context and definitions are kept as sent."""

import uuid

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from training.api.serializers import ERROR_NUL, contains_nul

MAX_IRI = 2048
STATEMENT_PROPERTIES = frozenset(
    {
        "id",
        "actor",
        "verb",
        "object",
        "result",
        "context",
        "timestamp",
        "stored",
        "authority",
        "version",
        "attachments",
    }
)
OBJECT_TYPES = ["Activity", "Agent", "Group", "StatementRef", "SubStatement"]
IDENTIFIERS = ("mbox", "mbox_sha1sum", "openid", "account")

ERROR_UNKNOWN_PROPERTY = _("“%(name)s” is not a property of an xAPI statement.")
ERROR_IRI = _("This must be an absolute IRI, such as “http://adlnet.gov/expapi/verbs/completed”.")
ERROR_ACTOR = _(
    "The actor must be an Agent or Group with one identifier (mbox, mbox_sha1sum, openid or "
    "account), or a Group with members."
)
ERROR_OBJECT_ID = _("This object needs an “id”.")
ERROR_STATEMENT_REF = _("A StatementRef's id must be a UUID.")
ERROR_SCALED = _("The scaled score must be a number from -1 to 1.")
ERROR_RAW = _("The raw score must lie between min and max.")
ERROR_VERSION = _("This server speaks xAPI 1.0.x.")


def _iri(value: str) -> str:
    scheme, colon, rest = value.partition(":")
    if not colon or not scheme or not rest or not scheme[0].isalpha() or " " in value:
        raise serializers.ValidationError(ERROR_IRI)
    return value


class IriField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_IRI)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return _iri(super().to_internal_value(data))


class VerbSerializer(serializers.Serializer):
    id = IriField()
    display = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)


class ObjectSerializer(serializers.Serializer):
    objectType = serializers.ChoiceField(choices=OBJECT_TYPES, required=False)
    id = serializers.CharField(max_length=MAX_IRI, required=False)
    definition = serializers.JSONField(required=False)

    def validate(self, data):
        kind = data.get("objectType", "Activity")
        if kind in ("Activity", "StatementRef") and not data.get("id"):
            raise serializers.ValidationError({"id": [ERROR_OBJECT_ID]})
        if kind == "Activity":
            _iri(data["id"])
        if kind == "StatementRef":
            try:
                data["id"] = str(uuid.UUID(data["id"]))
            except ValueError:
                raise serializers.ValidationError({"id": [ERROR_STATEMENT_REF]}) from None
        return data


class ScoreSerializer(serializers.Serializer):
    scaled = serializers.FloatField(required=False, min_value=-1, max_value=1)
    raw = serializers.FloatField(required=False)
    min = serializers.FloatField(required=False)
    max = serializers.FloatField(required=False)

    def validate(self, data):
        low, high, raw = data.get("min"), data.get("max"), data.get("raw")
        if raw is not None and (
            (low is not None and raw < low) or (high is not None and raw > high)
        ):
            raise serializers.ValidationError({"raw": [ERROR_RAW]})
        return data


class ResultSerializer(serializers.Serializer):
    score = ScoreSerializer(required=False)
    success = serializers.BooleanField(required=False)
    completion = serializers.BooleanField(required=False)
    response = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    duration = serializers.CharField(required=False, max_length=64)
    extensions = serializers.DictField(required=False)


class StatementSerializer(serializers.Serializer):
    """An xAPI statement as sent. Properties the LRS sets (stored, authority) are replaced."""

    id = serializers.UUIDField(required=False)
    actor = serializers.DictField()
    verb = VerbSerializer()
    object = ObjectSerializer()
    result = ResultSerializer(required=False)
    context = serializers.DictField(required=False)
    timestamp = serializers.DateTimeField(required=False)
    version = serializers.RegexField(r"^1\.0(\.[0-9]+)?$", required=False)
    attachments = serializers.ListField(child=serializers.DictField(), required=False)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - STATEMENT_PROPERTIES)
            if unknown:
                raise serializers.ValidationError(
                    {name: [ERROR_UNKNOWN_PROPERTY % {"name": name}] for name in unknown}
                )
        return super().to_internal_value(data)

    def validate(self, data):
        if contains_nul(self.initial_data):
            raise serializers.ValidationError(ERROR_NUL)
        return data

    def validate_actor(self, actor):
        kind = actor.get("objectType", "Agent")
        identifiers = [name for name in IDENTIFIERS if name in actor]
        members = actor.get("member")
        if kind not in ("Agent", "Group") or len(identifiers) > 1:
            raise serializers.ValidationError(ERROR_ACTOR)
        if not identifiers and not (kind == "Group" and isinstance(members, list) and members):
            raise serializers.ValidationError(ERROR_ACTOR)
        return actor

    def statement(self) -> dict:
        """The statement to store: what was sent, as sent (numbers and texts untouched), with
        the id in its standard form."""
        sent = dict(self.initial_data)
        sent.pop("stored", None)
        sent.pop("authority", None)
        if "id" in self.validated_data:
            sent["id"] = str(self.validated_data["id"])
        if self.validated_data["object"].get("objectType") == "StatementRef":
            sent["object"] = {**sent["object"], "id": self.validated_data["object"]["id"]}
        return sent


class StoredStatementSerializer(serializers.Serializer):
    """A statement as the LRS returns it."""

    id = serializers.UUIDField()
    actor = serializers.DictField()
    verb = serializers.DictField()
    object = serializers.DictField()
    result = serializers.DictField(required=False)
    context = serializers.DictField(required=False)
    timestamp = serializers.CharField()
    stored = serializers.CharField()
    authority = serializers.DictField()
    version = serializers.CharField()
    attachments = serializers.ListField(child=serializers.DictField(), required=False)


class StatementResultSerializer(serializers.Serializer):
    statements = StoredStatementSerializer(many=True)
    more = serializers.CharField(
        allow_blank=True, help_text="The address of the next page, or empty."
    )


class StatementQuery(serializers.Serializer):
    statementId = serializers.UUIDField(required=False)
    voidedStatementId = serializers.UUIDField(required=False)
    verb = IriField(required=False)
    activity = IriField(required=False)
    since = serializers.DateTimeField(required=False)
    until = serializers.DateTimeField(required=False)
    limit = serializers.IntegerField(required=False, min_value=0, max_value=10_000)
    ascending = serializers.BooleanField(required=False, default=False)
    page = serializers.IntegerField(required=False, min_value=1, max_value=1_000_000, default=1)


class AboutSerializer(serializers.Serializer):
    version = serializers.ListField(child=serializers.CharField())
