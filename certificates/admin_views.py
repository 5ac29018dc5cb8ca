"""Wagtail admin screens for certificates, held to the reach of the person using them: office
staff see, issue, revoke and download only what belongs to the units below theirs."""

import io
import tempfile
import zipfile
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import ClearableFileInput
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from certificates import selectors, services
from certificates.forms import IssueForm, ReissueForm, RevokeForm, UnitYearForm
from certificates.models import Certificate, Issuer
from courses.exports import CSV, SafeSpreadsheetExportMixin, SpreadsheetFile
from training.selectors import may_change_province_settings, units_visible_to
from training.services import ERROR_PROVINCE_SETTINGS

ISSUE_PERMISSION = "certificates.issue_certificate"
REVOKE_PERMISSION = "certificates.revoke_certificate"


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied


# Certificates ---------------------------------------------------------------------------------


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are never added, edited or deleted in a form: they are issued, revoked
    and replaced through the services."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        if action == "view":
            return user.has_perm("certificates.view_certificate")
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ProvinceSettingPermissionPolicy(ModelPermissionPolicy):
    """Certificate templates and the modules that earn a certificate hold for the whole
    province: every office with the role's permission reads them; only the department's
    office staff or a superuser (training.selectors.may_change_province_settings) add, change
    or delete them. Wagtail then leaves out the buttons and refuses the screens."""

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        return action == "view" or may_change_province_settings(user)


STATUS_LABELS = {
    "valid": gettext_lazy("Valid"),
    "revoked": gettext_lazy("Revoked"),
    "replaced": gettext_lazy("Replaced"),
}


def status_label(certificate: Certificate) -> str:
    return str(STATUS_LABELS[certificate.status])


class CertificateIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    custom_field_preprocess = {
        "status": {
            SafeSpreadsheetExportMixin.FORMAT_CSV: lambda value: STATUS_LABELS[value],
            SafeSpreadsheetExportMixin.FORMAT_XLSX: lambda value: STATUS_LABELS[value],
        }
    }

    def get_base_queryset(self):
        return selectors.certificates_visible_to(self.request.user)

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        user = self.request.user
        if user.has_perm(ISSUE_PERMISSION):
            buttons += [
                HeaderButton(
                    _("Issue one"), url=reverse("certificates_admin:issue"), icon_name="plus"
                ),
                HeaderButton(
                    _("Bulk issue"), url=reverse("certificates_admin:bulk"), icon_name="doc-full"
                ),
                HeaderButton(
                    _("Download as ZIP"),
                    url=reverse("certificates_admin:zip"),
                    icon_name="download",
                ),
            ]
        return buttons


class CertificateInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        certificate = super().get_object(queryset)
        if not selectors.certificates_visible_to(self.request.user).filter(pk=certificate.pk):
            raise Http404
        return certificate

    def get_kind_display_value(self):
        return self.object.get_kind_display()

    def get_field_display_value(self, field_name, field):
        """Times in Vietnam's time, and a dash, not "None", where nothing happened yet."""
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, datetime):
            return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        return value

    @property
    def header_more_buttons(self):
        certificate, user = self.object, self.request.user
        buttons = [
            Button(_("PDF"), url=reverse("certificates:pdf", args=[certificate.code]), priority=10),
            Button(
                _("Signed credential"),
                url=reverse("certificates:credential", args=[certificate.code]),
                priority=20,
            ),
            Button(
                _("Verification page"),
                url=reverse("certificates:verify", args=[certificate.code]),
                priority=30,
            ),
        ]
        if certificate.replaced_by_id:
            buttons.append(
                Button(
                    _("The certificate that replaces it"),
                    url=reverse(
                        "certificates_certificate:inspect", args=[certificate.replaced_by_id]
                    ),
                    priority=40,
                )
            )
        if user.has_perm(REVOKE_PERMISSION) and not certificate.replaced_at:
            if not certificate.revoked_at:
                buttons.append(
                    Button(
                        _("Revoke"),
                        url=reverse("certificates_admin:revoke", args=[certificate.pk]),
                        priority=50,
                    )
                )
            buttons.append(
                Button(
                    _("Re-issue after a correction"),
                    url=reverse("certificates_admin:reissue", args=[certificate.pk]),
                    priority=60,
                )
            )
        return buttons


certificate_list_display = [
    Column("holder_name", label=gettext_lazy("Holder"), accessor="holder_name"),
    "serial",
    "school_year",
    Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
    Column("status", label=gettext_lazy("Status"), accessor=status_label),
    "issued_at",
]


