"""Viewsets of the training API. Each list is one of the selectors (what is one's own, what is
within one's reach); each change is one service call; refusals are the services' own errors,
turned into the API's error shape by portal.api.errors."""

from django.http import QueryDict
from django.utils import timezone
from django.utils.http import parse_etags
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from courses.api.views import ID_PATTERN
from courses.models import LessonPage, ModulePage
from courses.school_year import current_school_year
from portal.api.schema import ErrorSerializer
from training.api import filters, selectors
from training.api import serializers as s
from training.api.permissions import CanAssign, CanReadSummaries, CanReviewPlans, CanReviewRecords
from training.api.yearly_reports import ROUTES as YEARLY_REPORT_ROUTES
from training.evidence import ALLOWED
from training.models import TrainingRecord, Unit, User
from training.private_files import private_file_response
from training.selectors import (
    UnitCompletion,
    completion_by_unit,
    evidence_visible_to,
    module_progress,
    plan_view,
    plans_in_reach,
    records_in_reach,
    records_of,
    report_root_unit,
    staff_visible_to,
    units_visible_to,
)
from training.services import (
    attempt_submit,
    enrolment_assign,
    enrolment_self,
    lesson_view_record,
    plan_approve,
    plan_reopen,
    plan_return,
    plan_save,
    plan_submit,
    training_record_amend,
    training_record_approve,
    training_record_reject,
    training_record_submit,
)

ERROR_NOT_RECORDED = _(
    "Nothing was recorded: the module is not open for study, the school year is closed, or "
    "your account has no staff profile."
)


ERROR_IF_MATCH_REQUIRED = _(
    "Send the If-Match header with the ETag the record or plan had when you read it (GET): "
    "a decision applies only to the version you saw."
)


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"
    default_detail = ERROR_IF_MATCH_REQUIRED


#: A reviewer's decision names the version it decides (training.services: seen_version).
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the record or plan as you read it, quoted: "…".',
)
#: GET and every change answer with the version they show.
ETAG = OpenApiParameter(
    "ETag",
    str,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="The version shown: send it in If-Match to decide on it.",
)
DECISION_REFUSALS = {
    412: OpenApiResponse(
        ErrorSerializer,
        description="changed_since_seen: it changed after the version in If-Match; nothing "
        "was decided.",
    ),
    428: OpenApiResponse(
        ErrorSerializer, description="precondition_required: If-Match is missing (or `*`)."
    ),
}


def decision(summary: str, request, response) -> dict:
    """The schema of a reviewer's decision: If-Match required, 412 and 428 besides."""
    return {
        "summary": summary,
        "request": request,
        "parameters": [IF_MATCH, ETAG],
        "responses": {200: response, **DECISION_REFUSALS},
    }


def seen_version(request) -> str:
    """The version a decision was taken on: the one ETag of If-Match, unquoted. Missing, empty
    or `*` (any version) is 428; an ETag that does not match strongly (weak, several, unknown)
    gives "", which the service refuses as changed (412)."""
    etags = parse_etags(request.headers.get("If-Match", ""))
    if not etags or etags == ["*"]:
        raise PreconditionRequired()
    strong = [etag[1:-1] for etag in etags if etag.startswith('"')]
    return strong[0] if len(strong) == 1 else ""


class VersionETagMixin:
    """Answers that show one record or plan say its version in ETag (its `version` field)."""

    def finalize_response(self, request, response, *args, **kwargs):
        data = getattr(response, "data", None)
        if response.status_code in (200, 201) and isinstance(data, dict) and data.get("version"):
            response["ETag"] = f'"{data["version"]}"'
        return super().finalize_response(request, response, *args, **kwargs)


def _open_modules():
    return ModulePage.objects.live().public()


def _scope(request) -> str:
    return "reach" if request.query_params.get("scope") == "reach" else "mine"


class ApiViewSet(viewsets.GenericViewSet):
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    lookup_value_regex = ID_PATTERN

    def input(self, serializer_class, data=None, **context):
        """Validate input with an InputSerializer; `context` gives the querysets its ids are
        resolved in."""
        serializer = serializer_class(
            data=self.request.data if data is None else data,
            context={**self.get_serializer_context(), **context},
        )
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def output(self, serializer_class, instance, *, status_code=status.HTTP_200_OK, **context):
        data = serializer_class(instance, context={**self.get_serializer_context(), **context}).data
        return Response(data, status=status_code)


