"""The yearly report's admin screens: a unit's report (figures, header, PDF, spreadsheet,
sending it upward), the reports received from the units below, one report as sent, and the
deadlines. Units and submissions come from selectors scoped by `units_visible_to`: anything
outside reach answers 404."""

from datetime import date, datetime

import django_filters
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from courses.exports import SafeSpreadsheetExportMixin, attach, dated_name
from courses.school_year import current_school_year, school_years_around
from training.forms import errors_to_form
from training.models import Unit, User, YearReportSubmission
from training.selectors import report_root_unit, units_visible_to
from training.yearly_report.documents import (
    default_header,
    render_pdf,
    render_xlsx,
    report_data,
)
from training.yearly_report.forms import DeadlineForm, HeaderForm
from training.yearly_report.selectors import (
    SubmissionState,
    UnitSubmission,
    current_submission,
    deadline_for,
    deadlines_visible_to,
    default_deadline,
    submission_history,
    submissions_below,
    submissions_visible_to,
    yearly_figures,
)
from training.yearly_report.services import header_clean, report_deadline_set, year_report_submit

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

STATE_LABELS = {
    SubmissionState.SUBMITTED: _("Sent on time"),
    SubmissionState.LATE: _("Sent late"),
    SubmissionState.MISSING: _("Not sent yet"),
    SubmissionState.OVERDUE: _("Not sent, deadline passed"),
}


def _school_years():
    return school_years_around(timezone.localdate())


def _unit_in_reach(user, wanted) -> Unit:
    """The unit named by `?unit=` when within reach (404 otherwise), else the top of reach."""
    if wanted:
        try:
            return units_visible_to(user).get(pk=int(wanted))
        except (ValueError, Unit.DoesNotExist):
            raise Http404 from None
    unit = report_root_unit(user)
    if unit is None:
        raise Http404
    return unit


def _school_year(value) -> str:
    return value if value in _school_years() else current_school_year(timezone.localdate())


def can_submit_for(user: User, unit: Unit) -> bool:
    """Whether to offer the "send" button (the service decides again)."""
    if not user.has_perm("training.submit_yearreport") or unit.is_root():
        return False
    own = getattr(getattr(user, "profile", None), "unit_id", None)
    return user.is_superuser or own == unit.pk


def _download(content: bytes, content_type: str, name: str, extension: str) -> HttpResponse:
    return attach(HttpResponse(bytes(content), content_type=content_type), name, extension)


def _filename(data: dict) -> str:
    """The report's file name without its extension: "Báo cáo BDTX XA-PT 2026-2027"."""
    return f"Báo cáo BDTX {data['unit']['code']} {data['school_year']}"


