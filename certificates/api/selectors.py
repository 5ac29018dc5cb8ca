"""Reads the API needs beyond certificates.selectors, built only on its reach selectors."""

from django.db.models import Q, QuerySet

from certificates.models import Certificate
from certificates.selectors import certificates_for, certificates_visible_to


def certificates_readable_by(user) -> QuerySet[Certificate]:
    """One's own certificates and those a manager may see (certificates_visible_to)."""
    return Certificate.objects.filter(
        Q(pk__in=certificates_for(user).values("pk"))
        | Q(pk__in=certificates_visible_to(user).values("pk"))
    ).select_related("holder", "issuer", "replaced_by")
