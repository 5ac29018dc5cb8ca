from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.school_year import school_years_around
from training.models import User
from training.selectors import staff_search, staff_visible_to, units_visible_to


def school_year_choices():
    return [(year, year) for year in school_years_around(timezone.localdate(), before=4, after=0)]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public verification page. Required."),
    )


class ReissueForm(forms.Form):
    correction = forms.CharField(
        label=_("What was corrected"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Correct the record first (the person's name, the training record's date); the new "
            "certificate is drawn from the records as they are now. Required."
        ),
    )


class UnitYearForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    school_year = forms.ChoiceField(label=_("School year"), choices=())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_visible_to(user).order_by("path")
        self.fields["unit"].help_text = _("The unit and every unit below it.")
        self.fields["school_year"].choices = school_year_choices()


class IssueForm(forms.Form):
    person = forms.CharField(
        label=_("Holder"), help_text=_("Staff code, or the full name if it is unique.")
    )
    school_year = forms.ChoiceField(label=_("School year"), choices=())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["school_year"].choices = school_year_choices()

    def clean_person(self) -> User:
        query = self.cleaned_data["person"].strip()
        people = staff_visible_to(self.user)
        exact = people.filter(username__iexact=query)
        matches = exact if exact.exists() else staff_search(people, query)
        found = list(matches[:2])
        if not found:
            raise forms.ValidationError(_("Nobody within your reach matches “%s”.") % query)
        if len(found) > 1:
            raise forms.ValidationError(
                _("Several people match “%s”: give the staff code.") % query
            )
        return found[0]
