"""Wagtail's own admin screens under the reach rule.

Wagtail shows a log entry to anyone holding any permission on the logged object's model; our
people's records are scoped by units instead (training.selectors is the one place of the reach
rule). `log_entries_visible_to` narrows Wagtail's answer: an entry about a person, or about
something belonging to a person or a unit, is shown only when that person or unit is within
the viewer's reach (their own actions stay visible). The site history report, its filters and
its CSV/XLSX export read only that.

`urlpatterns` serve the report at Wagtail's own addresses (portal.urls includes them before
Wagtail's admin): only the class changes; Wagtail's names, templates and admin-access check
stay."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import APIToken, ModelLogEntry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from certificates.models import BulkIssue, Certificate
from portal.api.models import IdempotentRequest
from portal.models import PortalSession
from training.models import (
    Assignment,
    Attempt,
    Completion,
    Enrolment,
    EvidenceFile,
    LessonView,
    Notification,
    PlanEvent,
    PlanItem,
    ReportDeadline,
    StaffProfile,
    TrainingPlan,
    TrainingRecord,
    Unit,
    YearClosure,
    YearReportSubmission,
    YearSummary,
)
from training.reports.exports import SafeSpreadsheetExportMixin
from training.selectors import staff_visible_to, units_visible_to
from xapi.models import Statement

User = get_user_model()

#: Models whose objects belong to a person: model -> the path from it to that person.
PERSON_PATHS = {
    User: "pk",
    StaffProfile: "user",
    Notification: "recipient",
    Assignment: "assigned_by",
    Enrolment: "user",
    LessonView: "enrolment__user",
    Attempt: "enrolment__user",
    Completion: "user",
    TrainingPlan: "user",
    PlanItem: "plan__user",
    PlanEvent: "plan__user",
    TrainingRecord: "user",
    EvidenceFile: "record__user",
    YearSummary: "user",
    Certificate: "holder",
    APIToken: "user",
    IdempotentRequest: "user",
    Statement: "user",
    PortalSession: "user",
}

#: Models whose objects belong to a unit: model -> the path from it to that unit.
UNIT_PATHS = {
    Unit: "pk",
    YearClosure: "unit",
    ReportDeadline: "unit",
    YearReportSubmission: "unit",
    BulkIssue: "unit",
}


def _object_keys(model, lookup: str, allowed: QuerySet) -> QuerySet:
    """The primary keys, as log entries store them (text), of `model`'s objects whose
    `lookup` is among `allowed`."""
    return (
        model._default_manager.filter(**{f"{lookup}__in": allowed.values("pk")})
        .annotate(log_key=Cast("pk", output_field=CharField()))
        .values("log_key")
    )


def reach_condition(user) -> Q:
    """Which ModelLogEntry rows a person may see by the reach rule: entries about models that
    belong to no person or unit, entries about objects of people and units within their
    reach, and their own actions."""
    people, units = staff_visible_to(user), units_visible_to(user)
    scoped = {m: (p, people) for m, p in PERSON_PATHS.items()}
    scoped |= {m: (p, units) for m, p in UNIT_PATHS.items()}
    content_types = ContentType.objects.get_for_models(*scoped, for_concrete_models=False)
    condition = ~Q(content_type__in=list(content_types.values())) | Q(user=user)
    for model, (lookup, allowed) in scoped.items():
        condition |= Q(
            content_type=content_types[model],
            object_id__in=_object_keys(model, lookup, allowed),
        )
    return condition


def log_entries_visible_to(user, log_model) -> QuerySet:
    """Wagtail's `viewable_by_user` (a permission on the object's model) narrowed by the reach
    rule. Page history is Wagtail's own (page permissions); superusers see everything."""
    entries = log_model.objects.viewable_by_user(user)
    if user.is_superuser or not issubclass(log_model, ModelLogEntry):
        return entries
    return entries.filter(reach_condition(user))


def _visible(user):
    return [log_entries_visible_to(user, m) for m in log_action_registry.get_log_entry_models()]


def _users_for_filter(user):
    ids = set().union(*(entries.get_user_ids() for entries in _visible(user)))
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def _content_types_for_filter(request):
    ids = set().union(*(entries.get_content_type_ids() for entries in _visible(request.user)))
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The report's filters offer only the people, types and actions of entries one may see."""

    object_type = ContentTypeFilter(
        label=SiteHistoryReportFilterSet.base_filters["object_type"].label,
        method="filter_object_type",
        queryset=_content_types_for_filter,
    )

    def get_action_choices(self):
        used = set().union(*(entries.get_actions() for entries in _visible(self.request.user)))
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_user_choices(self):
        return _users_for_filter(self.request.user)


class ScopedLogEntriesView(SafeSpreadsheetExportMixin, LogEntriesView):
    """Wagtail's site history, of the entries one may see, exported through the one safe path."""

    filterset_class = ScopedSiteHistoryFilterSet

    def get_filtered_queryset(self):
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            rows = (
                log_entries_visible_to(self.request.user, log_model)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            rows = self.filter_queryset(rows).order_by()
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp")


#: Under /admin/ (portal.urls includes these before Wagtail's admin).
urlpatterns = decorate_urlpatterns(
    [
        path("reports/site-history/", ScopedLogEntriesView.as_view()),
        path("reports/site-history/results/", ScopedLogEntriesView.as_view(results_only=True)),
    ],
    require_admin_access,
)
