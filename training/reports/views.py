"""Completion of the yearly BDTX plan, by unit and by person, for school managers and office
staff. Both reports take the unit from `?unit=` (a unit out of reach answers 404) and share
the same filters; their spreadsheet exports hold exactly the rows and columns on screen."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.forms.utils import flatatt
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from courses.exports import SafeSpreadsheetExportMixin, dated_name
from courses.school_year import current_school_year, school_years_around
from training.models import PlanStatus, Position, Programme, SchoolLevel, Unit, User, YearStatus
from training.reports.charts import completion_rate_chart, hours_chart, status_chart
from training.reports.queries import (
    Pace,
    ReportScope,
    behind_plan,
    by_module,
    by_programme,
    status_counts,
)
from training.selectors import (
    TRAINEE_POSITIONS,
    UnitCompletion,
    completion_by_unit,
    report_root_unit,
    staff_search,
    trainees_with_status,
    units_visible_to,
)

#: Two em spaces a level: the unit menu's indentation.
INDENT = "\u2003\u2003"

#: The permission every report needs (school managers and office staff have it).
REPORT_PERMISSION = "training.view_yearsummary"


def _keep(queryset, name, value):
    """The filters only choose what the selectors count; they never filter a queryset."""
    return queryset


def _school_year_choices():
    return [(year, year) for year in school_years_around(timezone.localdate())]


class UnitChoiceField(forms.ModelChoiceField):
    """Units in tree order, each indented under its parent and followed by its code, so that a
    province's hundreds of units read as the tree they are (and typing a name jumps to it)."""

    @cached_property
    def base_depth(self) -> int:
        return self.queryset.aggregate(depth=Min("depth"))["depth"] or 1

    def label_from_instance(self, obj):
        return f"{INDENT * (obj.depth - self.base_depth)}{obj.name} ({obj.code})"


