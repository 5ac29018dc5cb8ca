"""Evidence is bounded once opened too (issue 12, finding 7): a photo by its pixels, a DOCX or
ODT by its unpacked parts; refused with one sentence naming the file, nothing recorded."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from training.models import EvidenceFile, TrainingRecord
from training.services import training_record_submit
from training.tests.conftest import record_values

MB = 1024 * 1024


def picture(width: int, height: int, format="PNG") -> bytes:
    out = io.BytesIO()
    PILImage.new("1", (width, height)).save(out, format=format)
    return out.getvalue()


def docx_bomb(megabytes: int = 40) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(b"A" * MB)
    return out.getvalue()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("anh-chup.png", picture(8000, 8000)),
            "“anh-chup.png” là ảnh quá lớn: chỉ nhận tối đa 50 triệu điểm ảnh, hãy gửi một bản "
            "nhỏ hơn.",
        ),
        (
            SimpleUploadedFile("anh-chup.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64),
            "Không đọc được “anh-chup.jpg” như một tấm ảnh; hãy gửi ảnh gốc.",
        ),
        (
            SimpleUploadedFile("bao-cao.docx", docx_bomb()),
            "Khi mở ra, “bao-cao.docx” lớn hơn 64,0\xa0MB; hãy chia thành các tệp nhỏ hơn.",
        ),
    ],
)
def test_evidence_that_opens_too_large_is_refused(teacher, upload, message):
    assert upload.size < MB // 4
    with pytest.raises(ValidationError) as error:
        training_record_submit(**record_values(), files=[upload], acting_user=teacher)
    assert error.value.message_dict["files"] == [message]
    assert not TrainingRecord.objects.exists() and not EvidenceFile.objects.exists()


def test_a_photo_within_the_bound_is_kept(teacher):
    photo = SimpleUploadedFile("anh-chup.jpg", picture(4000, 3000, format="JPEG"))
    record = training_record_submit(**record_values(), files=[photo], acting_user=teacher)
    assert [e.name for e in record.evidence.all()] == ["anh-chup.jpg"]
