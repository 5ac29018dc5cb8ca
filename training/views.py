"""The teacher's own pages: the dashboard, the yearly plan, face-to-face records and their
evidence. Views read through selectors and write through services; they hold no rules."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from courses.models import ModulePage
from courses.school_year import SCHOOL_YEAR_PATTERN, current_school_year
from training.forms import PlanForm, TrainingRecordForm, errors_to_form, year_choices
from training.hooks import DASHBOARD_CONTEXT
from training.models import RecordStatus
from training.private_files import private_file_response
from training.selectors import dashboard_for, evidence_visible_to, plan_view, records_of
from training.services import (
    enrolment_self,
    password_changed,
    plan_save,
    plan_submit,
    training_record_submit,
)


@login_required
def home(request):
    """The teacher's dashboard: the year at a glance."""
    dashboard = dashboard_for(user=request.user, today=timezone.localdate())
    context = {"dashboard": dashboard, "profile": dashboard.profile, "page_title": _("My page")}
    for fn in hooks.get_hooks(DASHBOARD_CONTEXT):
        context.update(fn(request, dashboard=dashboard) or {})
    return render(request, "training/dashboard.html", context)


@login_required
def plan(request, school_year: str | None = None):
    """One's BDTX plan for a school year: the assigned Programme 01/02 modules and the
    Programme 03 modules one chooses; save it, then submit it for approval."""
    today = timezone.localdate()
    school_year = school_year or current_school_year(today)
    if not SCHOOL_YEAR_PATTERN.match(school_year):
        raise Http404
    view = plan_view(user=request.user, school_year=school_year, today=today)
    form = PlanForm(request.POST or None, view=view)
    if request.method == "POST" and form.is_valid():
        try:
            saved = plan_save(
                school_year=school_year, modules=form.chosen_modules(), acting_user=request.user
            )
            if "submit" in request.POST:
                plan_submit(plan=saved, acting_user=request.user)
                messages.success(request, _("Your plan has been submitted for approval."))
            else:
                messages.success(request, _("Your plan has been saved."))
            return redirect("training:plan_year", school_year=school_year)
        except ValidationError as error:
            errors_to_form(form, error)
    if form.is_bound:
        selected = {int(pk) for pk in request.POST.getlist("modules") if pk.isdigit()}
    else:
        selected = view.chosen
    return render(
        request,
        "training/plan.html",
        {
            "view": view,
            "form": form,
            "selected": selected,
            "selected_hours": sum(m.hours for m in view.choices if m.pk in selected),
            "years": year_choices(before=3, after=1),
            "page_title": _("My training plan"),
        },
    )


def _record_form(request, *, record=None):
    form = TrainingRecordForm(
        request.POST or None,
        request.FILES or None,
        record=record,
        initial=(
            {
                "school_year": record.school_year,
                "title": record.title,
                "organiser": record.organiser,
                "programme": record.programme,
                "start_date": record.start_date,
                "end_date": record.end_date,
                "hours": record.hours,
                "score": record.score,
            }
            if record
            else None
        ),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            training_record_submit(
                school_year=data["school_year"],
                title=data["title"],
                organiser=data["organiser"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                hours=data["hours"],
                programme=data["programme"],
                score=data["score"],
                files=data["files"],
                remove_files=data.get("remove_files", []),
                record=record,
                acting_user=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request, _("Your record has been sent to your school manager for approval.")
            )
            return redirect("training:home")
    title = _("Correct a face-to-face training") if record else _("Record a face-to-face training")
    return render(
        request,
        "training/record_form.html",
        {"form": form, "record": record, "page_title": title},
    )


@login_required
def record_create(request):
    return _record_form(request)


@login_required
def record_edit(request, pk: int):
    record = get_object_or_404(records_of(request.user), pk=pk)
    if record.status == RecordStatus.APPROVED:
        messages.info(
            request,
            _("An approved record cannot be changed by its owner. Ask your manager to correct it."),
        )
        return redirect("training:home")
    return _record_form(request, record=record)


@login_required
def evidence(request, pk: int):
    """An evidence file, for its owner and the managers in reach only (never a public URL)."""
    item = get_object_or_404(evidence_visible_to(request.user), pk=pk)
    return private_file_response(item.file, filename=item.name, content_type=item.content_type)


@login_required
@require_POST
def enrol(request, module_id: int):
    """Enrol oneself in an open module, then go to it."""
    module = get_object_or_404(ModulePage.objects.live().public(), pk=module_id)
    try:
        enrolment_self(module=module, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You are enrolled in %(module)s.") % {"module": module.title})
    return redirect(module.get_url(request) or reverse("training:home"))


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "training/password_change.html"
    success_url = reverse_lazy("training:home")
    extra_context = {"page_title": _("Change your password")}

    def form_valid(self, form):
        response = super().form_valid(form)
        password_changed(user=self.request.user)
        messages.success(self.request, _("Your password has been changed."))
        return response
