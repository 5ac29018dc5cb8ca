from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certificates import admin_views
from certificates.models import (
    PLACEHOLDERS,
    Certificate,
    CertificateTemplate,
    Issuer,
    ModuleCertificateRule,
)
from training.hooks import (
    COMPLETION_RECORDED,
    DASHBOARD_CONTEXT,
    PERSON_ADMIN_CONTEXT,
    YEAR_COMPLETED,
)

# Certificates are issued, revoked and replaced through the services, never edited in a form.
register_permission_policy(Certificate, admin_views.CertificatePermissionPolicy(Certificate))
# Templates and the modules that earn a certificate hold for the whole province: read by every
# office, changed only by the department's office or a superuser.
for _model in (CertificateTemplate, ModuleCertificateRule):
    register_permission_policy(_model, admin_views.ProvinceSettingPermissionPolicy(_model))


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Issued certificates")
    url_prefix = "certificates/issued"
    index_view_class = admin_views.CertificateIndexView
    inspect_view_class = admin_views.CertificateInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "holder",
        "kind",
        "school_year",
        "serial",
        "completed_on",
        "issued_at",
        "issued_by",
        "issuer",
        "revoked_at",
        "revocation_reason",
        "replaced_at",
        "replaced_by",
        "correction",
        "code",
    ]
    copy_view_enabled = False
    # Certificates are records, not content: no "usage" to track, and no reference-index
    # work on every issue.
    add_to_reference_index = False
    list_display = admin_views.certificate_list_display
    list_filter = ["kind", "school_year", "issuer"]
    list_export = ["serial", "holder_name", "school_year", "kind", "status", "completed_on", "code"]
    export_headings = {"holder_name": _("Holder"), "status": _("Status")}
    export_filename = _("Issued certificates")
    search_fields = ["holder__name_folded", "serial", "code"]
    ordering = ["-issued_at"]
    # Never rendered: the permission policy refuses add and change to everyone.
    form_fields = ["revocation_reason"]


class IssuerViewSet(ModelViewSet):
    model = Issuer
    icon = "group"
    menu_label = _("Issuers")
    url_prefix = "certificates/issuers"
    index_view_class = admin_views.IssuerIndexView
    edit_view_class = admin_views.IssuerEditView
    delete_view_class = admin_views.IssuerDeleteView
    copy_view_enabled = False
    list_display = ["public_name", "unit", "signer_name", "serial_format"]
    search_fields = ["public_name", "unit__name"]

    def get_form_class(self, for_update=False):
        return admin_views.IssuerForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("unit"), FieldPanel("slug"), FieldPanel("public_name")],
            heading=_("Issuer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("parent_body_name"),
                FieldPanel("body_name"),
                FieldPanel("place_name"),
                FieldPanel("serial_format"),
            ],
            heading=_("Header, number and date line"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("delegation"), FieldPanel("head_title")]),
                FieldPanel("signer_title"),
                FieldPanel("signer_name"),
                FieldPanel("signature"),
            ],
            heading=_("Signer"),
        ),
        MultiFieldPanel(
            [FieldPanel("year_template"), FieldPanel("module_template"), FieldPanel("website")],
            heading=_("Templates and website"),
        ),
    ]


class ModuleRuleViewSet(ModelViewSet):
    model = ModuleCertificateRule
    icon = "doc-full-inverse"
    menu_label = _("Modules with certificates")
    url_prefix = "certificates/modules"
    copy_view_enabled = False
    list_display = ["module", "template"]
    form_fields = ["module", "template"]


class CertificatesGroup(ModelViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 310
    items = (
        CertificateViewSet("certificates_certificate"),
        IssuerViewSet("certificates_issuer"),
        ModuleRuleViewSet("certificates_module_rule"),
    )


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificatesGroup()


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    menu_order = 311
    add_to_admin_menu = True
    list_display = ["name", "kind", "layout", "is_default"]
    list_filter = ["kind"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("is_default")]),
                FieldPanel("layout"),
                # A file in the private storage: named, never linked (it has no address).
                FieldPanel("background", widget=admin_views.PrivateImageInput),
            ],
            heading=_("Template"),
        ),
        HelpPanel(
            content=_("Texts may use these placeholders: ")
            + ", ".join(f"{{{name}}} ({label})" for name, label in PLACEHOLDERS.items()),
        ),
        FieldPanel("title"),
        FieldPanel("subtitle"),
        FieldPanel("recipient_intro"),
        FieldPanel("body"),
        FieldPanel("criteria"),
    ]


