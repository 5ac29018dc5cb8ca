from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.school_year import current_school_year, school_years_around
from training.yearly_report.documents import Delegation
from training.yearly_report.services import MAX_LENGTHS


class HeaderForm(forms.Form):
    """The document's header and signer block, written before exporting or sending. The
    service checks it again (training.yearly_report.services.header_clean)."""

    parent_body_name = forms.CharField(
        label=_("Body above the unit"),
        required=False,
        max_length=MAX_LENGTHS["parent_body_name"],
        help_text=_("First line of the header, e.g. “UBND XÃ PHONG THỔ”."),
    )
    body_name = forms.CharField(
        label=_("Issuing unit"), max_length=MAX_LENGTHS["body_name"], required=False
    )
    number = forms.CharField(
        label=_("Number and symbol"),
        required=False,
        max_length=MAX_LENGTHS["number"],
        help_text=_("Written after “Số:”, e.g. “15/BC-THCS”. Leave empty to number by hand."),
    )
    place = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=MAX_LENGTHS["place"],
        help_text=_("For the date line, e.g. “Phong Thổ”."),
    )
    day = forms.DateField(
        label=_("Date of the document"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    recipient = forms.CharField(
        label=_("Sent to (Kính gửi)"), required=False, max_length=MAX_LENGTHS["recipient"]
    )
    head_title = forms.CharField(
        label=_("Title of the head"),
        required=False,
        max_length=MAX_LENGTHS["head_title"],
        help_text=_("e.g. “HIỆU TRƯỞNG” or “TRƯỞNG PHÒNG”."),
    )
    delegation = forms.ChoiceField(
        label=_("Delegation"), choices=Delegation.CHOICES, required=False
    )
    signer_title = forms.CharField(
        label=_("Signer's title"),
        required=False,
        max_length=MAX_LENGTHS["signer_title"],
        help_text=_("When a deputy signs, e.g. “PHÓ HIỆU TRƯỞNG”."),
    )
    signer_name = forms.CharField(
        label=_("Signer's name"), required=False, max_length=MAX_LENGTHS["signer_name"]
    )


class DeadlineForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit receiving the reports"), queryset=None)
    school_year = forms.ChoiceField(label=_("School year"))
    deadline = forms.DateField(
        label=_("Report deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Reports sent on this day or before are on time."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        today = timezone.localdate()
        years = school_years_around(today, before=2, after=1)
        self.fields["school_year"].choices = [(year, year) for year in years]
        self.fields["school_year"].initial = current_school_year(today)
        self.fields["unit"].initial = units.order_by("depth", "path").first()