class UnitSelect(forms.Select):
    """The unit menu, written out in Python: Django renders each option through a template of
    its own, and a province's hundreds of units cost more that way than the report itself."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(option), SELECTED if str(option) in chosen else "", label)
                for option, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


SELECTED = mark_safe(" selected")  # noqa: S308 - a constant
ALL_UNITS = _("The top of my reach")


class UnitFilter(django_filters.ModelChoiceFilter):
    field_class = UnitChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", UnitSelect)
        kwargs.setdefault("empty_label", ALL_UNITS)
        super().__init__(*args, **kwargs)


def _units_in_reach(request):
    return (
        units_visible_to(request.user).only("pk", "name", "code", "depth", "path").order_by("path")
    )


class CompletionFilterSet(WagtailFilterSet):
    school_year = django_filters.ChoiceFilter(
        label=_("School year"),
        choices=_school_year_choices,
        empty_label=None,
        method=_keep,
    )
    unit = UnitFilter(label=_("Unit"), queryset=_units_in_reach, method=_keep)
    school_level = django_filters.ChoiceFilter(
        label=_("School level"), choices=SchoolLevel.choices, method=_keep
    )
    position = django_filters.ChoiceFilter(
        label=_("Position"),
        choices=[(value, Position(value).label) for value in TRAINEE_POSITIONS],
        method=_keep,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=YearStatus.choices, method=_keep
    )

    class Meta:
        model = User
        fields = []


class CompletionReportMixin(SafeSpreadsheetExportMixin):
    filterset_class = CompletionFilterSet
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        data.setdefault("school_year", current_school_year(timezone.localdate()))
        return {**super().get_filterset_kwargs(), "data": data}

    @cached_property
    def choices(self) -> dict:
        """The valid filter values (an invalid one is ignored, as Wagtail's reports do)."""
        form = self.filters.form
        return form.cleaned_data if form.is_valid() else {}

    @cached_property
    def school_year(self) -> str:
        return self.choices.get("school_year") or current_school_year(timezone.localdate())

    @cached_property
    def unit(self) -> Unit:
        wanted = self.request.GET.get("unit")
        if wanted:
            try:
                return units_visible_to(self.request.user).get(pk=int(wanted))
            except (ValueError, Unit.DoesNotExist):
                raise Http404 from None
        unit = report_root_unit(self.request.user)
        if unit is None:
            raise Http404
        return unit

    @property
    def narrowing(self) -> dict:
        return {
            "school_level": self.choices.get("school_level") or "",
            "position": self.choices.get("position") or "",
            "status": self.choices.get("status") or "",
        }

    def filter_queryset(self, queryset):
        return queryset

    @property
    def scope(self) -> ReportScope:
        return ReportScope(
            user=self.request.user,
            school_year=self.school_year,
            unit=self.unit,
            programme=self.choices.get("programme") or "",
            **self.narrowing,
        )

    def link(self, url_name: str, unit: Unit) -> str:
        """A report's address for `unit`, keeping the year and the other filters."""
        params = {"school_year": self.school_year, "unit": unit.pk}
        params.update({key: value for key, value in self.narrowing.items() if value})
        if self.choices.get("programme"):
            params["programme"] = self.choices["programme"]
        return f"{reverse(url_name)}?{urlencode(params)}"

    def get_page_subtitle(self):
        return f"{self.unit.name} · {self.school_year}"

    def get_filename(self):
        """The title, unit, year and day:
        "Hoàn thành BDTX theo đơn vị TR-SSH 2026-2027 2026-12-03"."""
        return dated_name(f"{self.get_page_title()} {self.unit.code} {self.school_year}")


class RateColumn(Column):
    """A rate in percent, written with its decimal point and a % sign."""

    def get_value(self, instance):
        return f"{super().get_value(instance)} %"


class CompletionByUnitView(CompletionReportMixin, ReportView):
    page_title = _("BDTX completion by unit")
    index_url_name = "training_reports:completion"
    index_results_url_name = "training_reports:completion_results"
    results_template_name = "training/reports/completion_results.html"
    paginate_by = 100
    list_export = ["unit.name", "teachers", "completed", "in_progress", "not_completed", "rate"]
    export_headings = {
        "unit.name": _("Unit"),
        "teachers": _("Teachers"),
        "completed": _("Completed"),
        "in_progress": _("In progress"),
        "not_completed": _("Not completed"),
        "rate": _("Completion rate (%)"),
    }

    def get_queryset(self) -> list[UnitCompletion]:
        return completion_by_unit(
            user=self.request.user, school_year=self.school_year, unit=self.unit, **self.narrowing
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = context["object_list"]
        context["chart"] = completion_rate_chart(rows)
        context["status_chart"] = status_chart(status_counts(rows))
        return context

    def row_url(self, row: UnitCompletion) -> str:
        if row.unit.is_school or row.unit.pk == self.unit.pk or not row.unit.numchild:
            return self.link("training_reports:teachers", row.unit)
        return self.link("training_reports:completion", row.unit)

    @cached_property
    def columns(self):
        headings = self.export_headings
        return [
            TitleColumn("unit", label=headings["unit.name"], get_url=self.row_url),
            Column("teachers", label=headings["teachers"]),
            Column("completed", label=headings["completed"]),
            Column("in_progress", label=headings["in_progress"]),
            Column("not_completed", label=headings["not_completed"]),
            RateColumn("rate", label=headings["rate"]),
        ]


class StatusColumn(Column):
    def get_value(self, instance):
        return YearStatus(instance.year_status).label


def _status_label(value) -> str:
    return str(YearStatus(value).label)


class TeachersCompletionView(CompletionReportMixin, ReportView):
    page_title = _("BDTX completion by person")
    index_url_name = "training_reports:teachers"
    index_results_url_name = "training_reports:teachers_results"
    is_searchable = True
    list_export = [
        "full_name",
        "username",
        "profile.unit.name",
        "profile.get_position_display",
        "hours_01",
        "hours_02",
        "hours_03",
        "hours_other",
        "year_status",
    ]
    export_headings = {
        "full_name": _("Full name"),
        "username": _("Staff code"),
        "profile.unit.name": _("Unit"),
        "profile.get_position_display": _("Position"),
        "hours_01": _("Programme 01 (tiết)"),
        "hours_02": _("Programme 02 (tiết)"),
        "hours_03": _("Programme 03 (tiết)"),
        "hours_other": _("Other training (tiết)"),
        "year_status": _("Status"),
    }
    custom_field_preprocess = {
        "year_status": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: _status_label,
            SafeSpreadsheetExportMixin.FORMAT_XLSX: _status_label,
        }
    }

    def get_queryset(self):
        people = trainees_with_status(
            user=self.request.user, school_year=self.school_year, unit=self.unit, **self.narrowing
        ).select_related("profile__unit")
        if self.search_query:
            return staff_search(people, self.search_query)
        return people.order_by("name_sort", "username")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": self.link("training_reports:completion", self.unit),
                "label": CompletionByUnitView.page_title,
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def person_url(self, person) -> str:
        """The person's page in the admin (training.admin_person), at the report's year."""
        url = reverse("training_review:person", args=[person.pk])
        return f"{url}?{urlencode({'school_year': self.school_year})}"

    @cached_property
    def columns(self):
        headings = self.export_headings
        return [
            TitleColumn("full_name", label=headings["full_name"], get_url=self.person_url),
            Column("username", label=headings["username"]),
            Column("unit", label=headings["profile.unit.name"], accessor="profile.unit.name"),
            Column(
                "position",
                label=headings["profile.get_position_display"],
                accessor="profile.get_position_display",
            ),
            Column("hours_01", label=headings["hours_01"]),
            Column("hours_02", label=headings["hours_02"]),
            Column("hours_03", label=headings["hours_03"]),
            Column("hours_other", label=headings["hours_other"]),
            StatusColumn("year_status", label=headings["year_status"]),
        ]


# By programme, by module, behind the plan -----------------------------------------------------


class ProgrammeFilterSet(CompletionFilterSet):
    programme = django_filters.ChoiceFilter(
        label=_("Programme"), choices=Programme.choices, method=_keep
    )

    class Meta(CompletionFilterSet.Meta):
        pass


class ScoreColumn(Column):
    def get_value(self, instance):
        value = instance.average_score
        return "" if value is None else f"{value}"


class ChoiceLabelColumn(Column):
    """A stored choice shown by its label (`labels`: value -> label)."""

    def __init__(self, name, *, labels: dict, **kwargs):
        super().__init__(name, **kwargs)
        self.labels = labels

    def get_value(self, instance):
        return self.labels.get(super().get_value(instance), "")


def _score(value):
    return "" if value is None else value


class ProgrammeReportView(CompletionReportMixin, ReportView):
    page_title = _("BDTX by programme")
    index_url_name = "training_reports:programmes"
    index_results_url_name = "training_reports:programmes_results"
    results_template_name = "training/reports/charts_results.html"
    filterset_class = ProgrammeFilterSet
    header_icon = "list-ul"
    list_export = [
        "label",
        "enrolled",
        "completed",
        "average_score",
        "hours",
        "people_with_hours",
    ]
    export_headings = {
        "label": _("Programme"),
        "enrolled": _("Module enrolments"),
        "completed": _("Modules completed"),
        "average_score": _("Average score"),
        "hours": _("Tiết credited"),
        "people_with_hours": _("People credited"),
    }
    custom_field_preprocess = {
        "average_score": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: _score,
            SafeSpreadsheetExportMixin.FORMAT_XLSX: _score,
        }
    }

    def get_queryset(self):
        return by_programme(self.scope)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["charts"] = [hours_chart(context["object_list"])]
        return context

    @cached_property
    def columns(self):
        headings = self.export_headings
        return [
            Column("label", label=headings["label"]),
            Column("enrolled", label=headings["enrolled"]),
            Column("completed", label=headings["completed"]),
            ScoreColumn("average_score", label=headings["average_score"]),
            Column("hours", label=headings["hours"]),
            Column("people_with_hours", label=headings["people_with_hours"]),
        ]