# People and units -------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Units within your reach (search by name, with or without accents)"),
    retrieve=extend_schema(summary="One unit within your reach"),
)
class UnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.UnitSerializer
    filterset_class = filters.UnitFilter
    ordering_fields = ["path", "name", "code"]
    ordering = ["path"]

    def get_queryset(self):
        return units_visible_to(self.request.user)

    def get_serializer(self, *args, **kwargs):
        if args and kwargs.get("many"):
            # The parents of one page of units, in one query.
            paths = {unit.path[: -Unit.steplen] for unit in args[0]}
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["parents"] = dict(
                Unit.objects.filter(path__in=paths).values_list("path", "pk")
            )
        return super().get_serializer(*args, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary="People within your reach (yourself only, for a teacher); search by name"
    ),
    retrieve=extend_schema(summary="One person within your reach"),
)
class StaffViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.StaffSerializer
    filterset_class = filters.StaffFilter
    ordering_fields = ["name_sort", "username"]
    ordering = ["name_sort", "username"]

    def get_queryset(self):
        return staff_visible_to(self.request.user).select_related("profile__unit")


# Enrolments, progress, attempts -----------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="My enrolments (my modules)"),
    retrieve=extend_schema(
        summary="One of my enrolments, with my progress", responses=s.EnrolmentDetailSerializer
    ),
)
class EnrolmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.EnrolmentSerializer
    filterset_class = filters.EnrolmentFilter
    ordering_fields = ["enrolled_at", "deadline", "last_activity_at"]
    ordering = ["-enrolled_at", "-pk"]

    def get_queryset(self):
        return selectors.enrolments_of(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        enrolment = self.get_object()
        progress = module_progress(user=request.user, module=enrolment.module)
        return self.output(s.EnrolmentDetailSerializer, enrolment, progress=progress)

    @extend_schema(
        summary="Enrol myself in a published module",
        request=s.EnrolmentCreateInput,
        responses={201: s.EnrolmentSerializer, 200: s.EnrolmentSerializer},
    )
    def create(self, request):
        data = self.input(s.EnrolmentCreateInput, modules=_open_modules())
        existed = selectors.enrolments_of(request.user).filter(module=data["module"]).exists()
        enrolment = enrolment_self(module=data["module"], acting_user=request.user)
        enrolment = selectors.enrolments_of(request.user).get(pk=enrolment.pk)
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return self.output(s.EnrolmentSerializer, enrolment, status_code=code)

    @extend_schema(
        summary="Assign a module to units and people within your reach (managers)",
        request=s.AssignInput,
        responses={201: s.AssignmentSerializer},
    )
    @action(detail=False, methods=["post"], permission_classes=[CanAssign])
    def assign(self, request):
        # Ids name any unit or person: whether they are within reach is the service's to
        # say (403), as it is on the admin's page.
        data = self.input(
            s.AssignInput,
            modules=_open_modules(),
            units=Unit.objects.all(),
            people=User.objects.filter(is_active=True),
        )
        assignment = enrolment_assign(acting_user=request.user, **data)
        return self.output(s.AssignmentSerializer, assignment, status_code=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="The lessons I have opened"),
    retrieve=extend_schema(summary="One lesson I have opened"),
)
class ProgressViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.LessonViewSerializer
    filterset_class = filters.LessonViewFilter
    ordering_fields = ["last_viewed_at", "first_viewed_at"]
    ordering = ["-last_viewed_at", "-pk"]

    def get_queryset(self):
        return selectors.lesson_views_of(self.request.user)

    @extend_schema(
        summary="Record that I studied a lesson (completes the module when it was the last step)",
        request=s.ProgressInput,
        responses={201: s.ProgressResultSerializer},
    )
    def create(self, request):
        data = self.input(s.ProgressInput, lessons=LessonPage.objects.live().public())
        view = lesson_view_record(lesson=data["lesson"], acting_user=request.user)
        if view is None:
            raise ValidationError({"lesson": [ERROR_NOT_RECORDED]})
        view = selectors.lesson_views_of(request.user).select_related("enrolment__completion")
        view = view.get(lesson=data["lesson"])
        return self.output(s.ProgressResultSerializer, view, status_code=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="My attempts at final assessments"),
    retrieve=extend_schema(summary="One of my attempts"),
)
class AttemptViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.AttemptSerializer
    filterset_class = filters.AttemptFilter
    ordering_fields = ["submitted_at", "score"]
    ordering = ["-submitted_at", "-pk"]

    def get_queryset(self):
        return selectors.attempts_of(self.request.user)

    @extend_schema(
        summary="Submit answers to a module's final assessment; scored on the server",
        request=s.AttemptInput,
        responses={201: s.AttemptResultSerializer},
    )
    def create(self, request):
        data = self.input(s.AttemptInput, modules=_open_modules())
        attempt = attempt_submit(
            module=data["module"], answers=data["answers"], acting_user=request.user
        )
        enrolment = selectors.enrolments_of(request.user).get(pk=attempt.enrolment_id)
        completion = s.completion_of(enrolment)
        attempt.module_completed = completion is not None
        attempt.completion = completion
        return self.output(s.AttemptResultSerializer, attempt, status_code=status.HTTP_201_CREATED)


