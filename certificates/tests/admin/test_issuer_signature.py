"""The signature and seal every certificate prints (issue #12): kept out of Wagtail's image
library, where content editors could choose, replace or delete it, in the private storage;
set only by those who may change province-wide settings (the department's office or a
superuser). A commune's office configures an issuer for its own unit only, without a seal."""

import io
import random
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from certificates.models import ERROR_PRINTED_IMAGE_SIZE, Issuer
from certificates.services import certificate_issue_year, issuer_create
from certificates.tests.conftest import png
from training import roles
from training.services import ERROR_PROVINCE_SETTINGS, ERROR_UNIT_OUT_OF_REACH

ISSUER_FIELDS = {
    "public_name": "UBND xã Phong Thổ",
    "body_name": "UBND XÃ PHONG THỔ",
    "place_name": "Phong Thổ",
    "head_title": "CHỦ TỊCH",
    "signer_name": "Lò Văn Pâng",
    "serial_format": "{number}/GCN-UBND",
}


@pytest.fixture
def commune_office(commune, make_person):
    return make_person(
        unit=commune,
        role=roles.OFFICE_STAFF,
        full_name="Lò Thị Mai",
        staff_code="CVXA01",
        position="office_specialist",
    )


@pytest.fixture
def editor(department, make_person):
    return make_person(unit=department, role=roles.CONTENT_EDITOR, staff_code="BTV01")


def form_data(issuer, **changes):
    return {
        "unit": issuer.unit_id,
        "slug": issuer.slug,
        "public_name": issuer.public_name,
        "parent_body_name": issuer.parent_body_name,
        "body_name": issuer.body_name,
        "place_name": issuer.place_name,
        "head_title": issuer.head_title,
        "delegation": issuer.delegation,
        "signer_title": issuer.signer_title,
        "signer_name": issuer.signer_name,
        "serial_format": issuer.serial_format,
        "website": "",
        **changes,
    }


def upload(name="chu-ky.png", content=None):
    return SimpleUploadedFile(name, content or png(), content_type="image/png")


def test_the_seal_is_private_and_out_of_the_editors_library(
    client, settings, department, editor, issuer, teacher, completed_year
):
    issuer.signature.save("chu-ky.png", ContentFile(png()))
    assert not Image.objects.exists()
    stored = Path(settings.PRIVATE_ROOT) / issuer.signature.name
    assert stored.is_file() and not str(stored).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        issuer.signature.url  # noqa: B018 (no address serves it)

    client.force_login(editor)
    library = client.get(reverse("wagtailimages:index"))
    assert library.status_code == 200 and "chu-ky" not in library.content.decode()
    # Nor the issuer's form, where the seal is chosen.
    edit = client.get(reverse("certificates_issuer:edit", args=[issuer.pk]))
    assert edit.status_code in (302, 403)

    # Certificates print it, and say which file they printed.
    certificate = certificate_issue_year(summary=completed_year(teacher), acting_user=None)
    assert certificate.data["signature_file"] == issuer.signature.name


def test_the_department_sets_the_seal_a_commune_office_cannot(
    client, office_staff, commune_office, issuer, commune
):
    edit = reverse("certificates_issuer:edit", args=[issuer.pk])
    client.force_login(office_staff)
    page = client.get(edit)
    assert page.status_code == 200 and 'name="signature"' in page.content.decode()
    response = client.post(edit, {**form_data(issuer), "signature": upload()})
    assert response.status_code == 302, response.content.decode()[:3000]
    issuer.refresh_from_db()
    first = issuer.signature.name
    assert first.startswith(f"issuers/{issuer.slug}/chu-ky-")
    page = client.get(edit).content.decode()
    assert first.rsplit("/", 1)[-1] in page  # named, never linked

    # A commune's office configures its own unit as issuer; the seal field stays closed.
    own = issuer_create(
        unit=commune, slug="xa-phong-tho", acting_user=commune_office, **ISSUER_FIELDS
    )
    client.force_login(commune_office)
    own_edit = reverse("certificates_issuer:edit", args=[own.pk])
    response = client.post(own_edit, {**form_data(own), "signature": upload()})
    assert response.status_code == 302, response.content.decode()[:3000]
    own.refresh_from_db()
    assert not own.signature
    # The department's issuer is above it: out of reach altogether.
    assert client.get(edit).status_code == 404
    issuer.refresh_from_db()
    assert issuer.signature.name == first


def test_issuer_create_holds_reach_and_the_seal_to_their_owners(
    commune_office, office_staff, department, commune
):
    with pytest.raises(PermissionDenied) as above:
        issuer_create(unit=department, slug="sgd", acting_user=commune_office, **ISSUER_FIELDS)
    assert above.value.args == (ERROR_UNIT_OUT_OF_REACH,)
    with pytest.raises(PermissionDenied) as seal:
        issuer_create(
            unit=commune,
            slug="xa",
            signature=ContentFile(png(), name="chu-ky.png"),
            acting_user=commune_office,
            **ISSUER_FIELDS,
        )
    assert seal.value.args == (ERROR_PROVINCE_SETTINGS,)
    assert not Issuer.objects.exists()
    made = issuer_create(
        unit=commune,
        slug="xa",
        signature=ContentFile(png(), name="chu-ky.png"),
        acting_user=office_staff,
        **ISSUER_FIELDS,
    )
    assert made.signature


def test_the_add_form_offers_a_commune_office_only_units_in_reach(
    client, commune_office, department
):
    client.force_login(commune_office)
    response = client.post(
        reverse("certificates_issuer:add"),
        {**ISSUER_FIELDS, "unit": department.pk, "slug": "sgd", "delegation": "", "website": ""},
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Issuer.objects.exists()


def test_a_seal_too_large_or_not_a_picture_is_refused(client, office_staff, issuer):
    edit = reverse("certificates_issuer:edit", args=[issuer.pk])
    client.force_login(office_staff)
    big = io.BytesIO()
    noise = random.Random(12).randbytes(1000 * 1000 * 3)  # noise does not compress
    PILImage.frombytes("RGB", (1000, 1000), noise).save(big, "PNG")
    assert len(big.getvalue()) > 2 * 1024 * 1024
    response = client.post(edit, {**form_data(issuer), "signature": upload(content=big.getvalue())})
    assert response.status_code == 200
    assert str(ERROR_PRINTED_IMAGE_SIZE) in response.content.decode()
    not_png = client.post(
        edit, {**form_data(issuer), "signature": upload("chu-ky.svg", b"<svg></svg>")}
    )
    assert not_png.status_code == 200 and "signature" in not_png.context["form"].errors
    issuer.refresh_from_db()
    assert not issuer.signature
