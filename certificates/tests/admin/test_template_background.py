"""The background every certificate of a template prints (issue #12): kept out of Wagtail's
image library, where content editors could replace it, in the private storage; uploaded on the
template's own screen, which only those who may change province-wide settings (the
department's office or a superuser) reach. Certificates already issued keep what they printed."""

import io
import random
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images.models import Image

from certificates.models import CertificateTemplate
from certificates.services import certificate_issue_year, certificate_reissue
from training import roles

TEMPLATE_EDIT = "wagtailsnippets_certificates_certificatetemplate:edit"
#: The page's size in points: a background is drawn across it, its pixels as uploaded.
SIZE = (842, 595)


@pytest.fixture
def template(db):
    return CertificateTemplate.objects.get(kind="year", is_default=True)


@pytest.fixture
def editor(department, make_person):
    return make_person(unit=department, role=roles.CONTENT_EDITOR, staff_code="BTV01")


@pytest.fixture
def commune_office(commune, make_person):
    return make_person(
        unit=commune,
        role=roles.OFFICE_STAFF,
        full_name="Lò Thị Mai",
        staff_code="CVXA01",
        position="office_specialist",
    )


def picture(fmt="PNG", size=SIZE) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (222, 200, 150)).save(buffer, fmt)
    return buffer.getvalue()


def upload(name="nen.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, picture() if content is None else content, content_type)


def form_data(template, **changes):
    return {
        "name": template.name,
        "kind": template.kind,
        "layout": template.layout,
        "is_default": "on" if template.is_default else "",
        "title": template.title,
        "subtitle": template.subtitle,
        "recipient_intro": template.recipient_intro,
        "body": template.body,
        "criteria": template.criteria,
        **changes,
    }


def page_images(pdf_bytes: bytes) -> list[tuple[int, int]]:
    """The sizes of the image XObjects drawn on the certificate's page."""
    return [image.image.size for image in PdfReader(io.BytesIO(pdf_bytes)).pages[0].images]


@pytest.mark.parametrize(
    ("name", "fmt", "content_type"),
    [("nen.png", "PNG", "image/png"), ("nen.jpg", "JPEG", "image/jpeg")],
)
def test_the_department_uploads_a_background_the_next_certificate_prints_it(
    client,
    settings,
    office_staff,
    template,
    issuer,
    teacher,
    completed_year,
    name,
    fmt,
    content_type,
):
    before = certificate_issue_year(summary=completed_year(teacher), acting_user=None)
    printed_before = before.pdf.read()
    assert SIZE not in page_images(printed_before)

    edit = reverse(TEMPLATE_EDIT, args=[template.pk])
    client.force_login(office_staff)
    page = client.get(edit).content.decode()
    assert 'enctype="multipart/form-data"' in page and 'name="background"' in page
    response = client.post(
        edit, form_data(template, background=upload(name, picture(fmt), content_type))
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    template.refresh_from_db()
    stored = Path(settings.PRIVATE_ROOT) / template.background.name
    assert stored.is_file() and template.background.name.startswith("certificate-templates/")
    assert not Image.objects.exists()  # nothing in the editors' library
    with pytest.raises(ValueError):
        template.background.url  # noqa: B018 (no address serves it)
    page = client.get(edit).content.decode()
    assert template.background.name.rsplit("/", 1)[-1] in page  # named, never linked

    # Issued afterwards (a re-issue here: the same year, corrected), with the background.
    after = certificate_reissue(certificate=before, correction="Ảnh nền mới", acting_user=None)
    assert after.data["background_file"] == template.background.name
    assert SIZE in page_images(after.pdf.read())
    # The certificate issued before keeps what it printed.
    before.refresh_from_db()
    assert before.pdf.read() == printed_before
    assert before.data["background_file"] == ""


def test_an_editor_cannot_change_what_a_certificate_prints(
    client, office_staff, editor, template, issuer, teacher, completed_year
):
    client.force_login(office_staff)
    edit = reverse(TEMPLATE_EDIT, args=[template.pk])
    assert client.post(edit, form_data(template, background=upload())).status_code == 302
    template.refresh_from_db()
    chosen = template.background.name

    client.force_login(editor)
    library = client.get(reverse("wagtailimages:index"))
    assert library.status_code == 200 and "nen" not in library.content.decode()
    assert not Image.objects.exists()
    # Nor the template's screen, where the background is uploaded.
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, form_data(template, background=upload(content=picture(size=(300, 200)))))
    template.refresh_from_db()
    assert template.background.name == chosen

    certificate = certificate_issue_year(summary=completed_year(teacher), acting_user=None)
    assert certificate.data["background_file"] == chosen
    assert page_images(certificate.pdf.read()) == [SIZE]


def test_a_commune_office_cannot_change_the_background(client, commune_office, template):
    edit = reverse(TEMPLATE_EDIT, args=[template.pk])
    client.force_login(commune_office)
    response = client.post(edit, form_data(template, background=upload()))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    template.refresh_from_db()
    assert not template.background


def test_a_background_too_large_or_not_a_picture_is_refused(client, office_staff, template):
    edit = reverse(TEMPLATE_EDIT, args=[template.pk])
    client.force_login(office_staff)
    big = io.BytesIO()
    noise = random.Random(5).randbytes(1000 * 1000 * 3)  # noise does not compress
    PILImage.frombytes("RGB", (1000, 1000), noise).save(big, "PNG")
    assert len(big.getvalue()) > 2 * 1024 * 1024
    response = client.post(edit, form_data(template, background=upload(content=big.getvalue())))
    assert response.status_code == 200
    assert (
        "Ảnh in trên giấy chứng nhận chỉ được có dung lượng tối đa 2 MB."
        in response.content.decode()
    )

    for name, content in [("nen.png", b"not a picture at all"), ("nen.svg", b"<svg></svg>")]:
        refused = client.post(edit, form_data(template, background=upload(name, content)))
        assert refused.status_code == 200
        assert refused.context["form"].errors["background"] == [
            "Hãy tải lên một hình ảnh hợp lệ. Tập tin mà bạn đã tải không phải là hình ảnh hoặc "
            "đã bị hư hỏng."
        ], name
    template.refresh_from_db()
    assert not template.background