register_snippet(CertificateTemplateViewSet)


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    urls = [
        path("issue/", admin_views.IssueView.as_view(), name="issue"),
        path("bulk/", admin_views.BulkIssueView.as_view(), name="bulk"),
        path("bulk/progress/", admin_views.BulkIssueProgressView.as_view(), name="bulk_progress"),
        path("zip/", admin_views.ZipView.as_view(), name="zip"),
        path("<int:pk>/revoke/", admin_views.RevokeView.as_view(), name="revoke"),
        path("<int:pk>/reissue/", admin_views.ReissueView.as_view(), name="reissue"),
        path(
            "issuers/<int:pk>/rotate-key/", admin_views.RotateKeyView.as_view(), name="rotate_key"
        ),
    ]
    return [path("certificates/actions/", include((urls, "certificates_admin")))]


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(
        "hoctap.certificate.issue", _("Issue certificate"), _("Issued the certificate")
    )
    actions.register_action(
        "hoctap.certificate.revoke", _("Revoke certificate"), _("Revoked the certificate")
    )
    actions.register_action(
        "hoctap.certificate.replace",
        _("Replace certificate"),
        _("Replaced the certificate with a corrected one"),
    )
    actions.register_action(
        "hoctap.certificate.bulk_issue",
        _("Bulk issue certificates"),
        _("Asked for a unit's yearly certificates to be issued"),
    )
    actions.register_action(
        "hoctap.certificate.key_rotate",
        _("Rotate signing key"),
        _("Replaced the issuer's signing key"),
    )


@hooks.register(YEAR_COMPLETED)
def issue_year_certificate(summary):
    """A person has just completed the year's plan: issue their certificate in the background.
    A year already closed by the time the change commits (history loaded in one go, as the
    demo and imports do) is left to the office's bulk issue instead of one task per person."""
    from certificates.tasks import issue_year_certificate_task
    from training.selectors import year_closed_for

    if year_closed_for(user=summary.user, school_year=summary.school_year):
        return
    issue_year_certificate_task.enqueue(summary_id=summary.pk)


@hooks.register(COMPLETION_RECORDED)
def issue_module_certificate(completion):
    """A module was completed: issue its certificate when the module asks for one."""
    from certificates.models import ModuleCertificateRule
    from certificates.tasks import issue_module_certificate_task

    if ModuleCertificateRule.objects.filter(module_id=completion.module_id).exists():
        issue_module_certificate_task.enqueue(completion_id=completion.pk)


@hooks.register(DASHBOARD_CONTEXT)
def dashboard_certificates(request, *, dashboard):
    from certificates.selectors import certificate_links_for

    return {"certificates": certificate_links_for(request.user)}


@hooks.register(PERSON_ADMIN_CONTEXT)
def person_certificates(request, *, person):
    """A person's certificates on their page in the admin, as far as this manager reaches."""
    from django.urls import reverse
    from django.utils import timezone

    from certificates.selectors import certificates_visible_to

    can_inspect = request.user.has_perm("certificates.view_certificate")
    return {
        "certificates": [
            {
                "title": certificate.data.get("title_line", "") or certificate.get_kind_display(),
                "school_year": certificate.school_year,
                "serial": certificate.serial,
                "issued_on": timezone.localdate(certificate.issued_at),
                "status": admin_views.status_label(certificate),
                "url": reverse("certificates:pdf", args=[certificate.code]),
                "admin_url": reverse("certificates_certificate:inspect", args=[certificate.pk])
                if can_inspect
                else "",
            }
            for certificate in certificates_visible_to(request.user)
            .filter(holder=person)
            .order_by("-school_year", "-issued_at", "-pk")
        ]
    }
