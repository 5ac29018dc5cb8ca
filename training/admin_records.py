"""The managers' screens for training records, in the Wagtail admin: review plans and
face-to-face records, assign modules, close a school year, set the yearly targets.

Every list and object comes from a selector scoped by `units_visible_to`, and every change goes
through a service (which checks the permission and the reach again). A fuller set of queues and
reports builds on these services later."""

from collections.abc import Callable

from django.contrib import messages as django_messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.messages import render as render_message
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from courses.models import ModulePage
from training.forms import (
    AmendForm,
    AssignForm,
    BulkDecisionForm,
    DecisionForm,
    ReasonForm,
    ReopenForm,
    YearCloseForm,
    YearTargetForm,
    errors_to_form,
)
from training.models import Assignment, PlanStatus, RecordStatus, TrainingPlan, YearTarget
from training.review_selectors import plan_version, record_version, with_versions
from training.review_services import BulkOutcome, plans_decide, records_decide
from training.selectors import (
    closures_in_reach,
    may_change_province_settings,
    plan_view,
    plans_in_reach,
    plans_to_review,
    records_in_reach,
    records_to_review,
    target_for,
    units_visible_to,
)
from training.services import (
    ERROR_PROVINCE_SETTINGS,
    enrolment_assign,
    plan_approve,
    plan_reopen,
    plan_return,
    training_record_amend,
    training_record_approve,
    training_record_reject,
    year_close,
    year_reopen,
    year_target_set,
)


def _done(request, form, call: Callable, *, success, to: str):
    """The screens' one way of changing something: a valid form's data go to a service
    (`call(cleaned_data)`); its refusal shows on the form and None comes back (render the form
    again); on success the message is shown (`success`: a text, or a function of the service's
    result) and the browser goes to `to`."""
    if not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except ValidationError as error:
        errors_to_form(form, error)
        return None
    messages.success(request, success if isinstance(success, str | Promise) else success(result))
    return redirect(to)


def _history(instance):
    return (
        ModelLogEntry.objects.for_instance(instance).select_related("user").order_by("-timestamp")
    )