# Face-to-face records ---------------------------------------------------------------------------

_RECORD_PARSERS = [MultiPartParser, FormParser, JSONParser]


@extend_schema_view(
    list=extend_schema(summary="Face-to-face training records: mine, or ?scope=reach (managers)"),
    retrieve=extend_schema(
        summary="One record (mine, or of someone in my reach), its version in ETag",
        parameters=[ETAG],
    ),
)
class TrainingRecordViewSet(
    VersionETagMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet
):
    serializer_class = s.TrainingRecordSerializer
    filterset_class = filters.TrainingRecordFilter
    ordering_fields = ["start_date", "submitted_at", "decided_at"]
    ordering = ["-start_date", "-pk"]
    parser_classes = _RECORD_PARSERS

    def get_queryset(self):
        user = self.request.user
        if not user.is_authenticated:
            return TrainingRecord.objects.none()
        if self.action == "list":
            records = (
                records_in_reach(user) if _scope(self.request) == "reach" else records_of(user)
            )
        else:
            records = selectors.records_visible_to(user)
        return records.select_related("user__profile__unit", "decided_by").prefetch_related(
            "evidence"
        )

    def _submit(self, data, record=None):
        return training_record_submit(
            school_year=data["school_year"],
            title=data["title"],
            organiser=data["organiser"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            hours=data["hours"],
            programme=data["programme"],
            score=data["score"],
            files=data["files"],
            remove_files=data["remove_files"],
            record=record,
            acting_user=self.request.user,
        )

    def _fresh(self, record):
        return self.get_queryset().get(pk=record.pk)

    @extend_schema(
        summary="Record a face-to-face training, with evidence files, for approval",
        request={
            "multipart/form-data": s.TrainingRecordInput,
            "application/json": s.TrainingRecordInput,
        },
        responses={201: s.TrainingRecordSerializer},
    )
    def create(self, request):
        record = self._submit(self.input(s.TrainingRecordInput))
        return self.output(
            s.TrainingRecordSerializer, self._fresh(record), status_code=status.HTTP_201_CREATED
        )

    def _correct(self, request, *, partial: bool):
        record = self.get_object()
        data = request.data
        if partial:
            current = {
                "school_year": record.school_year,
                "title": record.title,
                "organiser": record.organiser,
                "start_date": record.start_date.isoformat(),
                "end_date": record.end_date.isoformat(),
                "hours": record.hours,
                "programme": record.programme,
                "score": record.score,
            }
            merged = {name: value for name, value in current.items() if name not in data}
            data = _merge(data, merged)
        record = self._submit(self.input(s.TrainingRecordInput, data=data), record=record)
        return self.output(s.TrainingRecordSerializer, self._fresh(record))

    @extend_schema(
        summary="Correct my record (waiting or rejected) and send it again",
        request={
            "multipart/form-data": s.TrainingRecordInput,
            "application/json": s.TrainingRecordInput,
        },
        responses=s.TrainingRecordSerializer,
    )
    def update(self, request, pk=None):
        return self._correct(request, partial=False)

    @extend_schema(
        summary="Correct some fields of my record (waiting or rejected) and send it again",
        request={
            "multipart/form-data": s.TrainingRecordInput(partial=True),
            "application/json": s.TrainingRecordInput(partial=True),
        },
        responses=s.TrainingRecordSerializer,
    )
    def partial_update(self, request, pk=None):
        return self._correct(request, partial=True)

    @extend_schema(
        **decision(
            "Approve a record of someone in my reach, as I read it (managers)",
            s.DecisionInput,
            s.TrainingRecordSerializer,
        )
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewRecords])
    def approve(self, request, pk=None):
        record, seen = self.get_object(), seen_version(request)
        data = self.input(s.DecisionInput)
        record = training_record_approve(
            record=record, comment=data["comment"], acting_user=request.user, seen_version=seen
        )
        return self.output(s.TrainingRecordSerializer, self._fresh(record))

    @extend_schema(
        **decision(
            "Reject a record of someone in my reach, as I read it, saying why (managers)",
            s.RejectInput,
            s.TrainingRecordSerializer,
        )
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewRecords])
    def reject(self, request, pk=None):
        record, seen = self.get_object(), seen_version(request)
        data = self.input(s.RejectInput)
        record = training_record_reject(
            record=record, reason=data["reason"], acting_user=request.user, seen_version=seen
        )
        return self.output(s.TrainingRecordSerializer, self._fresh(record))

    @extend_schema(
        **decision(
            "Correct the hours or programme of an approved record in my reach, as I read it, "
            "with the reason (managers)",
            s.AmendInput,
            s.TrainingRecordSerializer,
        )
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewRecords])
    def amend(self, request, pk=None):
        record, seen = self.get_object(), seen_version(request)
        data = self.input(s.AmendInput)
        record = training_record_amend(
            record=record, acting_user=request.user, seen_version=seen, **data
        )
        return self.output(s.TrainingRecordSerializer, self._fresh(record))

    @extend_schema(
        summary="Download an evidence file (its owner and the managers in reach)",
        responses={
            (200, content_type): OpenApiResponse(OpenApiTypes.BINARY)
            for content_type in sorted({kind for kind, _magic in ALLOWED.values()})
        },
        filters=False,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"evidence/(?P<evidence_id>[0-9]{1,18})",
        url_name="evidence",
        filter_backends=[],
    )
    def evidence(self, request, pk=None, evidence_id=None):
        item = evidence_visible_to(request.user).filter(pk=evidence_id, record_id=pk).first()
        if item is None:
            raise NotFound()
        return private_file_response(item.file, filename=item.name, content_type=item.content_type)


