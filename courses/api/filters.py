"""Filters of the content API, with the parameters and meaning of the site's own pages: the
library's ?q=&type=&subject=&level=&lang=&licence= (values of one facet OR, facets AND; words
matched with or without diacritics), the programme pages' ?year=&programme=&level=&criterion=."""

import re

import django_filters
from django import forms
from django.db.models import Value
from django.db.models.functions import Length, Substr
from django_filters.widgets import QueryArrayWidget
from drf_spectacular.utils import extend_schema_field

from courses.choices import ProgrammeKind
from courses.models import (
    Criterion,
    LessonPage,
    ModulePage,
    ProgrammePage,
    ResourcePage,
    Standard,
)
from courses.school_year import SCHOOL_YEAR_PATTERN
from courses.selectors import FACETS, MAX_VALUES_PER_FACET, resources_matching

MAX_CODES = MAX_VALUES_PER_FACET
#: The largest id a database key holds (a 64-bit signed integer): larger ones are refused
#: before they reach the database, which would fail on them.
MAX_ID = 2**63 - 1
_CODE = re.compile(r"^[-a-zA-Z0-9_]{1,64}$")


class IdFilter(django_filters.NumberFilter):
    """An id: a whole number from 1 to MAX_ID (anything else is a 400, never a database
    error)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


def with_parent_path(queryset, steplen: int):
    """Annotate `parent_path`: a page's parent is the page whose path is its own minus one step."""
    return queryset.annotate(parent_path=Substr("path", Value(1), Length("path") - Value(steplen)))


def children_of(queryset, parents, steplen: int):
    paths = list(parents.values_list("path", flat=True))
    return with_parent_path(queryset, steplen).filter(parent_path__in=paths)


class ProgrammeFilter(django_filters.FilterSet):
    year = django_filters.CharFilter(field_name="school_year", help_text="e.g. 2026-2027")
    kind = django_filters.ChoiceFilter(choices=ProgrammeKind.choices)

    class Meta:
        model = ProgrammePage
        fields = ["year", "kind"]


class ModuleFilter(django_filters.FilterSet):
    year = django_filters.CharFilter(method="filter_year", help_text="School year, e.g. 2026-2027.")
    programme = django_filters.ChoiceFilter(
        choices=ProgrammeKind.choices, method="filter_programme", help_text="Programme kind."
    )
    programme_id = IdFilter(method="filter_programme_id")
    level = django_filters.CharFilter(method="filter_level", help_text="School level code.")
    criterion = IdFilter(method="filter_criterion", help_text="Criterion id.")
    code = django_filters.CharFilter(field_name="code", lookup_expr="iexact")

    class Meta:
        model = ModulePage
        fields = ["year", "programme", "programme_id", "level", "criterion", "code"]

    def _under(self, queryset, programmes):
        return children_of(queryset, programmes, ModulePage.steplen)

    def filter_year(self, queryset, name, value):
        if not SCHOOL_YEAR_PATTERN.match(value):
            return queryset.none()
        return self._under(queryset, ProgrammePage.objects.filter(school_year=value))

    def filter_programme(self, queryset, name, value):
        return self._under(queryset, ProgrammePage.objects.filter(kind=value))

    def filter_programme_id(self, queryset, name, value):
        return self._under(queryset, ProgrammePage.objects.filter(pk=value))

    def filter_level(self, queryset, name, value):
        return queryset.filter(pk__in=ModulePage.objects.filter(levels__code=value).values("pk"))

    def filter_criterion(self, queryset, name, value):
        return queryset.filter(pk__in=ModulePage.objects.filter(criteria__pk=value).values("pk"))


class LessonFilter(django_filters.FilterSet):
    module = IdFilter(method="filter_module", help_text="Module id.")

    class Meta:
        model = LessonPage
        fields = ["module"]

    def filter_module(self, queryset, name, value):
        return children_of(queryset, ModulePage.objects.filter(pk=value), LessonPage.steplen)


class CodesField(forms.Field):
    widget = QueryArrayWidget

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        codes = [code.strip() for item in values for code in str(item).split(",")]
        # Codes look like codes; anything else is ignored, as on the library page.
        return [code for code in codes if _CODE.match(code)]


@extend_schema_field({"type": "array", "items": {"type": "string", "maxLength": 64}})
class FacetFilter(django_filters.Filter):
    """One or more codes of a library facet: ?subject=toan&subject=tieng-viet (or comma
    separated); a resource matches when it has any of them."""

    field_class = CodesField

    def __init__(self, *, facet, **kwargs):
        self.facet = facet
        kwargs.setdefault("help_text", f"Code(s) of {facet.field}; repeat for several.")
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        codes = list(dict.fromkeys(value or []))[:MAX_CODES]
        if not codes:
            return queryset
        lookup = {f"{self.facet.field}__code__in": codes}
        # A subquery rather than a join, so that no resource is listed twice.
        return queryset.filter(pk__in=ResourcePage.objects.filter(**lookup).values("pk"))


class _ResourceQuery(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", help_text="Words, with or without diacritics.")

    class Meta:
        model = ResourcePage
        fields = ["q"]

    def filter_q(self, queryset, name, value):
        return resources_matching(queryset, value[:200])


#: The library page's filters (courses.selectors.FACETS): values of one facet combine with OR,
#: facets with AND. A facet added to the library is a filter here too.
ResourceFilter = type(
    "ResourceFilter",
    (_ResourceQuery,),
    {"__module__": __name__, **{facet.param: FacetFilter(facet=facet) for facet in FACETS}},
)


class StandardFilter(django_filters.FilterSet):
    framework = IdFilter(field_name="framework_id")

    class Meta:
        model = Standard
        fields = ["framework"]


class CriterionFilter(django_filters.FilterSet):
    framework = IdFilter(field_name="framework_id")
    standard = IdFilter(field_name="standard_id")

    class Meta:
        model = Criterion
        fields = ["framework", "standard"]