class AdminPage(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """An admin page that also answers 403 to anyone without its permission."""

    raise_exception = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


# Review -----------------------------------------------------------------------------------------


#: The bulk decisions of each queue: (form prefix) -> (choices, service, permission).
BULK_QUEUES = {
    "plans": (
        [("approve", _("Approve")), ("return", _("Return for revision"))],
        plans_decide,
        "training.review_trainingplan",
    ),
    "records": (
        [("approve", _("Approve")), ("reject", _("Reject"))],
        records_decide,
        "training.review_trainingrecord",
    ),
}


def _bulk_decided_message(queue: str, action: str, count: int) -> str:
    texts = {
        ("plans", "approve"): ngettext(
            "%(count)d plan approved.", "%(count)d plans approved.", count
        ),
        ("plans", "return"): ngettext(
            "%(count)d plan returned for revision.", "%(count)d plans returned for revision.", count
        ),
        ("records", "approve"): ngettext(
            "%(count)d face-to-face record approved: its hours count.",
            "%(count)d face-to-face records approved: their hours count.",
            count,
        ),
        ("records", "reject"): ngettext(
            "%(count)d face-to-face record rejected.",
            "%(count)d face-to-face records rejected.",
            count,
        ),
    }
    return texts[queue, action] % {"count": count}


def _refused_item(item) -> tuple[str, str, str]:
    """(link, person, what) of a plan or record that could not be decided."""
    if isinstance(item, TrainingPlan):
        what = gettext("plan %(year)s") % {"year": item.school_year}
        return reverse("training_review:plan", args=[item.pk]), str(item.user), what
    return reverse("training_review:record", args=[item.pk]), str(item.user), f"“{item.title}”"


def bulk_report(request, *, queue: str, action: str, outcome: BulkOutcome) -> None:
    """Say what a bulk decision did: how many were decided; which could not be, and why; how
    many selected ids were not found in reach (without saying whether they exist)."""
    if outcome.decided:
        messages.success(request, _bulk_decided_message(queue, action, len(outcome.decided)))
    if outcome.refused:
        heading = ngettext(
            "%(count)d could not be decided:",
            "These %(count)d could not be decided:",
            len(outcome.refused),
        ) % {"count": len(outcome.refused)}
        rows = format_html_join(
            "",
            '<li><a href="{}">{} — {}</a>: {}</li>',
            ((*_refused_item(refusal.item), refusal.reason) for refusal in outcome.refused),
        )
        django_messages.warning(
            request, render_message(heading, None, detail=format_html("<ul>{}</ul>", rows))
        )
    if outcome.not_found:
        messages.error(
            request,
            ngettext(
                "%(count)d selected item is not among those you may review: it was left alone.",
                "%(count)d selected items are not among those you may review: they were left "
                "alone.",
                outcome.not_found,
            )
            % {"count": outcome.not_found},
        )


class ReviewIndexView(AdminPage):
    """The two queues, each a form: tick items (or all), then approve, return or reject them
    together. Each item is decided on its own (training.review_services); the page then says
    how many were decided and which could not be, and why."""

    permission_required = ("training.review_trainingplan",)
    template_name = "training/admin/review_index.html"
    page_title = _("Review training")
    header_icon = "tasks"

    def bulk_form(self, queue: str, data=None) -> BulkDecisionForm:
        return BulkDecisionForm(data, actions=BULK_QUEUES[queue][0], prefix=queue)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        # Each row carries the version it shows: a bulk decision decides that one.
        context["plans"] = with_versions(plans_to_review(user).prefetch_related("items")[:200])
        context["records"] = with_versions(
            records_to_review(user).prefetch_related("evidence")[:200]
        )
        context["recent_records"] = list(
            records_in_reach(user)
            .exclude(status=RecordStatus.SUBMITTED)
            .order_by("-decided_at", "-pk")[:20]
        )
        context["plan_form"] = kwargs.get("plans_form") or self.bulk_form("plans")
        context["record_form"] = kwargs.get("records_form") or self.bulk_form("records")
        context["can_review_records"] = user.has_perm(BULK_QUEUES["records"][2])
        return context

    def post(self, request, *args, **kwargs):
        queue = request.POST.get("queue")
        if queue not in BULK_QUEUES or not request.user.has_perm(BULK_QUEUES[queue][2]):
            raise PermissionDenied
        decide = BULK_QUEUES[queue][1]
        form = self.bulk_form(queue, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                outcome = decide(
                    items=data["ids"],
                    action=data["action"],
                    comment=data["comment"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                bulk_report(request, queue=queue, action=data["action"], outcome=outcome)
                # To the top of the queue, where the messages say what was done.
                return redirect("training_review:index")
        messages.error(request, _("Nothing was decided: see below what is missing."))
        return self.render_to_response(self.get_context_data(**{f"{queue}_form": form}))


class PlanReviewView(AdminPage):
    permission_required = ("training.review_trainingplan",)
    template_name = "training/admin/plan_review.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.plan = get_object_or_404(
            plans_in_reach(request.user).prefetch_related("items__module"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Plan %(year)s: %(person)s") % {
            "year": self.plan.school_year,
            "person": self.plan.user,
        }

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_review:index"), "label": _("Review training")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.plan
        items = list(plan.items.all())
        context.update(
            plan=plan,
            # What the page shows is what its decision decides (the services check it).
            version=plan_version(plan),
            items=items,
            hours={p: sum(i.hours for i in items if i.programme == p) for p in ("01", "02", "03")},
            target=target_for(school_year=plan.school_year, user=plan.user),
            events=list(plan.events.select_related("actor")),
            history=_history(plan),
            decision_form=kwargs.get("decision_form") or DecisionForm(),
            reopen_form=kwargs.get("reopen_form") or ReopenForm(),
            can_decide=plan.status == PlanStatus.SUBMITTED,
            view=plan_view(
                user=plan.user, school_year=plan.school_year, today=timezone.localdate()
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        action, user, plan = request.POST.get("action"), request.user, self.plan
        if action == "reopen":
            form = ReopenForm(request.POST)
            done = _done(
                request,
                form,
                lambda data: plan_reopen(plan=plan, acting_user=user, **data),
                success=_("The plan is reopened."),
                to=reverse("training_review:plan", args=[plan.pk]),
            )
            return done or self.render_to_response(self.get_context_data(reopen_form=form))
        decisions = {
            "approve": (plan_approve, _("The plan is approved.")),
            "return": (plan_return, _("The plan is returned for revision.")),
        }
        if action not in decisions:
            raise PermissionDenied
        decide, success = decisions[action]
        form = DecisionForm(request.POST)
        done = _done(
            request,
            form,
            lambda data: decide(
                plan=plan,
                comment=data["comment"],
                acting_user=user,
                seen_version=data["seen_version"],
            ),
            success=success,
            to=reverse("training_review:index"),
        )
        return done or self.render_to_response(self.get_context_data(decision_form=form))


class RecordReviewView(AdminPage):
    permission_required = ("training.review_trainingrecord",)
    template_name = "training/admin/record_review.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.record = get_object_or_404(
            records_in_reach(request.user).prefetch_related("evidence"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Record: %(title)s") % {"title": self.record.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_review:index"), "label": _("Review training")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        context.update(
            record=record,
            evidence=list(record.evidence.all()),
            # What the page shows is what its decision decides (the services check it).
            version=record_version(record),
            history=_history(record),
            decision_form=kwargs.get("decision_form") or DecisionForm(),
            amend_form=kwargs.get("amend_form")
            or AmendForm(initial={"hours": record.hours, "programme": record.programme}),
        )
        return context

    def post(self, request, *args, **kwargs):
        action, user, record = request.POST.get("action"), request.user, self.record
        if action == "amend":
            form = AmendForm(request.POST)
            done = _done(
                request,
                form,
                lambda data: training_record_amend(record=record, acting_user=user, **data),
                success=_("The record is corrected."),
                to=reverse("training_review:record", args=[record.pk]),
            )
            return done or self.render_to_response(self.get_context_data(amend_form=form))
        decisions = {
            "approve": (
                lambda data: training_record_approve(
                    record=record,
                    comment=data["comment"],
                    acting_user=user,
                    seen_version=data["seen_version"],
                ),
                _("The record is approved: its hours count."),
            ),
            "reject": (
                lambda data: training_record_reject(
                    record=record,
                    reason=data["comment"],
                    acting_user=user,
                    seen_version=data["seen_version"],
                ),
                _("The record is rejected."),
            ),
        }
        if action not in decisions:
            raise PermissionDenied
        decide, success = decisions[action]
        form = DecisionForm(request.POST)
        done = _done(request, form, decide, success=success, to=reverse("training_review:index"))
        return done or self.render_to_response(self.get_context_data(decision_form=form))


# Assign ------------------------------------------------------------------------------------------


class AssignView(AdminPage):
    permission_required = ("training.assign_module",)
    template_name = "training/admin/assign.html"
    page_title = _("Assign a module")
    header_icon = "list-ul"

    def get_form(self):
        return AssignForm(
            self.request.POST or None,
            modules=ModulePage.objects.live().public().order_by("path"),
            units=units_visible_to(self.request.user).order_by("path"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or self.get_form()
        context["assignments"] = list(
            Assignment.objects.filter(assigned_by=self.request.user)
            .select_related("module")
            .prefetch_related("units")[:30]
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        done = _done(
            request,
            form,
            lambda data: enrolment_assign(acting_user=request.user, **data),
            success=lambda assignment: (
                _("%(module)s is assigned to %(count)d people.")
                % {"module": assignment.module.title, "count": assignment.enrolled}
            ),
            to=reverse("training_review:assign"),
        )
        return done or self.render_to_response(self.get_context_data(form=form))


# Closing a school year ----------------------------------------------------------------------------


class YearCloseView(AdminPage):
    permission_required = ("training.close_schoolyear",)
    template_name = "training/admin/year_close.html"
    page_title = _("Close a school year")
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or YearCloseForm(
            units=units_visible_to(self.request.user).order_by("path")
        )
        context["closures"] = list(closures_in_reach(self.request.user)[:50])
        context["reopen_form"] = kwargs.get("reopen_form") or ReasonForm()
        return context

    def post(self, request, *args, **kwargs):
        user, to = request.user, reverse("training_review:year_close")
        if request.POST.get("action") == "reopen":
            closure = get_object_or_404(closures_in_reach(user), pk=request.POST.get("closure"))
            form = ReasonForm(request.POST)
            done = _done(
                request,
                form,
                lambda data: year_reopen(closure=closure, acting_user=user, **data),
                success=_("The school year is reopened."),
                to=to,
            )
            return done or self.render_to_response(self.get_context_data(reopen_form=form))
        form = YearCloseForm(request.POST, units=units_visible_to(user).order_by("path"))
        done = _done(
            request,
            form,
            lambda data: year_close(acting_user=user, **data),
            success=_("The school year is closed."),
            to=to,
        )
        return done or self.render_to_response(self.get_context_data(form=form))


# Yearly targets -----------------------------------------------------------------------------------


class YearTargetView(AdminPage):
    permission_required = ("training.view_yeartarget",)
    template_name = "training/admin/year_targets.html"
    page_title = _("Yearly targets")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["targets"] = list(YearTarget.objects.all()[:50])
        context["can_change"] = self.can_change()
        context["form"] = kwargs.get("form") or YearTargetForm()
        return context

    def can_change(self) -> bool:
        """The targets hold for the whole province: every office reads them, only the
        department's office (or a superuser) changes them."""
        user = self.request.user
        return user.has_perm("training.change_yeartarget") and may_change_province_settings(user)

    def post(self, request, *args, **kwargs):
        if not self.can_change():
            raise PermissionDenied(ERROR_PROVINCE_SETTINGS)
        form = YearTargetForm(request.POST)
        done = _done(
            request,
            form,
            lambda data: year_target_set(acting_user=request.user, **data),
            success=_("The target is saved; the year's summaries follow it."),
            to=reverse("training_review:targets"),
        )
        return done or self.render_to_response(self.get_context_data(form=form))
