"""Bulk issue of yearly certificates through the API, as the admin's "Bulk issue" page does:
office staff ask for the certificates of a unit in their reach (and the units below it) for a
school year; a background task issues them (certificates.services.bulk_issue_request), and the
request's progress is read back here."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from certificates import selectors, services
from certificates.models import BulkIssue
from courses.api.filters import MAX_ID
from training.api.permissions import role_permission
from training.api.serializers import SchoolYearField, UnitRefSerializer
from training.selectors import units_visible_to

#: Ids in addresses: longer numbers are not ids.
ID_PATTERN = "[0-9]{1,18}"
CanIssue = role_permission("certificates.issue_certificate")


class BulkIssueInput(serializers.Serializer):
    unit = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="A unit within your reach (else 404)."
    )
    school_year = SchoolYearField()


class BulkIssueSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    requested_by = serializers.SerializerMethodField()
    percent = serializers.IntegerField(read_only=True)

    class Meta:
        model = BulkIssue
        fields = [
            "id",
            "unit",
            "school_year",
            "status",
            "requested_by",
            "requested_at",
            "started_at",
            "finished_at",
            "total",
            "done",
            "issued",
            "already",
            "percent",
        ]

    def get_requested_by(self, bulk) -> str:
        return bulk.requested_by.full_name if bulk.requested_by else ""


@extend_schema_view(
    list=extend_schema(summary="Bulk issues of yearly certificates in my reach (office staff)"),
    retrieve=extend_schema(summary="One bulk issue and its progress (office staff)"),
)
class BulkIssueViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = BulkIssueSerializer
    permission_classes = [CanIssue]
    lookup_value_regex = ID_PATTERN
    filter_backends = [OrderingFilter]
    ordering_fields = ["requested_at"]
    ordering = ["-requested_at", "-pk"]

    def get_queryset(self):
        return selectors.bulk_issues_visible_to(self.request.user)

    @extend_schema(
        summary="Issue the yearly certificates of everyone in a unit of my reach (and below) who "
        "completed the year, in the background; nobody gets one twice (office staff)",
        request=BulkIssueInput,
        responses={202: BulkIssueSerializer},
    )
    def create(self, request):
        data = BulkIssueInput(data=request.data)
        data.is_valid(raise_exception=True)
        unit = units_visible_to(request.user).filter(pk=data.validated_data["unit"]).first()
        if unit is None:
            raise NotFound()
        bulk = services.bulk_issue_request(
            unit=unit, school_year=data.validated_data["school_year"], acting_user=request.user
        )
        bulk = self.get_queryset().get(pk=bulk.pk)
        return Response(
            BulkIssueSerializer(bulk, context=self.get_serializer_context()).data,
            status=status.HTTP_202_ACCEPTED,
        )


ROUTES = [("certificates/bulk-issues", BulkIssueViewSet, "certificate-bulk-issue")]
