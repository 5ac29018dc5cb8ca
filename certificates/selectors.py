"""Reads. Who may see which certificate, what the public may see, and what issuers publish."""

import re

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from certificates.models import (
    BulkIssue,
    Certificate,
    CertificateKind,
    CertificateTemplate,
    Issuer,
    IssuerKey,
    StatusList,
)
from training.models import Unit, User
from training.selectors import units_visible_to

#: What a verification code looks like (secrets.token_urlsafe(20): 160 bits in 27 characters).
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{27}$")


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate a public verification code names, or None for a malformed or unknown
    code (checked by shape first, so junk never reaches the database)."""
    if not CODE_PATTERN.match(code or ""):
        return None
    return (
        Certificate.objects.select_related("issuer", "replaced_by", "replaces")
        .filter(code=code)
        .first()
    )


def certificates_for(user: User | AnonymousUser) -> QuerySet[Certificate]:
    """A person's own certificates, newest first, replaced ones included (their page says
    by what)."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return (
        Certificate.objects.filter(holder=user)
        .select_related("issuer", "replaced_by")
        .order_by("-school_year", "-issued_at", "-pk")
    )


def certificates_visible_to(user: User | AnonymousUser) -> QuerySet[Certificate]:
    """Certificates a manager may see: those of people in the units within their reach."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    queryset = Certificate.objects.select_related("holder", "issuer", "replaced_by")
    if user.is_superuser:
        return queryset
    return queryset.filter(holder__profile__unit__in=units_visible_to(user))


def certificate_downloadable_by(user: User | AnonymousUser, certificate: Certificate) -> bool:
    """The holder, and the managers who reach the holder's unit."""
    if not user.is_authenticated:
        return False
    if certificate.holder_id == user.pk:
        return True
    return certificates_visible_to(user).filter(pk=certificate.pk).exists()


def issuer_for_unit(unit: Unit) -> Issuer | None:
    """The issuer of a person's certificates: the nearest unit at or above theirs that is
    configured as issuer."""
    ancestors = [unit.path[:i] for i in range(unit.steplen, len(unit.path) + 1, unit.steplen)]
    return (
        Issuer.objects.filter(unit__path__in=ancestors)
        .select_related("unit", "year_template", "module_template")
        .order_by("-unit__depth")
        .first()
    )


def issuers_visible_to(user: User | AnonymousUser) -> QuerySet[Issuer]:
    if user.is_authenticated and user.is_superuser:
        return Issuer.objects.all()
    return Issuer.objects.filter(unit__in=units_visible_to(user))


def issuer_by_slug(slug: str) -> Issuer | None:
    return Issuer.objects.filter(slug=slug).first()


def issuer_keys(issuer: Issuer) -> QuerySet[IssuerKey]:
    """Every key an issuer has signed with, the active one first: retired keys stay published
    so that what they signed still verifies."""
    return (
        IssuerKey.objects.filter(issuer=issuer)
        .select_related("issuer")
        .order_by("retired_at", "-created_at")
    )


def active_key(issuer: Issuer) -> IssuerKey | None:
    return IssuerKey.objects.filter(issuer=issuer, retired_at__isnull=True).first()


def revoked_indices(status_list: StatusList) -> list[int]:
    """The bits to set: revoked certificates, and replaced ones (a replaced certificate's
    credential no longer speaks for its holder; the new one does)."""
    return list(
        Certificate.objects.filter(status_list=status_list)
        .filter(Q(revoked_at__isnull=False) | Q(replaced_at__isnull=False))
        .values_list("status_index", flat=True)
    )


def default_template(kind: str) -> CertificateTemplate | None:
    return CertificateTemplate.objects.filter(kind=kind, is_default=True).first()


def template_for(*, issuer: Issuer, kind: str, module=None) -> CertificateTemplate | None:
    if kind == CertificateKind.MODULE:
        rule = getattr(module, "certificate_rule", None) if module is not None else None
        chosen = (rule.template if rule else None) or issuer.module_template
    else:
        chosen = issuer.year_template
    return chosen or default_template(kind)


def bulk_issues_visible_to(user: User | AnonymousUser) -> QuerySet[BulkIssue]:
    queryset = BulkIssue.objects.select_related("unit", "requested_by")
    if user.is_authenticated and user.is_superuser:
        return queryset
    return queryset.filter(unit__in=units_visible_to(user))


def certificate_links_for(user: User | AnonymousUser) -> list[dict]:
    """The holder's certificates as the training dashboard lists them (title, url, issued_on),
    current ones only; the full list with downloads is certificates/includes/my_certificates."""
    from django.urls import reverse
    from django.utils import timezone

    return [
        {
            "title": certificate.data.get("title_line", ""),
            "url": reverse("certificates:pdf", args=[certificate.code]),
            "issued_on": timezone.localdate(certificate.issued_at),
            "status": certificate.status,
            "verify_url": reverse("certificates:verify", args=[certificate.code]),
            "credential_url": reverse("certificates:credential", args=[certificate.code]),
        }
        for certificate in certificates_for(user).filter(replaced_at__isnull=True)
    ]
