import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import (
    ERROR_CORRECTION_REQUIRED,
    ERROR_REPLACED,
    certificate_issue_year,
    certificate_reissue,
    certificate_revoke,
)


@pytest.fixture
def certificate(make_person, school, issuer, completed_year):
    person = make_person(unit=school, full_name="Hoàng Thi Thuy")  # misspelt
    return certificate_issue_year(summary=completed_year(person), acting_user=None)


def test_reissue_after_a_correction_replaces_the_old_one(certificate, office_staff):
    person = certificate.holder
    person.first_name = "Thị Thùy"
    person.save()

    new = certificate_reissue(
        certificate=certificate, correction="Sửa họ tên: Hoàng Thị Thùy.", acting_user=office_staff
    )

    certificate.refresh_from_db()
    assert certificate.status == "replaced"
    assert certificate.replaced_by == new
    assert certificate.data["holder_name"] == "Hoàng Thi Thuy"  # history kept as issued
    assert new.status == "valid"
    assert new.data["holder_name"] == "Hoàng Thị Thùy"
    assert new.correction == "Sửa họ tên: Hoàng Thị Thùy."
    assert new.serial == "02/GCN-SGDĐT"
    assert list(Certificate.objects.current()) == [new]
    assert ModelLogEntry.objects.filter(action="hoctap.certificate.replace").count() == 1


def test_a_reissue_needs_to_say_what_was_corrected(certificate, office_staff):
    with pytest.raises(ValidationError) as refusal:
        certificate_reissue(certificate=certificate, correction=" ", acting_user=office_staff)
    assert refusal.value.message_dict == {"correction": [str(ERROR_CORRECTION_REQUIRED)]}


def test_a_replaced_certificate_is_not_replaced_or_revoked_again(certificate, office_staff):
    certificate_reissue(certificate=certificate, correction="Sửa tên.", acting_user=office_staff)
    for action in (
        lambda: certificate_reissue(certificate=certificate, correction="x", acting_user=None),
        lambda: certificate_revoke(certificate=certificate, reason="x", acting_user=None),
    ):
        with pytest.raises(ValidationError) as refusal:
            action()
        assert refusal.value.messages == [str(ERROR_REPLACED)]


def test_a_revoked_certificate_can_be_reissued(certificate, office_staff):
    certificate_revoke(certificate=certificate, reason="Sai ngày.", acting_user=office_staff)
    new = certificate_reissue(certificate=certificate, correction="Sửa ngày.", acting_user=None)
    certificate.refresh_from_db()
    assert certificate.status == "replaced" and certificate.revoked_at is not None
    assert new.status == "valid"
