"""Uploads bounded after decompression: zip containers by their declared parts, pictures by
their pixels; honest files pass, bombs are refused with one sentence, reading only headers."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.upload_checks import archive_check, image_check

MB = 1024 * 1024


def zip_bomb(*, megabytes: int, name="xl/worksheets/sheet1.xml", extra=()) -> bytes:
    """A zip whose one part is `megabytes` of the same byte: a few dozen KB sent, written in
    chunks so that the test itself never holds the unpacked part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for member in extra:
            archive.writestr(member, "<x/>")
        with archive.open(name, "w", force_zip64=True) as part:
            chunk = b"A" * MB
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()


def picture(width: int, height: int, *, format="PNG", mode="1") -> bytes:
    out = io.BytesIO()
    PILImage.new(mode, (width, height)).save(out, format=format)
    return out.getvalue()


def codes(check, content: bytes, name: str) -> str | None:
    try:
        check(io.BytesIO(content), name=name)
    except ValidationError as error:
        return error.code
    return None


def test_an_honest_archive_passes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<row>GV00001 Nguyễn Văn An</row>" * 20_000)
    assert codes(archive_check, out.getvalue(), "danh-sach.xlsx") is None
    assert codes(archive_check, b"Ma can bo;Ho va ten\r\n", "danh-sach.csv") is None  # not a zip


def test_a_part_unpacking_past_the_limit_is_refused_reading_the_directory_only():
    bomb = zip_bomb(megabytes=48)
    assert len(bomb) < MB // 4  # a quarter of a megabyte sent…
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as error:
            archive_check(io.BytesIO(bomb), name="danh-sach.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.value.code == "archive_size"
    assert error.value.messages == [
        "Khi mở ra, “danh-sach.xlsx” lớn hơn 64,0\xa0MB; hãy chia thành các tệp nhỏ hơn."
    ]
    assert peak < MB  # …and nothing of the 48 MB was unpacked


def test_a_part_packed_too_tightly_is_refused(settings):
    assert codes(archive_check, zip_bomb(megabytes=2), "bao-cao.docx") == "archive_shape"
    settings.UPLOAD_ARCHIVE_MAX_RATIO = 10_000
    assert codes(archive_check, zip_bomb(megabytes=2), "bao-cao.docx") is None


def test_too_many_parts_are_refused(settings):
    settings.UPLOAD_ARCHIVE_MAX_MEMBERS = 5
    many = zip_bomb(megabytes=0, extra=[f"part{n}.xml" for n in range(5)])
    assert codes(archive_check, many, "bao-cao.odt") == "archive_shape"


def test_the_total_of_the_parts_is_bounded(settings):
    settings.UPLOAD_ARCHIVE_MAX_BYTES = 3 * MB
    settings.UPLOAD_ARCHIVE_MAX_RATIO = 10_000
    assert codes(archive_check, zip_bomb(megabytes=4), "danh-sach.xlsx") == "archive_size"


def test_a_picture_is_bounded_by_its_pixels_read_from_its_header():
    assert codes(image_check, picture(640, 480, mode="RGB"), "anh.png") is None
    assert codes(image_check, picture(64, 48, format="JPEG", mode="RGB"), "anh.jpg") is None
    bomb = picture(8000, 8000)  # 64 million pixels in a few kilobytes
    assert len(bomb) < 64 * 1024
    with pytest.raises(ValidationError) as error:
        image_check(io.BytesIO(bomb), name="anh.png")
    assert error.value.code == "image_pixels"
    assert error.value.messages == [
        "“anh.png” là ảnh quá lớn: chỉ nhận tối đa 50 triệu điểm ảnh, hãy gửi một bản nhỏ hơn."
    ]


def test_past_pillows_own_bound_is_refused_too():
    huge = picture(10_000, 10_000)  # 100 million pixels: Pillow warns
    assert codes(image_check, huge, "anh.png") == "image_pixels"


def test_a_file_that_is_not_a_picture_is_refused():
    assert codes(image_check, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "anh.png") == "image_unreadable"


@pytest.fixture
def editor(make_user, editorial_groups):
    return make_user(groups=[editorial_groups[0]])


def test_wagtail_refuses_an_image_of_too_many_pixels(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Chữ ký",
            "file": SimpleUploadedFile("chu-ky.png", picture(8000, 8000)),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["file"]] == [
        "file_too_many_pixels"
    ]
    assert not get_image_model().objects.exists()
