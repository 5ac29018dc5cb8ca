"""The yearly report upward in the API: the reports sent by the units within one's reach (as
the admin's "Yearly reports received" shows them) and sending one's own unit's report. Lists
come from training.yearly_report.selectors, the sending from its service."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from courses.api.views import ID_PATTERN
from courses.school_year import validate_school_year
from training.api.permissions import role_permission
from training.api.serializers import PersonRefSerializer, UnitRefSerializer
from training.models import YearReportSubmission
from training.selectors import units_visible_to
from training.yearly_report.documents import Delegation
from training.yearly_report.selectors import submissions_visible_to
from training.yearly_report.services import MAX_LENGTHS, year_report_submit

CanReadYearReports = role_permission("training.view_yearreportsubmission")
CanSubmitYearReports = role_permission("training.submit_yearreport")


class YearReportSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    receiving_unit = UnitRefSerializer()
    submitted_by = PersonRefSerializer(allow_null=True)
    current = serializers.BooleanField(source="is_current")
    replaced_at = serializers.DateTimeField(source="superseded_at", allow_null=True)

    class Meta:
        model = YearReportSubmission
        fields = [
            "id",
            "unit",
            "school_year",
            "receiving_unit",
            "submitted_by",
            "submitted_at",
            "deadline",
            "late",
            "current",
            "replaced_at",
        ]


class YearReportDetailSerializer(YearReportSerializer):
    data = serializers.JSONField(help_text="Everything the document printed: header, rows, total.")

    class Meta(YearReportSerializer.Meta):
        fields = [*YearReportSerializer.Meta.fields, "data"]


class YearReportInputSerializer(serializers.Serializer):
    unit = serializers.IntegerField(
        min_value=1, max_value=2_147_483_647, help_text="Your own unit."
    )
    school_year = serializers.CharField(validators=[validate_school_year])
    parent_body_name = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_LENGTHS["parent_body_name"]
    )
    body_name = serializers.CharField(max_length=MAX_LENGTHS["body_name"])
    number = serializers.CharField(required=False, allow_blank=True, max_length=64)
    place = serializers.CharField(max_length=MAX_LENGTHS["place"])
    day = serializers.DateField()
    recipient = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_LENGTHS["recipient"]
    )
    head_title = serializers.CharField(max_length=MAX_LENGTHS["head_title"])
    delegation = serializers.ChoiceField(
        choices=[value for value, _label in Delegation.CHOICES], required=False, allow_blank=True
    )
    signer_title = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_LENGTHS["signer_title"]
    )
    signer_name = serializers.CharField(max_length=MAX_LENGTHS["signer_name"])


ERROR_UNIT_NOT_FOUND = _("No unit with this id is within your reach.")


@extend_schema_view(
    list=extend_schema(
        summary="Yearly reports sent by the units within your reach (current ones; ?all=1 "
        "adds those replaced)"
    ),
    retrieve=extend_schema(summary="One yearly report as sent, with its figures"),
    create=extend_schema(
        summary="Send your unit's yearly report to the unit above (replaces one already sent)",
        request=YearReportInputSerializer,
        responses={201: YearReportDetailSerializer},
    ),
)
class YearReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    lookup_value_regex = ID_PATTERN
    serializer_class = YearReportSerializer

    def get_permissions(self):
        if self.action == "create":
            return [CanSubmitYearReports()]
        return [CanReadYearReports()]

    def get_serializer_class(self):
        return YearReportDetailSerializer if self.action == "retrieve" else YearReportSerializer

    def get_queryset(self):
        reports = submissions_visible_to(self.request.user)
        if self.action == "list":
            reports = reports.defer("data")
            params = self.request.query_params
            if params.get("all") not in ("1", "true"):
                reports = reports.filter(superseded_at__isnull=True)
            if params.get("school_year"):
                reports = reports.filter(school_year=params["school_year"])
            if params.get("unit", "").isdigit():
                reports = reports.filter(unit_id=int(params["unit"]))
        return reports.order_by("-submitted_at", "-pk")

    def create(self, request, *args, **kwargs):
        given = YearReportInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        values = dict(given.validated_data)
        unit = units_visible_to(request.user).filter(pk=values.pop("unit")).first()
        if unit is None:
            raise NotFound(ERROR_UNIT_NOT_FOUND)
        school_year = values.pop("school_year")
        submission = year_report_submit(
            unit=unit, school_year=school_year, header=values, acting_user=request.user
        )
        return Response(
            YearReportDetailSerializer(submission, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


ROUTES = [("yearly-reports", YearReportViewSet, "yearly-report")]
