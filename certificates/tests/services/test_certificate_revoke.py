import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from certificates.services import (
    ERROR_ALREADY_REVOKED,
    ERROR_REASON_REQUIRED,
    certificate_issue_year,
    certificate_revoke,
)


@pytest.fixture
def certificate(teacher, issuer, completed_year):
    return certificate_issue_year(summary=completed_year(teacher), acting_user=None)


def test_revoke_with_a_reason(certificate, office_staff):
    revoked = certificate_revoke(
        certificate=certificate, reason="Cấp nhầm người.", acting_user=office_staff
    )
    assert revoked.status == "revoked"
    assert revoked.revocation_reason == "Cấp nhầm người."
    assert revoked.revoked_by == office_staff
    entry = ModelLogEntry.objects.get(action="hoctap.certificate.revoke")
    assert entry.user_id == office_staff.pk
    assert entry.data["reason"] == "Cấp nhầm người."


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_revoke_without_a_reason_is_refused(certificate, office_staff, reason):
    with pytest.raises(ValidationError) as refusal:
        certificate_revoke(certificate=certificate, reason=reason, acting_user=office_staff)
    assert refusal.value.message_dict == {"reason": [str(ERROR_REASON_REQUIRED)]}
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_revoking_twice_is_refused(certificate, office_staff):
    certificate_revoke(certificate=certificate, reason="Sai sót.", acting_user=office_staff)
    with pytest.raises(ValidationError) as refusal:
        certificate_revoke(certificate=certificate, reason="Lần nữa.", acting_user=office_staff)
    assert refusal.value.messages == [str(ERROR_ALREADY_REVOKED)]
