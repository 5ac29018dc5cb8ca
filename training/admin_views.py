"""Wagtail admin views for units and staff, held to the reach of the person using them.

Every queryset here comes from `training.selectors`, so a manager cannot list, open, edit or
delete anything outside their units, even by typing an id into the address bar."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from courses.exports import SafeSpreadsheetExportMixin
from training import roles
from training.forms import errors_to_form
from training.models import StaffProfile, Unit
from training.selectors import (
    people_changeable_by,
    profiles_visible_to,
    staff_search,
    units_visible_to,
)
from training.services import STAFF_PROFILE_FIELDS, staff_create, staff_profile_update, unit_create

#: The one place that says which selector limits each model's admin screens.
REACH = {Unit: units_visible_to, StaffProfile: profiles_visible_to}

ROLE_CHOICES = [
    (roles.TEACHER, roles.TEACHER),
    (roles.SCHOOL_MANAGER, roles.SCHOOL_MANAGER),
    (roles.OFFICE_STAFF, roles.OFFICE_STAFF),
]


def _in_reach(view):
    return REACH[view.model](view.request.user)


class InReachIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return _in_reach(self)


class InReachObjectMixin:
    """Views of one object (edit, delete, inspect, history, usage) answer 404 for an object
    outside the user's reach, however the view itself loads it."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not _in_reach(self).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class InReachEditView(InReachObjectMixin, generic.EditView):
    pass


class InReachDeleteView(InReachObjectMixin, generic.DeleteView):
    pass


class InReachInspectView(InReachObjectMixin, generic.InspectView):
    pass


class InReachHistoryView(InReachObjectMixin, history.HistoryView):
    pass


class InReachUsageView(InReachObjectMixin, usage.UsageView):
    pass


# Units ----------------------------------------------------------------------------------------


class UnitForm(WagtailAdminModelForm):
    parent = forms.ModelChoiceField(
        label=_("Parent unit"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("The unit this one belongs to. Leave empty only for a top-level unit."),
    )

    class Meta:
        model = Unit
        fields = ["parent", "name", "code", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["parent"]
        else:
            self.fields["parent"].queryset = units_visible_to(self.for_user).order_by("path")
            self.fields["parent"].required = not self.for_user.is_superuser


class ServiceFormMixin:
    """A create or edit view whose save calls a service; the service's refusals become form
    errors."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            errors_to_form(form, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ServiceCreateView(ServiceFormMixin, generic.CreateView):
    pass


class UnitCreateView(ServiceCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return unit_create(
            name=data["name"],
            code=data["code"],
            kind=data["kind"],
            parent=data.get("parent"),
            acting_user=self.request.user,
        )


# Staff ----------------------------------------------------------------------------------------


class StaffCreateForm(WagtailAdminModelForm):
    staff_code = forms.CharField(label=_("Staff code"), max_length=150)
    full_name = forms.CharField(
        label=_("Full name"), max_length=255, help_text=_("Family, middle and given names.")
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES, initial=roles.TEACHER)

    class Meta:
        model = StaffProfile
        fields = list(STAFF_PROFILE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_visible_to(self.for_user).order_by("path")
        self.order_fields(["staff_code", "full_name", "email", "role", *self.Meta.fields])


class StaffEditForm(WagtailAdminModelForm):
    class Meta:
        model = StaffProfile
        fields = StaffCreateForm.Meta.fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_visible_to(self.for_user).order_by("path")


class StaffCreateView(ServiceCreateView):
    def form_valid(self, form):
        self.initial_password = secrets.token_urlsafe(9)
        return super().form_valid(form)

    def save_instance(self):
        data = self.form.cleaned_data
        user = staff_create(
            staff_code=data["staff_code"],
            full_name=data["full_name"],
            email=data["email"] or "",
            unit=data["unit"],
            position=data["position"],
            roles=[data["role"]],
            password=self.initial_password,
            must_change_password=True,
            gender=data["gender"],
            date_of_birth=data["date_of_birth"],
            school_level=data["school_level"],
            subjects=data["subjects"],
            ethnicity=data["ethnicity"],
            employment_status=data["employment_status"],
            acting_user=self.request.user,
        )
        return user.profile

    def get_success_message(self, instance):
        return _(
            "%(name)s was added. Initial password: %(password)s — give it to them in person; "
            "they must change it when they first log in."
        ) % {"name": instance.user.full_name, "password": self.initial_password}


class ChangeableProfileMixin:
    """Edit or delete a person's profile: only someone strictly above them may
    (`people_changeable_by`); for anyone else — a superuser, a peer, an administrator,
    oneself — the screen answers 404, as for someone out of reach."""

    def get_object(self, *args, **kwargs):
        profile = super().get_object(*args, **kwargs)
        if not profile_changeable(self.request.user, profile):
            raise Http404
        return profile


class StaffDeleteView(ChangeableProfileMixin, InReachDeleteView):
    pass


class StaffEditView(ServiceFormMixin, ChangeableProfileMixin, InReachEditView):
    """The save goes through `staff_profile_update`, which checks the same rule."""

    def save_instance(self):
        data = self.form.cleaned_data
        return staff_profile_update(
            profile=self.object,
            changes={key: data[key] for key in STAFF_PROFILE_FIELDS if key in data},
            acting_user=self.request.user,
        )


def profile_changeable(user, profile: StaffProfile) -> bool:
    return people_changeable_by(user).filter(pk=profile.user_id).exists()


class StaffIndexView(InReachIndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return staff_search(queryset, self.search_query, user_field="user__")