class _AdminForm(WagtailAdminTemplateMixin, FormView):
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "doc-full"
    permission = ISSUE_PERMISSION
    submit_button_label = gettext_lazy("Save")

    def dispatch(self, request, *args, **kwargs):
        _require(request.user, self.permission)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.get_full_path()
        context["submit_button_label"] = self.submit_button_label
        context["submit_button_active_label"] = self.submit_button_label
        return context

    def refused(self, form, error: ValidationError):
        """A service's refusal: on the field it names, or as an error message at the top."""
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                if field in form.fields:
                    for problem in problems:
                        form.add_error(field, problem)
                else:
                    for problem in problems:
                        messages.error(self.request, problem)
        else:
            for problem in error.messages:
                messages.error(self.request, problem)
        return self.form_invalid(form)


class _OneCertificate(_AdminForm):
    permission = REVOKE_PERMISSION

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.certificate = get_object_or_404(
            selectors.certificates_visible_to(request.user), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.certificate)

    def inspect_url(self, certificate):
        return reverse("certificates_certificate:inspect", args=[certificate.pk])


class RevokeView(_OneCertificate):
    form_class = RevokeForm
    page_title = gettext_lazy("Revoke certificate")
    submit_button_label = gettext_lazy("Revoke")

    def form_valid(self, form):
        try:
            services.certificate_revoke(
                certificate=self.certificate,
                reason=form.cleaned_data["reason"],
                acting_user=self.request.user,
            )
        except ValidationError as error:
            return self.refused(form, error)
        messages.success(self.request, _("The certificate has been revoked."))
        return redirect(self.inspect_url(self.certificate))


class ReissueView(_OneCertificate):
    form_class = ReissueForm
    page_title = gettext_lazy("Re-issue certificate")
    submit_button_label = gettext_lazy("Re-issue")

    def form_valid(self, form):
        try:
            new = services.certificate_reissue(
                certificate=self.certificate,
                correction=form.cleaned_data["correction"],
                acting_user=self.request.user,
            )
        except ValidationError as error:
            return self.refused(form, error)
        messages.success(
            self.request, _("A corrected certificate (%s) replaces the old one.") % new.serial
        )
        return redirect(self.inspect_url(new))


class IssueView(_AdminForm):
    form_class = IssueForm
    page_title = gettext_lazy("Issue a yearly certificate")
    submit_button_label = gettext_lazy("Issue")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            certificate = services.certificate_issue_for_year(
                holder=form.cleaned_data["person"],
                school_year=form.cleaned_data["school_year"],
                acting_user=self.request.user,
            )
        except ValidationError as error:
            return self.refused(form, error)
        messages.success(self.request, _("Certificate %s issued.") % certificate.serial)
        return redirect(reverse("certificates_certificate:inspect", args=[certificate.pk]))


class BulkIssueView(_AdminForm):
    form_class = UnitYearForm
    page_title = gettext_lazy("Bulk issue of yearly certificates")
    submit_button_label = gettext_lazy("Issue the certificates")
    template_name = "certificates/admin/bulk_issue.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_issues"] = selectors.bulk_issues_visible_to(self.request.user)[:20]
        context["running"] = any(b.finished_at is None for b in context["bulk_issues"])
        return context

    def form_valid(self, form):
        services.bulk_issue_request(
            unit=form.cleaned_data["unit"],
            school_year=form.cleaned_data["school_year"],
            acting_user=self.request.user,
        )
        messages.success(
            self.request,
            _("The certificates are being issued in the background; progress is shown below."),
        )
        return redirect(reverse("certificates_admin:bulk"))


class ZipView(_AdminForm):
    form_class = UnitYearForm
    page_title = gettext_lazy("Download a unit's certificates")
    submit_button_label = gettext_lazy("Download ZIP")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        unit, year = form.cleaned_data["unit"], form.cleaned_data["school_year"]
        certificates = (
            selectors.certificates_visible_to(self.request.user)
            .filter(holder__profile__unit__path__startswith=unit.path, school_year=year)
            .valid()
            .order_by("serial_year", "serial_number")
        )
        archive = certificates_zip(certificates)
        return FileResponse(
            archive,
            as_attachment=True,
            filename=f"giay-chung-nhan-{slugify(unit.code)}-{year}.zip",
            content_type="application/zip",
        )


#: The list of the certificates in a ZIP, in the archive beside the PDFs.
ZIP_INDEX = "danh-sach-giay-chung-nhan.csv"


