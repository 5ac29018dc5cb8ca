"""The reports by programme, by module and of the people behind their plan, in the API: the
rows of the admin's reports (training.reports.views), from the same reads
(training.reports.queries) with the same parameters. Wired under /api/v1/reports/ by PATHS."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from courses.school_year import current_school_year
from portal.api.pagination import Pagination
from training.api.permissions import CanReadSummaries
from training.api.serializers import (
    CompletionReportQuery,
    PersonRefSerializer,
    UnitRefSerializer,
)
from training.models import PlanStatus, Programme
from training.reports.queries import Pace, ReportScope, behind_plan, by_module, by_programme
from training.selectors import report_root_unit, staff_search, units_visible_to


class ReportQuery(CompletionReportQuery):
    programme = serializers.ChoiceField(choices=Programme.choices, required=False)


class BehindQuery(ReportQuery):
    q = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Names or staff codes, with or without diacritics.",
    )
    page = serializers.IntegerField(required=False, min_value=1, max_value=10**6)
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=Pagination.max_page_size
    )


class ProgrammeRowSerializer(serializers.Serializer):
    programme = serializers.ChoiceField(choices=Programme.choices)
    label = serializers.CharField()
    enrolled = serializers.IntegerField(help_text="Module enrolments in the school year.")
    completed = serializers.IntegerField(help_text="Modules completed in the school year.")
    average_score = serializers.DecimalField(
        max_digits=4, decimal_places=2, allow_null=True, help_text="Of the modules completed."
    )
    hours = serializers.IntegerField(
        help_text="Tiết credited: online modules and approved face-to-face training."
    )
    people_with_hours = serializers.IntegerField()


class ProgrammeReportSerializer(serializers.Serializer):
    school_year = serializers.CharField()
    unit = UnitRefSerializer()
    rows = ProgrammeRowSerializer(many=True)


class ReportModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="module_id")
    code = serializers.CharField()
    title = serializers.CharField()


class ModuleRowSerializer(serializers.Serializer):
    module = ReportModuleSerializer(source="*")
    programme = serializers.ChoiceField(choices=Programme.choices)
    enrolled = serializers.IntegerField()
    completed = serializers.IntegerField()
    completion_rate = serializers.DecimalField(max_digits=4, decimal_places=1)
    average_score = serializers.DecimalField(max_digits=4, decimal_places=2, allow_null=True)
    hours = serializers.IntegerField()


class ModuleReportSerializer(serializers.Serializer):
    school_year = serializers.CharField()
    unit = UnitRefSerializer()
    rows = ModuleRowSerializer(many=True)


class BehindRowSerializer(serializers.Serializer):
    person = PersonRefSerializer(source="*")
    unit = UnitRefSerializer(source="profile.unit")
    position = serializers.CharField(source="profile.position")
    plan_status = serializers.ChoiceField(
        choices=[("", "no plan"), *PlanStatus.choices], help_text="Empty: no plan yet."
    )
    planned = serializers.IntegerField(help_text="Tiết in the person's plan.")
    done = serializers.IntegerField(help_text="Tiết credited toward the target.")
    short_of_plan = serializers.IntegerField()
    target = serializers.IntegerField()
    expected = serializers.IntegerField(help_text="Tiết due by today at an even pace.")
    short_of_target = serializers.IntegerField()


class BehindPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    pace_percent = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        help_text="The share of the school year's study time (1 September to 31 May) gone by.",
    )
    results = BehindRowSerializer(many=True)


def _scope(request, query_class) -> tuple[ReportScope, dict]:
    serializer = query_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    query = serializer.validated_data
    if "unit" in query:
        unit = units_visible_to(request.user).filter(pk=query["unit"]).first()
    else:
        unit = report_root_unit(request.user)
    if unit is None:
        raise NotFound()
    scope = ReportScope(
        user=request.user,
        school_year=query.get("school_year") or current_school_year(timezone.localdate()),
        unit=unit,
        school_level=query.get("school_level", ""),
        position=query.get("position", ""),
        status=query.get("status", ""),
        programme=query.get("programme", ""),
    )
    return scope, query


class ProgrammeReportView(APIView):
    """BDTX by programme: the rows of the admin's report of that name."""

    permission_classes = [CanReadSummaries]

    @extend_schema(
        summary="BDTX by programme for a school year: the numbers of the admin's report",
        parameters=[ReportQuery],
        responses=ProgrammeReportSerializer,
    )
    def get(self, request):
        scope, _query = _scope(request, ReportQuery)
        return Response(
            ProgrammeReportSerializer(
                {"school_year": scope.school_year, "unit": scope.unit, "rows": by_programme(scope)}
            ).data
        )


class ModuleReportView(APIView):
    """BDTX by module: the rows of the admin's report of that name."""

    permission_classes = [CanReadSummaries]

    @extend_schema(
        summary="BDTX by module for a school year: the numbers of the admin's report",
        parameters=[ReportQuery],
        responses=ModuleReportSerializer,
    )
    def get(self, request):
        scope, _query = _scope(request, ReportQuery)
        return Response(
            ModuleReportSerializer(
                {"school_year": scope.school_year, "unit": scope.unit, "rows": by_module(scope)}
            ).data
        )


class BehindPlanView(APIView):
    """People behind their BDTX plan: the rows of the admin's report, furthest behind first."""

    permission_classes = [CanReadSummaries]
    pagination_class = Pagination

    @extend_schema(
        summary="People behind their BDTX plan (a page of them): the admin's report's rows",
        parameters=[BehindQuery],
        responses=BehindPageSerializer,
    )
    def get(self, request):
        scope, query = _scope(request, BehindQuery)
        people = behind_plan(scope, today=timezone.localdate())
        if query.get("q"):
            people = staff_search(people, query["q"]).order_by(
                "-short_of_target", "name_sort", "username"
            )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(people, request, view=self)
        return Response(
            BehindPageSerializer(
                {
                    "count": paginator.page.paginator.count,
                    "next": paginator.get_next_link(),
                    "previous": paginator.get_previous_link(),
                    "pace_percent": Pace.of(scope.school_year, timezone.localdate()).percent,
                    "results": page,
                }
            ).data
        )


#: (path, view, name) under /api/v1/, beside training.api.views.PATHS.
PATHS = [
    ("reports/programmes/", ProgrammeReportView.as_view(), "report-programmes"),
    ("reports/modules/", ModuleReportView.as_view(), "report-modules"),
    ("reports/behind-plan/", BehindPlanView.as_view(), "report-behind-plan"),
]
