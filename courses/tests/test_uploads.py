"""Uploads: documents within the allowed types and size, served by Wagtail's view; no SVG
images; WebP renditions on the pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


@pytest.fixture
def editor(make_user, editorial_groups):
    return make_user(groups=[editorial_groups[0]])


def upload_document(client, name, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def png(width=64, height=48) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (11, 93, 59)).save(out, format="PNG")
    return out.getvalue()


def test_an_editor_uploads_an_allowed_document(client, editor):
    client.force_login(editor)
    response = upload_document(client, "ke-hoach.pdf", b"%PDF-1.4 demo")
    assert response.status_code == 302
    document = get_document_model().objects.get(title="ke-hoach.pdf")
    assert document.url == f"/documents/{document.pk}/{document.filename}"  # the serve view


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_document_over_the_size_limit_is_refused_with_a_clear_sentence(client, editor):
    client.force_login(editor)
    response = upload_document(client, "lon.pdf", b"x" * 2048)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert [error.code for error in errors] == ["file_too_large"], [e.messages for e in errors]
    # One whole sentence, in the reader's language (Vietnamese by default).
    assert errors[0].messages == ["Tệp này quá lớn (2,0\xa0KB). Dung lượng tối đa là 1,0\xa0KB."]
    assert not get_document_model().objects.filter(title="lon.pdf").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_the_size_error_reads_in_vietnamese(client, editor):
    client.force_login(editor)
    with translation.override("vi"):
        response = upload_document(client, "lon.pdf", b"x" * 2048)
        html = response.content.decode()
    assert "Tệp này quá lớn (2,0\xa0KB). Dung lượng tối đa là 1,0\xa0KB." in html


@pytest.mark.parametrize("name", ["trang.html", "hinh.svg", "chay.exe", "kich-ban.js"])
def test_documents_outside_the_allow_list_are_refused(client, editor, name):
    client.force_login(editor)
    response = upload_document(client, name, b"<svg onload='alert(1)'/>")
    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    assert response.context["form"].errors["file"] == [
        f"Không cho phép phần mở rộng tệp “{extension}”. Các phần mở rộng được phép: "
        "csv, docx, odt, pdf, pptx, rtf, txt, xlsx, zip."
    ]
    assert f"Không cho phép phần mở rộng tệp “{extension}”" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_svg_images_are_refused(client, editor):
    client.force_login(editor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1"/></svg>'
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "logo",
            "file": SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["file"][0].code == "invalid_image_extension"
    assert not get_image_model().objects.exists()


def test_an_editor_uploads_a_png_image(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "bia",
            "file": SimpleUploadedFile("bia.png", png(), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.get(title="bia").width == 64


def test_pages_show_images_as_webp_renditions(client, make_resource, make_user):
    from django.core.files.images import ImageFile

    image = get_image_model()(title="Bìa")
    image.file = ImageFile(io.BytesIO(png(1200, 675)), name="bia.png")
    image._set_image_file_metadata()
    image.save()
    page = make_resource(title="Có ảnh bìa", cover_image=image)
    html = client.get(page.url).content.decode()
    card = client.get("/thu-vien/").content.decode()
    renditions = image.renditions.all()
    assert renditions and all(r.file.name.endswith(".webp") for r in renditions)
    for rendition in renditions:
        assert rendition.url in html + card
    assert (
        ".png" not in html.split("</header>", 1)[1].split('<script type="application/ld+json">')[0]
    )