def certificates_zip(certificates) -> io.IOBase:
    """The PDFs, one file each, with their list (ZIP_INDEX, written through the one export
    path); both spill to disk, so that a province's worth does not sit in memory."""
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    index = SpreadsheetFile(
        CSV,
        [_("Number and symbol"), _("Holder"), _("School year"), _("Kind"), _("Completed on"),
         _("Verification code"), _("File")],
    )  # fmt: skip
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates.iterator(chunk_size=200):
            name = (
                f"{certificate.serial_year}-{certificate.serial_number:05d}-"
                f"{slugify(certificate.holder_name) or 'giay-chung-nhan'}.pdf"
            )
            with certificate.pdf.open("rb") as pdf:
                archive.writestr(name, pdf.read())
            index.writerow(
                [
                    certificate.serial,
                    certificate.holder_name,
                    certificate.school_year,
                    certificate.get_kind_display(),
                    certificate.completed_on,
                    certificate.code,
                    name,
                ]
            )
        with archive.open(ZIP_INDEX, "w") as member:
            index.copy_to(member)
    spool.seek(0)
    return spool


class BulkIssueProgressView(WagtailAdminTemplateMixin, TemplateView):
    """The progress table alone, which the bulk issue page reloads while a run is going."""

    template_name = "certificates/admin/bulk_progress.html"

    def dispatch(self, request, *args, **kwargs):
        _require(request.user, ISSUE_PERMISSION)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_issues"] = selectors.bulk_issues_visible_to(self.request.user)[:20]
        return context


# Issuers --------------------------------------------------------------------------------------


class PrivateImageInput(ClearableFileInput):
    """A file input for a picture in the private storage, which has no address: it names the
    current file instead of linking to it."""

    template_name = "certificates/widgets/private_image_input.html"

    def is_initial(self, value):
        return bool(value and getattr(value, "name", ""))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["file_name"] = value.name.rsplit("/", 1)[-1]
        return context


class IssuerForm(WagtailAdminModelForm):
    class Meta:
        model = Issuer
        fields = [
            "unit",
            "slug",
            "public_name",
            "parent_body_name",
            "body_name",
            "place_name",
            "head_title",
            "delegation",
            "signer_title",
            "signer_name",
            "signature",
            "serial_format",
            "website",
            "year_template",
            "module_template",
        ]
        widgets = {"signature": PrivateImageInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "unit" in self.fields and self.for_user is not None:
            self.fields["unit"].queryset = units_visible_to(self.for_user).order_by("path")
        if "signature" in self.fields and not (
            self.for_user and may_change_province_settings(self.for_user)
        ):
            # The signature and seal are the province's: the department's office sets them.
            self.fields["signature"].disabled = True
            self.fields["signature"].help_text = ERROR_PROVINCE_SETTINGS
        if self.instance.pk and self.instance.certificates.exists():
            self.fields["slug"].disabled = True


class _IssuerInReach:
    def get_object(self, *args, **kwargs):
        issuer = super().get_object(*args, **kwargs)
        if not selectors.issuers_visible_to(self.request.user).filter(pk=issuer.pk).exists():
            raise Http404
        return issuer


class IssuerIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.issuers_visible_to(self.request.user).select_related("unit")


class IssuerEditView(_IssuerInReach, generic.EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Public profile and keys"),
                url=reverse("certificates:issuer", args=[self.object.slug]),
                priority=40,
            )
        )
        if self.request.user.has_perm("certificates.change_issuer"):
            buttons.append(
                Button(
                    _("Replace the signing key"),
                    url=reverse("certificates_admin:rotate_key", args=[self.object.pk]),
                    priority=50,
                )
            )
        return buttons


class IssuerDeleteView(_IssuerInReach, generic.DeleteView):
    pass


class RotateKeyView(_AdminForm):
    permission = "certificates.change_issuer"
    page_title = gettext_lazy("Replace the signing key")
    submit_button_label = gettext_lazy("Replace the key")
    template_name = "certificates/admin/rotate_key.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.issuer = get_object_or_404(selectors.issuers_visible_to(request.user), pk=kwargs["pk"])

    def get_form_class(self):
        from django import forms

        return forms.Form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["issuer"] = self.issuer
        context["key"] = selectors.active_key(self.issuer)
        return context

    def form_valid(self, form):
        key = services.issuer_key_rotate(issuer=self.issuer, acting_user=self.request.user)
        messages.success(self.request, _("New signing key %s in use.") % key.kid)
        return redirect(reverse("certificates_issuer:edit", args=[self.issuer.pk]))
