from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter

from courses.hooks import LESSON_CONTEXT, MODULE_CONTEXT, QUIZ_SUBMITTED
from courses.models import LessonPage, ModulePage
from training import admin_person, admin_records, admin_views
from training.admin_panels import PendingReviewsPanel
from training.models import StaffProfile, Unit
from training.reminders import wagtail_hooks as _reminders  # noqa: F401 (registers hooks)
from training.roster.views import RosterImportFormatter, RosterImportViewSet
from training.selectors import ModuleProgress, module_progress
from training.services import attempt_submit, lesson_view_record


class InReachViewSetMixin:
    """Every screen of these viewsets lists or opens only what is within the user's reach."""

    edit_view_class = admin_views.InReachEditView
    delete_view_class = admin_views.InReachDeleteView
    inspect_view_class = admin_views.InReachInspectView
    history_view_class = admin_views.InReachHistoryView
    usage_view_class = admin_views.InReachUsageView
    copy_view_enabled = False
    inspect_view_enabled = True


class UnitViewSet(InReachViewSetMixin, ModelViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Units")
    index_view_class = admin_views.InReachIndexView
    add_view_class = admin_views.UnitCreateView
    list_display = [
        "name",
        "code",
        Column("get_kind_display", label=_("Kind")),
        Column("depth", label=_("Level in the tree")),
    ]
    list_filter = ["kind"]
    list_export = ["name", "code", "kind", "depth"]
    export_headings = {"depth": _("Level in the tree")}
    export_filename = _("Unit list")
    search_fields = ["name", "code", "name_folded"]
    ordering = ["path"]
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return admin_views.UnitForm


class StaffViewSet(InReachViewSetMixin, ModelViewSet):
    model = StaffProfile
    icon = "group"
    menu_label = _("Staff")
    index_view_class = admin_views.StaffIndexView
    add_view_class = admin_views.StaffCreateView
    list_display = [
        Column("user", label=_("Full name")),
        Column("user.username", label=_("Staff code")),
        "unit",
        Column("get_position_display", label=_("Position")),
        Column("get_school_level_display", label=_("School level")),
    ]
    list_filter = ["position", "school_level", "employment_status"]
    list_export = [
        "user.full_name",
        "user.username",
        "user.email",
        "unit.name",
        "position",
        "school_level",
    ]
    export_headings = {
        "user.full_name": _("Full name"),
        "user.username": _("Staff code"),
        "user.email": _("E-mail"),
        "unit.name": _("Unit"),
        "position": _("Position"),
        "school_level": _("School level"),
    }
    export_filename = _("Staff list")
    search_fields = ["user__name_folded"]
    ordering = ["user__name_sort"]
    inspect_view_class = admin_person.StaffInspectView
    edit_view_class = admin_views.StaffEditView
    delete_view_class = admin_views.StaffDeleteView

    def get_form_class(self, for_update=False):
        return admin_views.StaffEditForm if for_update else admin_views.StaffCreateForm


class OrganisationGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 300
    items = (
        UnitViewSet("units"),
        StaffViewSet("staff"),
        RosterImportViewSet("roster_import", url_prefix="roster-import"),
    )


@hooks.register("register_admin_viewset")
def register_organisation():
    return OrganisationGroup()


# Training records: the managers' screens (training.admin_records) ----------------------------

_RECORD_SCREENS = [
    # (url name, path, view, menu label, icon, permission)
    ("index", "", admin_records.ReviewIndexView, _("Review"), "tasks", "review_trainingplan"),
    (
        "assign",
        "assign/",
        admin_records.AssignView,
        _("Assign modules"),
        "list-ul",
        "assign_module",
    ),
    (
        "year_close",
        "close-year/",
        admin_records.YearCloseView,
        _("Close a school year"),
        "lock",
        "close_schoolyear",
    ),
    (
        "targets",
        "targets/",
        admin_records.YearTargetView,
        _("Yearly targets"),
        "date",
        "view_yeartarget",
    ),
]


@hooks.register("register_admin_urls")
def register_training_record_urls():
    patterns = [
        path(route, view.as_view(), name=name) for name, route, view, *_rest in _RECORD_SCREENS
    ]
    patterns += [
        path("plan/<int:pk>/", admin_records.PlanReviewView.as_view(), name="plan"),
        path("record/<int:pk>/", admin_records.RecordReviewView.as_view(), name="record"),
        path("person/<int:pk>/", admin_person.PersonView.as_view(), name="person"),
    ]
    return [path("training/", include((patterns, "training_review"), namespace="training_review"))]


@hooks.register("construct_homepage_panels")
def add_pending_reviews_panel(request, panels):
    """Managers find what waits for their decision on the admin home."""
    if request.user.has_perm("training.review_trainingplan"):
        panels.append(PendingReviewsPanel())


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(f"training.{self.permission}")


@hooks.register("register_admin_menu_item")
def register_training_records_menu():
    items = [
        _PermissionMenuItem(
            label,
            reverse(f"training_review:{name}"),
            name=f"training-{name}",
            icon_name=icon,
            order=index,
            permission=permission,
        )
        for index, (name, _route, _view, label, icon, permission) in enumerate(_RECORD_SCREENS)
    ]
    return SubmenuMenuItem(
        _("Training records"), Menu(items=items), icon_name="tasks", name="training", order=290
    )


class _ReasonFormatter(LogFormatter):
    """Shows the reason or comment a person gave, so that the history says why."""

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        return data.get("reason") or data.get("comment") or ""


#: action -> (label, message). Each change a person makes to training records is logged with
#: one of these (training.services), with the reason where one is given.
TRAINING_LOG_ACTIONS = {
    "hoctap.enrol": (_("Enrol"), _("Enrolled in a module")),
    "hoctap.assign": (_("Assign a module"), _("Assigned a module")),
    "hoctap.attempt": (_("Assessment attempt"), _("Submitted a final assessment")),
    "hoctap.attempt_external": (
        _("Score from external content"),
        _("A score reported by external content was recorded as an attempt"),
    ),
    "hoctap.complete": (_("Module completed"), _("Completed a module")),
    "hoctap.plan_submit": (_("Submit plan"), _("Submitted the training plan")),
    "hoctap.plan_approved": (_("Approve plan"), _("Approved the training plan")),
    "hoctap.plan_returned": (_("Return plan"), _("Returned the training plan for revision")),
    "hoctap.plan_reopen": (_("Reopen plan"), _("Reopened the training plan after the deadline")),
    "hoctap.record_submit": (_("Submit record"), _("Submitted a face-to-face training record")),
    "hoctap.record_resubmit": (_("Resubmit record"), _("Corrected and resubmitted a record")),
    "hoctap.record_approve": (_("Approve record"), _("Approved a face-to-face training record")),
    "hoctap.record_reject": (_("Reject record"), _("Rejected a face-to-face training record")),
    "hoctap.record_amend": (_("Correct record"), _("Corrected an approved record")),
    "hoctap.year_close": (_("Close school year"), _("Closed the school year")),
    "hoctap.year_reopen": (_("Reopen school year"), _("Reopened the school year")),
    "hoctap.year_report_submit": (
        _("Send yearly report"),
        _("Sent the yearly BDTX report to the unit above"),
    ),
    "hoctap.report_deadline_set": (
        _("Set report deadline"),
        _("Set the deadline of the yearly BDTX report"),
    ),
}


@hooks.register("register_log_actions")
def register_training_log_actions(actions):
    actions.register_action(
        "hoctap.password_change", _("Change password"), _("Changed their password")
    )
    actions.register_action(
        "hoctap.email_change", _("Change e-mail"), _("Changed their e-mail address")
    )
    actions.register_action(
        "hoctap.email_confirm", _("Confirm e-mail"), _("Confirmed their e-mail address")
    )
    actions.register_action("hoctap.roster_import")(RosterImportFormatter)
    for action, (label, message) in TRAINING_LOG_ACTIONS.items():
        actions.register_action(action)(
            type("_Formatter", (_ReasonFormatter,), {"label": label, "message": message})
        )


# The content pages: progress, lesson views and final assessments -------------------------------


@dataclass(frozen=True)
class PageProgress:
    """What courses' module and lesson templates show in their progress panel."""

    percent: int
    summary: str


def _progress_text(progress: ModuleProgress) -> str:
    if progress.completion is not None:
        completion = progress.completion
        text = gettext("Completed on %(date)s: %(hours)d tiết credited.") % {
            "date": date_format(completion.completed_on, "SHORT_DATE_FORMAT"),
            "hours": completion.hours,
        }
        if completion.score is not None:
            text += " " + gettext("Score %(score)s/10.") % {
                "score": number_format(completion.score, 2)
            }
        return text
    rule = progress.rule
    parts = [
        ngettext(
            "%(viewed)d of %(total)d lesson studied.",
            "%(viewed)d of %(total)d lessons studied.",
            rule.lessons_total,
        )
        % {"viewed": rule.lessons_viewed, "total": rule.lessons_total}
    ]
    if rule.has_assessment:
        if rule.best_attempt is not None:
            parts.append(
                gettext("Final assessment passed with %(score)s/10.")
                % {"score": number_format(rule.best_attempt.score, 2)}
            )
        else:
            parts.append(gettext("Final assessment not passed yet."))
        if progress.attempts_left is not None:
            parts.append(
                ngettext(
                    "%(count)d attempt left.", "%(count)d attempts left.", progress.attempts_left
                )
                % {"count": progress.attempts_left}
            )
    return " ".join(parts)


def _page_progress(request, module) -> dict:
    user = request.user
    if not user.is_authenticated or module is None:
        return {}
    progress = module_progress(user=user, module=module)
    if progress.enrolment is None:
        if not StaffProfile.objects.filter(user=user).exists():
            return {}
        return {
            "progress": PageProgress(
                percent=0,
                summary=gettext(
                    "You are not enrolled yet: opening a lesson enrols you in this module."
                ),
            )
        }
    return {"progress": PageProgress(percent=progress.percent, summary=_progress_text(progress))}


@hooks.register(MODULE_CONTEXT)
def module_page_progress(request, *, module):
    return _page_progress(request, module)


@hooks.register(LESSON_CONTEXT)
def lesson_page_progress(request, *, lesson):
    return _page_progress(request, lesson.module)


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """A signed-in person opening a lesson: their progress (and enrolment on first view)."""
    if isinstance(page, LessonPage) and request.method == "GET" and request.user.is_authenticated:
        lesson_view_record(lesson=page, acting_user=request.user)


#: Refusals that mean the form was not made from this quiz: answered with 400, as courses does.
_MALFORMED = {
    "unknown_question",
    "unknown_choice",
    "answer_shape",
    "answers_not_mapping",
    "answers_too_long",
}


@hooks.register(QUIZ_SUBMITTED)
def record_final_assessment(request, *, page, quiz, answers):
    """A signed-in person's answers to a module's final assessment are an attempt: scored here,
    recorded, counted against the limit. Lesson quizzes stay self-checks (courses)."""
    if not isinstance(page, ModulePage) or not request.user.is_authenticated:
        return None
    final = page.final_quiz()
    if final is None or final.id != quiz.id:
        return None
    assessment_url = page.get_url(request) + page.reverse_subpage("assessment")
    try:
        attempt = attempt_submit(module=page, answers=answers, acting_user=request.user)
    except ValidationError as error:
        if getattr(error, "code", None) in _MALFORMED:
            return HttpResponseBadRequest(" ".join(error.messages))
        messages.error(request, " ".join(error.messages))
        return redirect(assessment_url)
    score = {
        "score": number_format(attempt.score, 2),
        "mark": number_format(attempt.pass_mark, 1),
    }
    if attempt.completion is not None:
        messages.success(
            request,
            gettext("Your score: %(score)s/10 — passed. Module completed: %(hours)d tiết credited.")
            % {**score, "hours": attempt.completion.hours},
        )
        return redirect(page.get_url(request))
    if attempt.passed:
        messages.success(
            request,
            gettext(
                "Your score: %(score)s/10 — passed. Study the remaining lessons to complete the "
                "module."
            )
            % score,
        )
        return redirect(page.get_url(request))
    messages.warning(
        request, gettext("Your score: %(score)s/10 — not passed yet (pass mark %(mark)s).") % score
    )
    return redirect(assessment_url)


# Reports (issue #6) -----------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_report_urls():
    from training.reports import views as reports

    patterns = [
        path("completion/", reports.CompletionByUnitView.as_view(), name="completion"),
        path(
            "completion/results/",
            reports.CompletionByUnitView.as_view(results_only=True),
            name="completion_results",
        ),
        path("teachers/", reports.TeachersCompletionView.as_view(), name="teachers"),
        path(
            "teachers/results/",
            reports.TeachersCompletionView.as_view(results_only=True),
            name="teachers_results",
        ),
        *(
            path(f"{route}/", view.as_view(), name=name)
            for route, view, name in reports.MORE_REPORTS
        ),
        *(
            path(f"{route}/results/", view.as_view(results_only=True), name=f"{name}_results")
            for route, view, name in reports.MORE_REPORTS
        ),
    ]
    return [
        path(
            "training-reports/",
            include((patterns, "training_reports"), namespace="training_reports"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    item = _PermissionMenuItem(
        _("BDTX completion by unit"),
        reverse("training_reports:completion"),
        name="training-report-completion",
        icon_name="table",
        order=0,
        permission="view_yearsummary",
    )
    from training.reports.views import MORE_REPORTS
    from training.yearly_report.urls import menu_items as yearly_report_items

    more = [
        _PermissionMenuItem(
            view.page_title,
            reverse(f"training_reports:{name}"),
            name=f"training-report-{name}",
            icon_name=view.header_icon,
            order=order,
            permission="view_yearsummary",
        )
        for order, (_route, view, name) in enumerate(MORE_REPORTS, start=1)
    ]
    return SubmenuMenuItem(
        _("BDTX reports"),
        Menu(items=[item, *more, *yearly_report_items()]),
        icon_name="table",
        name="training-reports",
        order=295,
    )


@hooks.register("register_admin_urls")
def register_yearly_report_urls():
    return [path("yearly-report/", include("training.yearly_report.urls"))]