def _merge(data, defaults: dict):
    """The request's data with `defaults` for the fields it does not send (a PATCH). A form's
    data is copied list by list: uploaded files are passed on, never copied."""
    if isinstance(data, QueryDict):
        merged = QueryDict(mutable=True)
        for name in data:
            merged.setlist(name, data.getlist(name))
        for name, value in defaults.items():
            merged.setlist(name, [] if value is None else [str(value)])
        return merged
    return {**defaults, **data}


# Plans ------------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Yearly training plans: mine, or ?scope=reach (managers)"),
    retrieve=extend_schema(
        summary="One plan with its modules and history, its version in ETag",
        responses=s.PlanDetailSerializer,
        parameters=[ETAG],
    ),
)
class PlanViewSet(VersionETagMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.PlanSerializer
    filterset_class = filters.PlanFilter
    ordering_fields = ["school_year", "submitted_at", "updated_at"]
    ordering = ["-school_year", "-pk"]

    def get_queryset(self):
        user = self.request.user
        if self.action == "list":
            plans = (
                plans_in_reach(user)
                if _scope(self.request) == "reach"
                else selectors.plans_of(user)
            )
        else:
            plans = selectors.plans_visible_to(user)
        return plans.select_related("user", "decided_by").prefetch_related(
            "items__module", "events__actor"
        )

    def get_serializer_class(self):
        return s.PlanDetailSerializer if self.action != "list" else s.PlanSerializer

    def _detail(self, plan, code=status.HTTP_200_OK):
        return self.output(
            s.PlanDetailSerializer, self.get_queryset().get(pk=plan.pk), status_code=code
        )

    @extend_schema(
        summary="Save my plan for a school year: the Programme 03 modules I choose",
        request=s.PlanSaveInput,
        responses={200: s.PlanDetailSerializer},
    )
    def create(self, request):
        data = self.input(s.PlanSaveInput, modules=_open_modules())
        plan = plan_save(
            school_year=data["school_year"], modules=data["modules"], acting_user=request.user
        )
        return self._detail(plan)

    @extend_schema(
        summary="Submit my plan for approval", request=None, responses=s.PlanDetailSerializer
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._detail(plan_submit(plan=self.get_object(), acting_user=request.user))

    @extend_schema(
        **decision(
            "Approve a submitted plan, as I read it (managers)",
            s.DecisionInput,
            s.PlanDetailSerializer,
        )
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewPlans])
    def approve(self, request, pk=None):
        plan, seen = self.get_object(), seen_version(request)
        data = self.input(s.DecisionInput)
        plan = plan_approve(
            plan=plan, comment=data["comment"], acting_user=request.user, seen_version=seen
        )
        return self._detail(plan)

    @extend_schema(
        **decision(
            "Return a submitted plan for revision, as I read it, saying what to change (managers)",
            s.DecisionInput,
            s.PlanDetailSerializer,
        )
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="return",
        url_name="return",
        permission_classes=[CanReviewPlans],
    )
    def return_plan(self, request, pk=None):
        plan, seen = self.get_object(), seen_version(request)
        data = self.input(s.DecisionInput)
        plan = plan_return(
            plan=plan, comment=data["comment"], acting_user=request.user, seen_version=seen
        )
        return self._detail(plan)

    @extend_schema(
        **decision(
            "Let a person in my reach revise and submit their plan after the deadline, until "
            "a day, as I read it (managers)",
            s.PlanReopenInput,
            s.PlanDetailSerializer,
        )
    )
    @action(detail=True, methods=["post"], permission_classes=[CanReviewPlans])
    def reopen(self, request, pk=None):
        plan, seen = self.get_object(), seen_version(request)
        data = self.input(s.PlanReopenInput)
        return self._detail(
            plan_reopen(plan=plan, acting_user=request.user, seen_version=seen, **data)
        )

    @extend_schema(
        summary="What my plan for a school year may contain, its target and deadline",
        parameters=[OpenApiParameter("school_year", str, description="Default: the current one.")],
        responses=s.PlanChoicesSerializer,
        filters=False,
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def choices(self, request):
        query = self.input(s.PlanChoicesQuery, data=request.query_params)
        today = timezone.localdate()
        view = plan_view(
            user=request.user,
            school_year=query.get("school_year") or current_school_year(today),
            today=today,
        )
        module = lambda m: {"id": m.pk, "code": m.code, "title": m.title, "hours": m.hours}  # noqa: E731
        return Response(
            s.PlanChoicesSerializer(
                {
                    "school_year": view.school_year,
                    "plan": view.plan.pk if view.plan else None,
                    "status": view.plan.status if view.plan else "",
                    "target": {
                        "hours_01": view.target.hours_01,
                        "hours_02": view.target.hours_02,
                        "hours_03": view.target.hours_03,
                        "total": view.target.total,
                        "plan_deadline": view.target.plan_deadline,
                    },
                    "deadline": view.deadline,
                    "editable": view.editable,
                    "late": view.late,
                    "closed": view.closed,
                    "assigned": [
                        {**module(m), "programme": programme} for m, programme in view.assigned
                    ],
                    "choices": [module(m) for m in view.choices],
                    "chosen": sorted(view.chosen),
                }
            ).data
        )


# Year summaries and the report ------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="Year summaries: mine, and those of the people in my reach (managers)"
    ),
    retrieve=extend_schema(summary="One year summary"),
)
class YearSummaryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = s.YearSummarySerializer
    filterset_class = filters.YearSummaryFilter
    ordering_fields = ["user__name_sort", "school_year", "status", "updated_at"]
    ordering = ["-school_year", "user__name_sort", "pk"]

    def get_queryset(self):
        return selectors.summaries_visible_to(self.request.user)


