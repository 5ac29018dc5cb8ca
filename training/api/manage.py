"""Managers' actions that the admin also offers, through the same services: closing and
reopening a school year for a unit, and the yearly targets. (Correcting an approved record and
reopening a plan are actions of the records' and plans' viewsets in training.api.views.) Role
permissions are checked first (403), then reach: an object outside it is not found (404), and
an id in the body outside it is refused like an unknown one; the services check both again."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from courses.api.filters import MAX_ID, IdFilter
from training.api import selectors as api_selectors
from training.api import serializers as s
from training.api.permissions import role_permission
from training.api.views import ApiViewSet
from training.models import Audience, YearClosure, YearTarget
from training.selectors import closures_in_reach, may_change_province_settings, units_visible_to
from training.services import ERROR_PROVINCE_SETTINGS, year_close, year_reopen, year_target_set

CanCloseYears = role_permission("training.close_schoolyear")
CanReadTargets = role_permission("training.view_yeartarget")
CanSetTargets = role_permission("training.view_yeartarget", "training.change_yeartarget")


class ChangesProvinceSettings(BasePermission):
    """What holds for the whole province (the yearly targets) is changed only by the
    department's office or a superuser (training.selectors.may_change_province_settings)."""

    message = ERROR_PROVINCE_SETTINGS

    def has_permission(self, request, view):
        return may_change_province_settings(request.user)


def _unit_in_reach(user, pk: int):
    """The unit a body names, when within reach; else 404, as for a unit in the address."""
    unit = units_visible_to(user).filter(pk=pk).first()
    if unit is None:
        raise NotFound()
    return unit


# Inputs and outputs -----------------------------------------------------------------------------


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, max_length=2000)


class YearCloseInput(serializers.Serializer):
    school_year = s.SchoolYearField()
    unit = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="A unit within your reach (else 404)."
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class YearClosureSerializer(serializers.ModelSerializer):
    unit = s.UnitRefSerializer()
    closed_by = s.PersonRefSerializer(allow_null=True)
    reopened_by = s.PersonRefSerializer(allow_null=True)
    reopened = serializers.SerializerMethodField(help_text="Undone: the closure no longer holds.")

    class Meta:
        model = YearClosure
        fields = [
            "id",
            "school_year",
            "unit",
            "closed_at",
            "closed_by",
            "reason",
            "reopened_at",
            "reopened_by",
            "reopen_reason",
            "reopened",
        ]

    def get_reopened(self, closure) -> bool:
        return closure.reopened_at is not None


class YearTargetSerializer(serializers.ModelSerializer):
    total = serializers.SerializerMethodField()

    class Meta:
        model = YearTarget
        fields = [
            "id",
            "school_year",
            "audience",
            "hours_01",
            "hours_02",
            "hours_03",
            "total",
            "plan_deadline",
            "updated_at",
        ]

    def get_total(self, target) -> int:
        return target.hours_01 + target.hours_02 + target.hours_03


class YearTargetInput(serializers.Serializer):
    school_year = s.SchoolYearField()
    audience = serializers.ChoiceField(choices=Audience.choices)
    hours_01 = serializers.IntegerField(min_value=0, max_value=32767)
    hours_02 = serializers.IntegerField(min_value=0, max_value=32767)
    hours_03 = serializers.IntegerField(min_value=0, max_value=32767)
    plan_deadline = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Default: 31 May of the year."
    )


# Closing a school year --------------------------------------------------------------------------


class YearClosureFilter(django_filters.FilterSet):
    school_year = django_filters.CharFilter()
    unit = IdFilter(field_name="unit_id")
    reopened = django_filters.BooleanFilter(
        field_name="reopened_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = YearClosure
        fields = ["school_year", "unit", "reopened"]


@extend_schema_view(
    list=extend_schema(summary="School years closed for the units in my reach (managers)"),
    retrieve=extend_schema(summary="One closure of a school year in my reach (managers)"),
)
class YearClosureViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = YearClosureSerializer
    filterset_class = YearClosureFilter
    permission_classes = [CanCloseYears]
    ordering_fields = ["closed_at", "school_year"]
    ordering = ["-closed_at", "-pk"]

    def get_queryset(self):
        return closures_in_reach(self.request.user)

    @extend_schema(
        summary="Close a school year for a unit in my reach and every unit below it (managers)",
        request=YearCloseInput,
        responses={201: YearClosureSerializer},
    )
    def create(self, request):
        data = self.input(YearCloseInput)
        closure = year_close(
            acting_user=request.user, unit=_unit_in_reach(request.user, data.pop("unit")), **data
        )
        return self.output(
            YearClosureSerializer,
            self.get_queryset().get(pk=closure.pk),
            status_code=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Undo a closure in my reach, saying why (managers)",
        request=ReasonInput,
        responses=YearClosureSerializer,
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        closure = self.get_object()
        data = self.input(ReasonInput)
        closure = year_reopen(closure=closure, acting_user=request.user, **data)
        return self.output(YearClosureSerializer, self.get_queryset().get(pk=closure.pk))


# Yearly targets ---------------------------------------------------------------------------------


class YearTargetFilter(django_filters.FilterSet):
    school_year = django_filters.CharFilter()
    audience = django_filters.ChoiceFilter(choices=Audience.choices)

    class Meta:
        model = YearTarget
        fields = ["school_year", "audience"]


@extend_schema_view(
    list=extend_schema(summary="The yearly targets, by school year and audience (managers)"),
    retrieve=extend_schema(summary="One yearly target (managers)"),
)
class YearTargetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    """The targets hold for everyone of an audience, across the province: managers read
    them; only the department's office staff (or a superuser) set them."""

    serializer_class = YearTargetSerializer
    filterset_class = YearTargetFilter
    ordering_fields = ["school_year", "audience"]
    ordering = ["-school_year", "audience"]

    def get_permissions(self):
        if self.action == "create":
            return [CanSetTargets(), ChangesProvinceSettings()]
        return [CanReadTargets()]

    def get_queryset(self):
        return api_selectors.year_targets()

    @extend_schema(
        summary="Set the target of a school year for an audience; the year's summaries follow "
        "(the department's office staff)",
        request=YearTargetInput,
        responses={201: YearTargetSerializer, 200: YearTargetSerializer},
    )
    def create(self, request):
        data = self.input(YearTargetInput)
        existed = (
            self.get_queryset()
            .filter(school_year=data["school_year"], audience=data["audience"])
            .exists()
        )
        target = year_target_set(acting_user=request.user, **data)
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return self.output(YearTargetSerializer, target, status_code=code)


ROUTES = [
    ("year-closures", YearClosureViewSet, "year-closure"),
    ("year-targets", YearTargetViewSet, "year-target"),
]