class ModuleReportView(CompletionReportMixin, ReportView):
    page_title = _("BDTX by module")
    index_url_name = "training_reports:modules"
    index_results_url_name = "training_reports:modules_results"
    filterset_class = ProgrammeFilterSet
    header_icon = "list-ul"
    paginate_by = 100
    list_export = [
        "programme_label",
        "code",
        "title",
        "enrolled",
        "completed",
        "completion_rate",
        "average_score",
        "hours",
    ]
    export_headings = {
        "programme_label": _("Programme"),
        "code": _("Module code"),
        "title": _("Module"),
        "enrolled": _("Enrolled"),
        "completed": _("Completed"),
        "completion_rate": _("Completion rate (%)"),
        "average_score": _("Average score"),
        "hours": _("Tiết credited"),
    }
    custom_field_preprocess = ProgrammeReportView.custom_field_preprocess

    def get_queryset(self):
        return by_module(self.scope)

    @cached_property
    def columns(self):
        headings = self.export_headings
        return [
            Column("programme_label", label=headings["programme_label"]),
            Column("code", label=headings["code"]),
            Column("title", label=headings["title"]),
            Column("enrolled", label=headings["enrolled"]),
            Column("completed", label=headings["completed"]),
            RateColumn("completion_rate", label=headings["completion_rate"]),
            ScoreColumn("average_score", label=headings["average_score"]),
            Column("hours", label=headings["hours"]),
        ]


