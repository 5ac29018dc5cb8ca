"""Certificates on a person's page in the admin (training.admin_person), through training's
PERSON_ADMIN_CONTEXT hook: the holder's certificates, for the managers who reach them."""

import pytest
from django.urls import reverse

from certificates.services import certificate_issue_year


@pytest.fixture
def certificate(teacher, issuer, completed_year):
    return certificate_issue_year(summary=completed_year(teacher), acting_user=None)


def test_the_person_page_lists_certificates_with_their_pdf(client, office_staff, certificate):
    client.force_login(office_staff)
    html = client.get(
        reverse("training_review:person", args=[certificate.holder_id])
    ).content.decode()
    assert certificate.serial in html
    assert reverse("certificates:pdf", args=[certificate.code]) in html
    # Office staff may open it in the certificates admin too.
    assert reverse("certificates_certificate:inspect", args=[certificate.pk]) in html


def test_school_managers_see_their_teachers_certificates(client, school_manager, certificate):
    client.force_login(school_manager)
    html = client.get(
        reverse("training_review:person", args=[certificate.holder_id])
    ).content.decode()
    assert certificate.serial in html
    assert reverse("certificates:pdf", args=[certificate.code]) in html
