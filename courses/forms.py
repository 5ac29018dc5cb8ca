"""Admin forms that need more than the model fields give."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from courses.choices import AudiencePosition

ERROR_CRITERION_CODE_TAKEN = _("This framework already has a criterion “%(code)s”.")


class ModulePageForm(WagtailAdminPageForm):
    positions = forms.MultipleChoiceField(
        label=_("Positions"),
        choices=AudiencePosition.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "criteria" in self.fields:
            from courses.models import Criterion

            self.fields["criteria"].queryset = Criterion.objects.select_related("framework")


class CriterionForm(WagtailAdminModelForm):
    """A criterion belongs to the framework of its standard: the form sets it from there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "standard" in self.fields:
            from courses.models import Standard

            self.fields["standard"].queryset = Standard.objects.select_related("framework")

    def clean(self):
        from courses.models import Criterion

        cleaned = super().clean()
        standard, code = cleaned.get("standard"), cleaned.get("code")
        if standard is not None:
            self.instance.framework = standard.framework
            taken = Criterion.objects.filter(framework=standard.framework, code=code)
            if code and taken.exclude(pk=self.instance.pk).exists():
                self.add_error("code", ERROR_CRITERION_CODE_TAKEN % {"code": code})
        return cleaned