def _plan_status_label(value) -> str:
    return str(PlanStatus(value).label) if value else str(NO_PLAN)


NO_PLAN = _("No plan")


class BehindPlanView(CompletionReportMixin, ReportView):
    page_title = _("Behind the BDTX plan")
    index_url_name = "training_reports:behind"
    index_results_url_name = "training_reports:behind_results"
    filterset_class = ProgrammeFilterSet
    header_icon = "warning"
    is_searchable = True
    list_export = [
        "full_name",
        "username",
        "profile.unit.name",
        "profile.get_position_display",
        "plan_status",
        "planned",
        "done",
        "short_of_plan",
        "target",
        "expected",
        "short_of_target",
    ]
    export_headings = {
        "full_name": _("Full name"),
        "username": _("Staff code"),
        "profile.unit.name": _("Unit"),
        "profile.get_position_display": _("Position"),
        "plan_status": _("Plan"),
        "planned": _("Planned (tiết)"),
        "done": _("Done (tiết)"),
        "short_of_plan": _("Short of the plan (tiết)"),
        "target": _("Target (tiết)"),
        "expected": _("Expected by today (tiết)"),
        "short_of_target": _("Short of the target (tiết)"),
    }
    custom_field_preprocess = {
        "plan_status": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: _plan_status_label,
            SafeSpreadsheetExportMixin.FORMAT_XLSX: _plan_status_label,
        }
    }

    @cached_property
    def pace(self) -> Pace:
        return Pace.of(self.school_year, timezone.localdate())

    def get_queryset(self):
        people = behind_plan(self.scope, today=timezone.localdate())
        if self.search_query:
            return staff_search(people, self.search_query).order_by(
                "-short_of_target", "name_sort", "username"
            )
        return people

    def get_page_subtitle(self):
        return _("%(unit)s · %(year)s · %(percent)s %% of the study time gone by") % {
            "unit": self.unit.name,
            "year": self.school_year,
            "percent": self.pace.percent,
        }

    @cached_property
    def columns(self):
        headings = self.export_headings
        labels = {"": NO_PLAN, **dict(PlanStatus.choices)}
        return [
            Column("full_name", label=headings["full_name"]),
            Column("username", label=headings["username"]),
            Column("unit", label=headings["profile.unit.name"], accessor="profile.unit.name"),
            Column(
                "position",
                label=headings["profile.get_position_display"],
                accessor="profile.get_position_display",
            ),
            ChoiceLabelColumn("plan_status", label=headings["plan_status"], labels=labels),
            Column("planned", label=headings["planned"]),
            Column("done", label=headings["done"]),
            Column("short_of_plan", label=headings["short_of_plan"]),
            Column("target", label=headings["target"]),
            Column("expected", label=headings["expected"]),
            Column("short_of_target", label=headings["short_of_target"]),
        ]


#: (route, view, URL name) of the reports beside completion by unit and by person, in the order
#: of the "BDTX reports" menu (training.wagtail_hooks registers them).
MORE_REPORTS = [
    ("programmes", ProgrammeReportView, "programmes"),
    ("modules", ModuleReportView, "modules"),
    ("behind", BehindPlanView, "behind"),
]