class CompletionReportView(APIView):
    """Completion of the year's plan by unit: the admin's report "BDTX completion by unit"
    (training.reports), row for row, from the same selector."""

    permission_classes = [CanReadSummaries]

    @extend_schema(
        summary="Completion by unit for a school year: the numbers of the admin's report",
        parameters=[s.CompletionReportQuery],
        responses=s.CompletionReportSerializer,
    )
    def get(self, request):
        query = self.query(request)
        if "unit" in query:
            unit = units_visible_to(request.user).filter(pk=query["unit"]).first()
            if unit is None:
                raise NotFound()
        else:
            unit = report_root_unit(request.user)
        school_year = query.get("school_year") or current_school_year(timezone.localdate())
        rows = []
        if unit is not None:
            rows = completion_by_unit(
                user=request.user,
                school_year=school_year,
                unit=unit,
                school_level=query.get("school_level", ""),
                position=query.get("position", ""),
                status=query.get("status", ""),
            )
        total = UnitCompletion(
            unit=unit,
            teachers=sum(row.teachers for row in rows),
            completed=sum(row.completed for row in rows),
            not_completed=sum(row.not_completed for row in rows),
        )
        return Response(
            s.CompletionReportSerializer(
                {"school_year": school_year, "unit": unit, "rows": rows, "total": total}
            ).data
        )

    @staticmethod
    def query(request) -> dict:
        serializer = s.CompletionReportQuery(data=request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


ROUTES = [
    ("units", UnitViewSet, "unit"),
    ("staff", StaffViewSet, "staff"),
    ("enrolments", EnrolmentViewSet, "enrolment"),
    ("progress", ProgressViewSet, "progress"),
    ("attempts", AttemptViewSet, "attempt"),
    ("trainings", TrainingRecordViewSet, "training-record"),
    ("plans", PlanViewSet, "plan"),
    ("year-summaries", YearSummaryViewSet, "year-summary"),
    *YEARLY_REPORT_ROUTES,
]
#: (path, view, name) of the API views that are not viewsets.
PATHS = [("reports/completion/", CompletionReportView.as_view(), "report-completion")]
