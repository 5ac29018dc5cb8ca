from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from training.hooks import COMPLETION_RECORDED, DASHBOARD_CONTEXT, YEAR_COMPLETED


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
    """A person has just completed the year's plan: issue their certificate in the background."""
    from certificates.tasks import issue_year_certificate_task

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
