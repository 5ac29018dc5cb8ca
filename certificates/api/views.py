"""Viewsets of the certificates API: reads through certificates.selectors, writes through
certificates.services, downloads of exactly the frozen PDF and credential."""

from django.http import HttpResponse
from django_filters import rest_framework as df
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response
from rest_framework.views import APIView

from certificates import selectors, services
from certificates.api import serializers as s
from certificates.api.selectors import certificates_readable_by
from certificates.models import Certificate, CertificateKind
from certificates.views import _public_facts
from courses.api.filters import IdFilter
from training.api.filters import IdsBelowFilter, ScopeFilter
from training.api.permissions import role_permission
from training.private_files import private_file_response
from training.selectors import staff_visible_to

#: Ids in addresses: longer numbers are not ids (and would overflow the database's keys).
ID_PATTERN = "[0-9]{1,18}"
CanIssue = role_permission("certificates.issue_certificate")
CanRevoke = role_permission("certificates.revoke_certificate")


class CertificateFilter(df.FilterSet):
    scope = ScopeFilter()
    school_year = df.CharFilter()
    kind = df.ChoiceFilter(choices=CertificateKind.choices)
    status = df.ChoiceFilter(
        choices=[("valid", "valid"), ("revoked", "revoked"), ("replaced", "replaced")],
        method="filter_status",
    )
    person = IdFilter(field_name="holder_id")
    unit = IdsBelowFilter(path_field="holder__profile__unit__path")

    class Meta:
        model = Certificate
        fields = ["scope", "school_year", "kind", "status", "person", "unit"]

    def filter_status(self, queryset, name, value):
        if value == "replaced":
            return queryset.filter(replaced_at__isnull=False)
        if value == "revoked":
            return queryset.filter(replaced_at__isnull=True, revoked_at__isnull=False)
        return queryset.valid()


@extend_schema_view(
    list=extend_schema(summary="Certificates: mine, or ?scope=reach (managers)"),
    retrieve=extend_schema(summary="One certificate (mine, or within my reach)"),
)
class CertificateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.CertificateSerializer
    filterset_class = CertificateFilter
    lookup_value_regex = ID_PATTERN
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    ordering_fields = ["issued_at", "school_year"]
    ordering = ["-issued_at", "-pk"]

    def get_permissions(self):
        if self.action == "create":
            return [CanIssue()]
        return super().get_permissions()

    def get_queryset(self):
        user = self.request.user
        if self.action == "list" and self.request.query_params.get("scope") != "reach":
            return selectors.certificates_for(user).select_related("holder")
        if self.action == "list":
            return selectors.certificates_visible_to(user)
        return certificates_readable_by(user)

    def _output(self, certificate, code=status.HTTP_200_OK):
        certificate = certificates_readable_by(self.request.user).get(pk=certificate.pk)
        return Response(
            s.CertificateSerializer(certificate, context=self.get_serializer_context()).data,
            status=code,
        )

    @extend_schema(
        summary="Issue the yearly certificate of a person in my reach who completed the year "
        "(office staff)",
        request=s.IssueInput,
        responses={201: s.CertificateSerializer, 200: s.CertificateSerializer},
    )
    def create(self, request):
        data = s.IssueInput(data=request.data, context={"people": staff_visible_to(request.user)})
        data.is_valid(raise_exception=True)
        person, school_year = data.validated_data["person"], data.validated_data["school_year"]
        existed = (
            selectors.certificates_for(person)
            .filter(school_year=school_year, kind=CertificateKind.YEAR, replaced_at__isnull=True)
            .exists()
        )
        certificate = services.certificate_issue_for_year(
            holder=person, school_year=school_year, acting_user=request.user
        )
        return self._output(certificate, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    @extend_schema(
        summary="Revoke a certificate within my reach, with the reason shown publicly "
        "(office staff)",
        request=s.RevokeInput,
        responses=s.CertificateSerializer,
    )
    @action(detail=True, methods=["post"], permission_classes=[CanRevoke])
    def revoke(self, request, pk=None):
        certificate = selectors.certificates_visible_to(request.user).filter(pk=pk).first()
        if certificate is None:
            raise NotFound()
        data = s.RevokeInput(data=request.data)
        data.is_valid(raise_exception=True)
        certificate = services.certificate_revoke(
            certificate=certificate, reason=data.validated_data["reason"], acting_user=request.user
        )
        return self._output(certificate)

    @extend_schema(
        summary="Re-issue a certificate within my reach after its record was corrected, saying "
        "what was corrected; the old one is kept, marked replaced (office staff)",
        request=s.ReissueInput,
        responses={201: s.CertificateSerializer},
    )
    @action(detail=True, methods=["post"], permission_classes=[CanRevoke])
    def reissue(self, request, pk=None):
        certificate = selectors.certificates_visible_to(request.user).filter(pk=pk).first()
        if certificate is None:
            raise NotFound()
        data = s.ReissueInput(data=request.data)
        data.is_valid(raise_exception=True)
        new = services.certificate_reissue(
            certificate=certificate,
            correction=data.validated_data["correction"],
            acting_user=request.user,
        )
        return self._output(new, status.HTTP_201_CREATED)

    def _downloadable(self, pk):
        certificate = certificates_readable_by(self.request.user).filter(pk=pk).first()
        if certificate is None or not selectors.certificate_downloadable_by(
            self.request.user, certificate
        ):
            raise NotFound()
        return certificate

    @extend_schema(
        summary="Download the certificate's PDF, exactly as issued",
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
        filters=False,
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def pdf(self, request, pk=None):
        certificate = self._downloadable(pk)
        return private_file_response(
            certificate.pdf,
            filename=f"giay-chung-nhan-{certificate.school_year}-{certificate.code[:8]}.pdf",
            content_type="application/pdf",
        )

    @extend_schema(
        summary="Download the signed credential (Open Badges 3.0, JSON)",
        responses={(200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT)},
        filters=False,
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def credential(self, request, pk=None):
        certificate = self._downloadable(pk)
        response = HttpResponse(
            certificate.credential, content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="credential-{certificate.school_year}-'
            f'{certificate.code[:8]}.json"'
        )
        return response


class VerifyView(APIView):
    """Public: what a certificate says and whether it is still valid."""

    permission_classes = [permissions.AllowAny]
    #: The "verify" rate of REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], per address or person.
    throttle_scope = "verify"

    @extend_schema(
        summary="Verify a certificate by its code (public, rate-limited)",
        responses=s.VerificationSerializer,
    )
    def get(self, request, code):
        certificate = selectors.certificate_by_code(code)
        if certificate is None:
            raise NotFound()
        return Response(s.VerificationSerializer(_public_facts(certificate)).data)


ROUTES = [("certificates", CertificateViewSet, "certificate")]
PATHS = [("verify/<str:code>/", VerifyView.as_view(), "verify")]
