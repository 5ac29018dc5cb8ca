"""A person's page in the admin, for the managers who reach them: profile, the chosen school
year's plan and face-to-face records, every year's summary, certificates (from the apps above
training, through the PERSON_ADMIN_CONTEXT hook) and the audit history. Anyone outside the
manager's reach answers 404, whatever the id."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton

from courses.school_year import current_school_year, validate_school_year
from training.admin_records import AdminPage
from training.admin_views import InReachInspectView, profile_changeable
from training.hooks import PERSON_ADMIN_CONTEXT
from training.review_selectors import (
    PERSON_HISTORY_LIMIT,
    people_visible_to,
    person_history,
    person_plan,
    person_records,
    person_summaries,
)
from training.selectors import target_for


class PersonView(AdminPage):
    permission_required = ("training.view_staffprofile", "training.view_yearsummary")
    template_name = "training/admin/person.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.person = get_object_or_404(people_visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def school_year(self) -> str:
        wanted = self.request.GET.get("school_year", "")
        try:
            validate_school_year(wanted)
        except ValidationError:  # anything but a school year means the current one
            return current_school_year(timezone.localdate())
        return wanted

    def get_page_title(self):
        return str(self.person)

    def get_page_subtitle(self):
        return f"{self.person.username} · {self.person.profile.unit}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("staff:index"), "label": _("Staff")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person, year, user = self.person, self.school_year, self.request.user
        summaries = list(person_summaries(person))
        years = sorted(
            {s.school_year for s in summaries} | {year, current_school_year(timezone.localdate())},
            reverse=True,
        )
        plan = person_plan(person=person, school_year=year)
        items = list(plan.items.all()) if plan else []
        context.update(
            person=person,
            profile=person.profile,
            school_year=year,
            years=years,
            plan=plan,
            items=items,
            plan_hours={
                p: sum(i.hours for i in items if i.programme == p) for p in ("01", "02", "03")
            },
            events=list(plan.events.select_related("actor")) if plan else [],
            target=target_for(school_year=year, user=person),
            records=list(person_records(person=person, school_year=year)),
            summaries=summaries,
            history=person_history(person),
            history_limit=PERSON_HISTORY_LIMIT,
            # Nobody decides their own plan or records: no links to the decision pages then.
            can_review=person.pk != user.pk,
            certificates=None,
        )
        for fn in hooks.get_hooks(PERSON_ADMIN_CONTEXT):
            context.update(fn(self.request, person=person) or {})
        return context


class StaffInspectView(InReachInspectView):
    """The Organisation's page of a staff profile, with the way to the person's page."""

    @cached_property
    def changeable(self) -> bool:
        return profile_changeable(self.request.user, self.object)

    def get_edit_url(self):
        return super().get_edit_url() if self.changeable else None

    def get_delete_url(self):
        return super().get_delete_url() if self.changeable else None

    @cached_property
    def header_buttons(self):
        url = reverse("training_review:person", args=[self.object.user_id])
        return [
            *super().header_buttons,
            HeaderButton(_("Training records"), url=url, icon_name="tasks"),
        ]
