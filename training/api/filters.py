"""Filters of the training API. Search finds names with or without diacritics through
training.selectors.staff_search and the units' folded names, as the site's own lists do."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.api.filters import IdFilter
from courses.text import fold
from training.models import (
    Attempt,
    Audience,
    Enrolment,
    EnrolmentSource,
    LessonView,
    PlanStatus,
    Position,
    Programme,
    RecordStatus,
    TrainingPlan,
    TrainingRecord,
    Unit,
    UnitKind,
    User,
    YearStatus,
    YearSummary,
)
from training.selectors import staff_search

MAX_WORDS = 8


class ScopeFilter(django_filters.ChoiceFilter):
    """?scope=mine (one's own, the default) or ?scope=reach (the people one manages). The view
    reads it to choose its selector; as a filter it only validates and documents it."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("mine", _("Mine")), ("reach", _("The people I manage"))],
            method=lambda queryset, name, value: queryset,
            help_text="mine (default): your own; reach: the people in the units you manage.",
            **kwargs,
        )


class IdsBelowFilter(IdFilter):
    """A unit id: rows whose unit is that unit or one below it."""

    def __init__(self, *, path_field: str, **kwargs):
        self.path_field = path_field
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value in (None, ""):
            return queryset
        unit = Unit.objects.filter(pk=value).only("path").first()
        if unit is None:
            return queryset.none()
        return queryset.filter(**{f"{self.path_field}__startswith": unit.path})


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q", help_text="Name or code, with or without diacritics."
    )
    kind = django_filters.ChoiceFilter(choices=UnitKind.choices)
    parent = IdFilter(method="filter_parent", help_text="Direct children of.")
    below = IdsBelowFilter(path_field="path", help_text="This unit and every unit below it.")

    class Meta:
        model = Unit
        fields = ["q", "kind", "parent", "below"]

    def filter_q(self, queryset, name, value):
        for word in fold(value).split()[:MAX_WORDS]:
            queryset = queryset.filter(Q(name_folded__contains=word) | Q(code__icontains=word))
        return queryset

    def filter_parent(self, queryset, name, value):
        parent = Unit.objects.filter(pk=value).only("path", "depth").first()
        if parent is None:
            return queryset.none()
        return queryset.filter(path__startswith=parent.path, depth=parent.depth + 1)


class StaffFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        help_text="Name or staff code, with or without diacritics (“nguyen thi huong”).",
    )
    unit = IdsBelowFilter(
        path_field="profile__unit__path", help_text="People of this unit and the units below."
    )
    position = django_filters.ChoiceFilter(field_name="profile__position", choices=Position.choices)

    class Meta:
        model = User
        fields = ["q", "unit", "position"]

    def filter_q(self, queryset, name, value):
        return staff_search(queryset, " ".join(value.split()[:MAX_WORDS]))


class EnrolmentFilter(django_filters.FilterSet):
    school_year = django_filters.CharFilter()
    programme = django_filters.ChoiceFilter(choices=Programme.choices)
    source = django_filters.ChoiceFilter(choices=EnrolmentSource.choices)
    completed = django_filters.BooleanFilter(
        field_name="completion", lookup_expr="isnull", exclude=True
    )
    module = IdFilter(field_name="module_id")

    class Meta:
        model = Enrolment
        fields = ["school_year", "programme", "source", "completed", "module"]


class LessonViewFilter(django_filters.FilterSet):
    module = IdFilter(field_name="enrolment__module_id")
    lesson = IdFilter(field_name="lesson_id")

    class Meta:
        model = LessonView
        fields = ["module", "lesson"]


class AttemptFilter(django_filters.FilterSet):
    module = IdFilter(field_name="enrolment__module_id")
    passed = django_filters.BooleanFilter()

    class Meta:
        model = Attempt
        fields = ["module", "passed"]


class TrainingRecordFilter(django_filters.FilterSet):
    scope = ScopeFilter()
    school_year = django_filters.CharFilter()
    status = django_filters.ChoiceFilter(choices=RecordStatus.choices)
    programme = django_filters.ChoiceFilter(choices=Programme.choices)
    person = IdFilter(field_name="user_id")
    unit = IdsBelowFilter(path_field="user__profile__unit__path")

    class Meta:
        model = TrainingRecord
        fields = ["scope", "school_year", "status", "programme", "person", "unit"]


class PlanFilter(django_filters.FilterSet):
    scope = ScopeFilter()
    school_year = django_filters.CharFilter()
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices)
    person = IdFilter(field_name="user_id")
    unit = IdsBelowFilter(path_field="user__profile__unit__path")

    class Meta:
        model = TrainingPlan
        fields = ["scope", "school_year", "status", "person", "unit"]


class YearSummaryFilter(django_filters.FilterSet):
    school_year = django_filters.CharFilter()
    status = django_filters.ChoiceFilter(choices=YearStatus.choices)
    audience = django_filters.ChoiceFilter(choices=Audience.choices)
    person = IdFilter(field_name="user_id")
    unit = IdsBelowFilter(
        path_field="unit__path", help_text="Summaries of this unit and the units below it."
    )

    class Meta:
        model = YearSummary
        fields = ["school_year", "status", "audience", "person", "unit"]
