"""Forms of the training screens. They shape input for the services and hold no rules: the
services refuse bad input with the sentences people see."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import ModulePage
from courses.school_year import current_school_year, school_years_around
from training.evidence import ALLOWED, MAX_FILES, max_bytes
from training.models import MAX_RECORD_HOURS, Audience, Programme, Unit
from training.selectors import PlanView


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def year_choices(*, before: int = 3, after: int = 1) -> list[tuple[str, str]]:
    return [
        (y, y.replace("-", "–"))
        for y in school_years_around(timezone.localdate(), before=before, after=after)
    ]


# The plan ------------------------------------------------------------------------------------


class PlanForm(forms.Form):
    modules = forms.TypedMultipleChoiceField(
        label=_("Programme 03 modules I choose"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, view: PlanView, **kwargs):
        kwargs.setdefault("initial", {"modules": sorted(view.chosen)})
        super().__init__(*args, **kwargs)
        self.view = view
        self.fields["modules"].choices = [(m.pk, m.pk) for m in view.choices]

    def chosen_modules(self) -> list[ModulePage]:
        wanted = set(self.cleaned_data["modules"])
        return [m for m in self.view.choices if m.pk in wanted]


# Face-to-face records ------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ALLOWED)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class TrainingRecordForm(forms.Form):
    school_year = forms.ChoiceField(label=_("School year"))
    title = forms.CharField(label=_("Name of the training"), max_length=255)
    organiser = forms.CharField(
        label=_("Organised by"), max_length=255, help_text=_("e.g. Sở GD&ĐT Lai Châu")
    )
    programme = forms.ChoiceField(label=_("Counts toward"), choices=Programme.choices)
    start_date = forms.DateField(label=_("From"), widget=DateInput)
    end_date = forms.DateField(label=_("To"), widget=DateInput)
    hours = forms.IntegerField(
        label=_("Hours (tiết)"),
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_RECORD_HOURS, "inputmode": "numeric"}),
    )
    score = forms.DecimalField(
        label=_("Score (if one was given)"),
        required=False,
        max_digits=4,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": 0, "max": 10, "step": "0.01"}),
    )
    files = MultipleFileField(label=_("Evidence"), required=False)
    remove_files = forms.TypedMultipleChoiceField(
        label=_("Remove these files"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = year_choices()
        self.fields["school_year"].initial = current_school_year(timezone.localdate())
        self.fields["files"].help_text = _(
            "A certificate, attendance list or report: PDF, JPG, PNG, DOCX or ODT, up to "
            "%(count)d files of %(size)s each."
        ) % {"count": MAX_FILES, "size": filesizeformat(max_bytes())}
        if record is None:
            del self.fields["remove_files"]
        else:
            self.fields["remove_files"].choices = [(e.pk, e.name) for e in record.evidence.all()]


# The manager's screens (Wagtail admin) --------------------------------------------------------


class SeenVersionForm(forms.Form):
    """A reviewer's decision on a plan or record: it carries the version the page showed
    (training.review_selectors), which the page writes itself (templates: `seen_version`); the
    service refuses it when the plan or record changed since, or when it is missing."""

    seen_version = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class DecisionForm(SeenVersionForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you return or reject: say what to change."),
    )


class IdsField(forms.Field):
    """The items ticked in a list (checkboxes sharing one name, each "id:version" with the
    version the row showed), as {id: version}. An id without a version gets "": the service
    refuses it as changed since shown."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("The selection is not valid. Reload the page.")}

    def to_python(self, value):
        items = {}
        try:
            for item in value or []:
                pk, _sep, version = str(item).partition(":")
                items.setdefault(int(pk), version[:64])
        except (TypeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return items


class BulkDecisionForm(forms.Form):
    """A decision on the items ticked in a review queue. The choices of `action` are the
    queue's ("approve"/"return" for plans, "approve"/"reject" for records); the services
    say what is missing (a reason) and decide each item."""

    ids = IdsField(required=False)
    action = forms.ChoiceField(label=_("Decision"))
    comment = forms.CharField(
        label=_("Comment or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required when you return or reject; the same text goes to every selected person."
        ),
    )

    def __init__(self, *args, actions, prefix, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["action"].choices = actions

    def checked(self) -> set[int]:
        """The ids ticked when the form was sent, to tick them again on a refusal."""
        try:
            return set(self.fields["ids"].to_python(self["ids"].value()))
        except ValidationError:
            return set()


class ReopenForm(SeenVersionForm):
    until = forms.DateField(label=_("Allow submission until"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AmendForm(SeenVersionForm):
    hours = forms.IntegerField(label=_("Hours (tiết)"))
    programme = forms.ChoiceField(label=_("Counts toward"), choices=Programme.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class YearCloseForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    school_year = forms.ChoiceField(label=_("School year"))
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["school_year"].choices = year_choices(before=4, after=0)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    module = forms.ModelChoiceField(label=_("Module"), queryset=ModulePage.objects.none())
    units = forms.ModelMultipleChoiceField(
        label=_("Units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone the module is written for, in these units and the units below them."),
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, modules, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules
        self.fields["module"].label_from_instance = lambda m: f"{m.code} · {m.title}"
        self.fields["units"].queryset = units


class YearTargetForm(forms.Form):
    school_year = forms.ChoiceField(label=_("School year"))
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    hours_01 = forms.IntegerField(label=_("Programme 01 (tiết)"), initial=40)
    hours_02 = forms.IntegerField(label=_("Programme 02 (tiết)"), initial=40)
    hours_03 = forms.IntegerField(label=_("Programme 03 (tiết)"), initial=40)
    plan_deadline = forms.DateField(
        label=_("Plan deadline"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for 31 May of the school year."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = year_choices(before=2, after=2)


def errors_to_form(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: field errors by field, the rest above the form."""
    if hasattr(error, "error_dict"):
        for name, texts in error.message_dict.items():
            form.add_error(name if name in form.fields else None, texts)
    else:
        form.add_error(None, error.messages)
