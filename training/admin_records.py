"""The managers' screens for training records, in the Wagtail admin: review plans and
face-to-face records, assign modules, close a school year, set the yearly targets.

Every list and object comes from a selector scoped by `units_visible_to`, and every change goes
through a service (which checks the permission and the reach again). A fuller set of queues and
reports builds on these services later."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from courses.models import ModulePage
from training.forms import (
    AmendForm,
    AssignForm,
    DecisionForm,
    ReasonForm,
    ReopenForm,
    YearCloseForm,
    YearTargetForm,
    errors_to_form,
)
from training.models import Assignment, PlanStatus, RecordStatus, YearTarget
from training.selectors import (
    closures_in_reach,
    plan_view,
    plans_in_reach,
    plans_to_review,
    records_in_reach,
    records_to_review,
    target_for,
    units_visible_to,
)
from training.services import (
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


class ReviewIndexView(AdminPage):
    permission_required = ("training.review_trainingplan",)
    template_name = "training/admin/review_index.html"
    page_title = _("Review training")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["plans"] = list(plans_to_review(user)[:200])
        context["records"] = list(records_to_review(user)[:200])
        context["recent_records"] = list(
            records_in_reach(user)
            .exclude(status=RecordStatus.SUBMITTED)
            .order_by("-decided_at", "-pk")[:20]
        )
        return context


class PlanReviewView(AdminPage):
    permission_required = ("training.review_trainingplan",)
    template_name = "training/admin/plan_review.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.plan = get_object_or_404(plans_in_reach(request.user), pk=kwargs["pk"])
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
        items = list(plan.items.select_related("module"))
        context.update(
            plan=plan,
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
        action = request.POST.get("action")
        if action == "reopen":
            form = ReopenForm(request.POST)
            if form.is_valid():
                try:
                    plan_reopen(
                        plan=self.plan,
                        until=form.cleaned_data["until"],
                        reason=form.cleaned_data["reason"],
                        acting_user=request.user,
                    )
                except ValidationError as error:
                    errors_to_form(form, error)
                else:
                    messages.success(request, _("The plan is reopened."))
                    return redirect("training_review:plan", pk=self.plan.pk)
            return self.render_to_response(self.get_context_data(reopen_form=form))
        form = DecisionForm(request.POST)
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            try:
                if action == "approve":
                    plan_approve(plan=self.plan, comment=comment, acting_user=request.user)
                    messages.success(request, _("The plan is approved."))
                elif action == "return":
                    plan_return(plan=self.plan, comment=comment, acting_user=request.user)
                    messages.success(request, _("The plan is returned for revision."))
                else:
                    raise PermissionDenied
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                return redirect("training_review:index")
        return self.render_to_response(self.get_context_data(decision_form=form))


class RecordReviewView(AdminPage):
    permission_required = ("training.review_trainingrecord",)
    template_name = "training/admin/record_review.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.record = get_object_or_404(records_in_reach(request.user), pk=kwargs["pk"])
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
            history=_history(record),
            decision_form=kwargs.get("decision_form") or DecisionForm(),
            amend_form=kwargs.get("amend_form")
            or AmendForm(initial={"hours": record.hours, "programme": record.programme}),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "amend":
            form = AmendForm(request.POST)
            if form.is_valid():
                try:
                    training_record_amend(
                        record=self.record, acting_user=request.user, **form.cleaned_data
                    )
                except ValidationError as error:
                    errors_to_form(form, error)
                else:
                    messages.success(request, _("The record is corrected."))
                    return redirect("training_review:record", pk=self.record.pk)
            return self.render_to_response(self.get_context_data(amend_form=form))
        form = DecisionForm(request.POST)
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            try:
                if action == "approve":
                    training_record_approve(
                        record=self.record, comment=comment, acting_user=request.user
                    )
                    messages.success(request, _("The record is approved: its hours count."))
                elif action == "reject":
                    training_record_reject(
                        record=self.record, reason=comment, acting_user=request.user
                    )
                    messages.success(request, _("The record is rejected."))
                else:
                    raise PermissionDenied
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                return redirect("training_review:index")
        return self.render_to_response(self.get_context_data(decision_form=form))


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
        if form.is_valid():
            data = form.cleaned_data
            try:
                assignment = enrolment_assign(
                    module=data["module"],
                    units=data["units"],
                    deadline=data["deadline"],
                    note=data["note"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                messages.success(
                    request,
                    _("%(module)s is assigned to %(count)d people.")
                    % {"module": assignment.module.title, "count": assignment.enrolled},
                )
                return redirect("training_review:assign")
        return self.render_to_response(self.get_context_data(form=form))


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
        if request.POST.get("action") == "reopen":
            closure = get_object_or_404(
                closures_in_reach(request.user), pk=request.POST.get("closure")
            )
            form = ReasonForm(request.POST)
            if form.is_valid():
                try:
                    year_reopen(
                        closure=closure,
                        reason=form.cleaned_data["reason"],
                        acting_user=request.user,
                    )
                except ValidationError as error:
                    errors_to_form(form, error)
                else:
                    messages.success(request, _("The school year is reopened."))
                    return redirect("training_review:year_close")
            return self.render_to_response(self.get_context_data(reopen_form=form))
        form = YearCloseForm(request.POST, units=units_visible_to(request.user).order_by("path"))
        if form.is_valid():
            try:
                year_close(acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                messages.success(request, _("The school year is closed."))
                return redirect("training_review:year_close")
        return self.render_to_response(self.get_context_data(form=form))


# Yearly targets -----------------------------------------------------------------------------------


class YearTargetView(AdminPage):
    permission_required = ("training.view_yeartarget",)
    template_name = "training/admin/year_targets.html"
    page_title = _("Yearly targets")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["targets"] = list(YearTarget.objects.all()[:50])
        context["can_change"] = self.request.user.has_perm("training.change_yeartarget")
        context["form"] = kwargs.get("form") or YearTargetForm()
        return context

    def post(self, request, *args, **kwargs):
        form = YearTargetForm(request.POST)
        if form.is_valid():
            try:
                year_target_set(acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                messages.success(request, _("The target is saved; the year's summaries follow it."))
                return redirect("training_review:targets")
        return self.render_to_response(self.get_context_data(form=form))