class AdminPage(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    raise_exception = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


# A unit's report ----------------------------------------------------------------------------------


class YearlyReportView(AdminPage):
    permission_required = ("training.view_yearsummary",)
    template_name = "training/yearly_report/report.html"
    page_title = _("Yearly BDTX report")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        params = request.POST if request.method == "POST" else request.GET
        self.unit = _unit_in_reach(request.user, params.get("unit"))
        self.school_year = _school_year(params.get("school_year"))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.unit.name} · {self.school_year}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        current = current_submission(unit=self.unit, school_year=self.school_year)
        if "form" not in kwargs:
            last = (
                YearReportSubmission.objects.filter(unit=self.unit)
                .order_by("-submitted_at")
                .values_list("data", flat=True)
                .first()
            )
            context["form"] = HeaderForm(
                initial=default_header(
                    unit=self.unit, user=user, previous=(last or {}).get("header")
                )
            )
        rows, total = yearly_figures(user=user, unit=self.unit, school_year=self.school_year)
        context.update(
            unit=self.unit,
            school_year=self.school_year,
            school_years=_school_years(),
            units=units_visible_to(user).order_by("path"),
            rows=rows,
            total=total,
            deadline=deadline_for(unit=self.unit, school_year=self.school_year),
            current=current,
            history=list(submission_history(unit=self.unit, school_year=self.school_year)[:20]),
            can_submit=can_submit_for(user, self.unit),
            parent=self.unit.get_parent(),
            received_url=(
                f"{reverse('yearly_report:received')}?"
                f"{urlencode({'unit': self.unit.pk, 'school_year': self.school_year})}"
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = HeaderForm(request.POST)
        action = request.POST.get("action")
        if action not in ("pdf", "xlsx", "submit"):
            return HttpResponse(status=400)
        if form.is_valid():
            try:
                if action == "submit":
                    return self.submit(form)
                header = header_clean(form.cleaned_data)
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                data = report_data(
                    user=request.user, unit=self.unit, school_year=self.school_year, header=header
                )
                if action == "pdf":
                    return _download(render_pdf(data), PDF, _filename(data), "pdf")
                return _download(render_xlsx(data), XLSX, _filename(data), "xlsx")
        return self.render_to_response(self.get_context_data(form=form))

    def submit(self, form):
        try:
            submission = year_report_submit(
                unit=self.unit,
                school_year=self.school_year,
                header=form.cleaned_data,
                acting_user=self.request.user,
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=403)
        if submission.late:
            messages.warning(
                self.request,
                _("The report is sent, after the deadline of %(day)s: it is marked late.")
                % {"day": date_format(submission.deadline, "SHORT_DATE_FORMAT")},
            )
        else:
            messages.success(
                self.request,
                _("The report is sent to %(unit)s.") % {"unit": submission.receiving_unit.name},
            )
        return redirect("yearly_report:submission", pk=submission.pk)


# Reports received ---------------------------------------------------------------------------------


def _keep(queryset, name, value):
    return queryset


class ReceivedFilterSet(WagtailFilterSet):
    school_year = django_filters.ChoiceFilter(
        label=_("School year"),
        choices=lambda: [(year, year) for year in _school_years()],
        empty_label=None,
        method=_keep,
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=lambda request: units_visible_to(request.user).order_by("path"),
        method=_keep,
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"), choices=list(STATE_LABELS.items()), method=_keep
    )

    class Meta:
        model = YearReportSubmission
        fields = []


class StateColumn(Column):
    def get_value(self, instance):
        return STATE_LABELS[instance.state]


class DateColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        if not isinstance(value, date) or hasattr(value, "hour"):
            return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        return date_format(value, "SHORT_DATE_FORMAT")


def _state_label(value) -> str:
    return str(STATE_LABELS[value])


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


class ReceivedReportsView(SafeSpreadsheetExportMixin, ReportView):
    """Who below an office has sent the year's report, when, and who has not."""

    page_title = _("Yearly reports received")
    header_icon = "mail"
    index_url_name = "yearly_report:received"
    index_results_url_name = "yearly_report:received_results"
    filterset_class = ReceivedFilterSet
    paginate_by = 100
    list_export = [
        "unit.name",
        "unit.code",
        "deadline",
        "state",
        "submitted_at",
        "submitted_by",
    ]
    export_headings = {
        "unit.name": _("Unit"),
        "unit.code": _("Code"),
        "deadline": _("Report deadline"),
        "state": _("Status"),
        "submitted_at": _("Sent at"),
        "submitted_by": _("Sent by"),
    }
    custom_field_preprocess = {
        "state": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: _state_label,
            SafeSpreadsheetExportMixin.FORMAT_XLSX: _state_label,
        },
        "submitted_at": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: _when,
            SafeSpreadsheetExportMixin.FORMAT_XLSX: _when,
        },
        "submitted_by": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: lambda v: str(v or ""),
            SafeSpreadsheetExportMixin.FORMAT_XLSX: lambda v: str(v or ""),
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("training.view_yearreportsubmission"):
            raise PermissionDenied
        self.unit = _unit_in_reach(request.user, request.GET.get("unit"))
        self.school_year = _school_year(request.GET.get("school_year"))
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        data.setdefault("school_year", self.school_year)
        return {**super().get_filterset_kwargs(), "data": data}

    def filter_queryset(self, queryset):
        return queryset

    def get_queryset(self) -> list[UnitSubmission]:
        state = self.request.GET.get("state", "")
        return submissions_below(
            user=self.request.user,
            unit=self.unit,
            school_year=self.school_year,
            state=state if state in STATE_LABELS else "",
        )

    def get_page_subtitle(self):
        return f"{self.unit.name} · {self.school_year}"

    def get_filename(self):
        return dated_name(f"{self.get_page_title()} {self.unit.code} {self.school_year}")

    def row_url(self, row: UnitSubmission) -> str | None:
        if row.submission is not None:
            return reverse("yearly_report:submission", args=[row.submission.pk])
        return None

    @cached_property
    def columns(self):
        headings = self.export_headings
        return [
            TitleColumn("unit", label=headings["unit.name"], get_url=self.row_url),
            Column("code", label=headings["unit.code"], accessor="unit.code"),
            DateColumn("deadline", label=headings["deadline"]),
            StateColumn("state", label=headings["state"]),
            DateColumn("submitted_at", label=headings["submitted_at"]),
            Column("submitted_by", label=headings["submitted_by"]),
        ]


class SubmissionView(AdminPage):
    """One report as it was sent, with the unit's earlier sendings for the year."""

    permission_required = ("training.view_yearreportsubmission",)
    template_name = "training/yearly_report/submission.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.submission = get_object_or_404(submissions_visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Yearly report %(year)s: %(unit)s") % {
            "year": self.submission.school_year,
            "unit": self.submission.unit.name,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.submission.data
        context.update(
            submission=self.submission,
            data=data,
            as_of=datetime.fromisoformat(data["as_of"]),
            rows=data["rows"],
            total=data["total"],
            history=list(
                submission_history(
                    unit=self.submission.unit, school_year=self.submission.school_year
                )
            ),
        )
        return context


class SubmissionFileView(PermissionRequiredMixin, View):
    permission_required = ("training.view_yearreportsubmission",)
    raise_exception = True

    def get(self, request, pk, kind):
        found = get_object_or_404(
            YearReportSubmission.objects.filter(
                pk__in=submissions_visible_to(request.user).values("pk")
            ).only("pk", kind, "data", "unit_id", "school_year"),
            pk=pk,
        )
        content_type = PDF if kind == "pdf" else XLSX
        return _download(getattr(found, kind), content_type, _filename(found.data), kind)


# Deadlines ---------------------------------------------------------------------------------------


class DeadlinesView(AdminPage):
    permission_required = ("training.view_reportdeadline",)
    template_name = "training/yearly_report/deadlines.html"
    page_title = _("Yearly report deadlines")
    header_icon = "date"

    def units(self):
        return units_visible_to(self.request.user).filter(numchild__gt=0).order_by("path")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = current_school_year(timezone.localdate())
        context.update(
            deadlines=list(deadlines_visible_to(self.request.user).order_by("-school_year")[:100]),
            can_change=self.request.user.has_perm("training.change_reportdeadline"),
            example_year=year,
            example_default=default_deadline(year),
            form=kwargs.get("form") or DeadlineForm(units=self.units()),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("training.change_reportdeadline"):
            raise PermissionDenied
        form = DeadlineForm(request.POST, units=self.units())
        if form.is_valid():
            try:
                report_deadline_set(acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                messages.success(request, _("The deadline is saved."))
                return redirect("yearly_report:deadlines")
        return self.render_to_response(self.get_context_data(form=form))
