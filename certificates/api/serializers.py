from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from certificates import credentials
from certificates.models import Certificate
from courses.school_year import SCHOOL_YEAR_PATTERN

ERROR_SCHOOL_YEAR = _(
    "Write the school year as two consecutive years joined by a hyphen, such as “2026-2027”."
)
ERROR_NO_PERSON = _("Nobody within your reach has the id %(id)s.")


class HolderSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    staff_code = serializers.CharField(source="username")
    name = serializers.CharField(source="full_name")


class CertificateSerializer(serializers.ModelSerializer):
    holder = HolderSerializer()
    holder_name = serializers.SerializerMethodField(help_text="The name as printed.")
    title = serializers.SerializerMethodField()
    hours = serializers.SerializerMethodField()
    module_code = serializers.SerializerMethodField()
    module_title = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=["valid", "revoked", "replaced"], read_only=True)
    replaced_by = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    pdf = serializers.SerializerMethodField()
    credential = serializers.SerializerMethodField()
    verify_url = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = [
            "id",
            "code",
            "kind",
            "holder",
            "holder_name",
            "title",
            "school_year",
            "module",
            "module_code",
            "module_title",
            "hours",
            "serial",
            "completed_on",
            "issued_at",
            "status",
            "revoked_at",
            "revocation_reason",
            "replaced_at",
            "replaced_by",
            "pdf",
            "credential",
            "verify_url",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_holder_name(self, certificate) -> str:
        return certificate.data.get("holder_name", "")

    @extend_schema_field(OpenApiTypes.STR)
    def get_title(self, certificate) -> str:
        return certificate.data.get("title_line", "")

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_hours(self, certificate) -> int | None:
        hours = certificate.data.get("hours")
        return hours if isinstance(hours, int) else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_module_code(self, certificate) -> str:
        return certificate.data.get("module_code", "") or ""

    @extend_schema_field(OpenApiTypes.STR)
    def get_module_title(self, certificate) -> str:
        return certificate.data.get("module_title", "") or ""

    @extend_schema_field(OpenApiTypes.STR)
    def get_pdf(self, certificate) -> str:
        return reverse("api:certificate-pdf", args=[certificate.pk])

    @extend_schema_field(OpenApiTypes.STR)
    def get_credential(self, certificate) -> str:
        return reverse("api:certificate-credential", args=[certificate.pk])

    @extend_schema_field(OpenApiTypes.URI)
    def get_verify_url(self, certificate) -> str:
        return credentials.verify_url(certificate.code)


class IssueInput(serializers.Serializer):
    person = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    school_year = serializers.CharField(max_length=9, help_text="e.g. 2025-2026")

    def validate_school_year(self, value):
        match = SCHOOL_YEAR_PATTERN.match(value)
        if not match or int(match[2]) != int(match[1]) + 1:
            raise serializers.ValidationError(ERROR_SCHOOL_YEAR)
        return value

    def validate_person(self, value):
        person = self.context["people"].filter(pk=value).first()
        if person is None:
            raise serializers.ValidationError(ERROR_NO_PERSON % {"id": value})
        return person


class RevokeInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, max_length=2000)


class ReissueInput(serializers.Serializer):
    correction = serializers.CharField(
        allow_blank=True, max_length=2000, help_text="What was corrected (kept in the history)."
    )


class VerificationSerializer(serializers.Serializer):
    """What the public verification page shows, and nothing more."""

    code = serializers.CharField()
    status = serializers.ChoiceField(choices=["valid", "revoked", "replaced"])
    holder_name = serializers.CharField(allow_blank=True)
    title = serializers.CharField(allow_blank=True)
    achievement = serializers.CharField(allow_blank=True)
    school_year = serializers.CharField()
    hours = serializers.IntegerField(allow_null=True)
    completed_on = serializers.DateField()
    issuer = serializers.CharField(allow_blank=True)
    issuer_id = serializers.URLField()
    serial = serializers.CharField()
    module_code = serializers.CharField(allow_blank=True, allow_null=True)
    module_title = serializers.CharField(allow_blank=True, allow_null=True)
    revoked_on = serializers.DateField(required=False)
    revocation_reason = serializers.CharField(required=False, allow_blank=True)
    replaced_on = serializers.DateField(required=False)
    replaced_by = serializers.URLField(required=False)
