import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from training.evidence import ERROR_CONTENT, ERROR_SIZE, ERROR_TYPE
from training.models import EvidenceFile, RecordStatus, TrainingRecord, YearSummary
from training.services import (
    ERROR_DATES_FUTURE,
    ERROR_DATES_ORDER,
    ERROR_HOURS_NOT_WHOLE,
    ERROR_HOURS_POSITIVE,
    ERROR_HOURS_TOO_MANY,
    ERROR_RECORD_LOCKED,
    ERROR_REQUIRED,
    training_record_approve,
    training_record_reject,
    training_record_submit,
)
from training.tests.conftest import pdf_file, record_values, seen, zip_file


def _picture(format: str) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (32, 24), (11, 93, 59)).save(out, format=format)
    return out.getvalue()


PNG = _picture("PNG")
JPEG = _picture("JPEG")


def test_a_record_with_evidence_waits_for_approval(teacher):
    files = [
        pdf_file(),
        SimpleUploadedFile("ảnh chụp.JPG", JPEG),
        SimpleUploadedFile("danh-sach.png", PNG),
        zip_file("bao-cao.docx", {"[Content_Types].xml": "<x/>", "word/document.xml": "<w/>"}),
        zip_file("bao-cao.odt", {"mimetype": "application/vnd.oasis.opendocument.text"}),
    ]
    record = training_record_submit(**record_values(), files=files, acting_user=teacher)
    assert (record.status, record.hours, record.programme) == (RecordStatus.SUBMITTED, 16, "01")
    stored = list(record.evidence.all())
    assert [e.name for e in stored] == [
        "giay-chung-nhan.pdf",
        "ảnh chụp.JPG",
        "danh-sach.png",
        "bao-cao.docx",
        "bao-cao.odt",
    ]
    for evidence in stored:
        # Stored under a random name: nothing of the person or the file name in the path.
        assert evidence.file.name.startswith("training-evidence/")
        assert "giay" not in evidence.file.name and teacher.username not in evidence.file.name
        assert evidence.file.storage.exists(evidence.file.name)
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.records_pending, summary.hours_01) == (1, 0)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"hours": 0}, "hours", ERROR_HOURS_POSITIVE),
        ({"hours": -4}, "hours", ERROR_HOURS_POSITIVE),
        ({"hours": 201}, "hours", ERROR_HOURS_TOO_MANY % {"max": 200}),
        ({"hours": 10_000}, "hours", ERROR_HOURS_TOO_MANY % {"max": 200}),
        ({"hours": "2.5"}, "hours", ERROR_HOURS_NOT_WHOLE),
        ({"hours": "nhiều"}, "hours", ERROR_HOURS_NOT_WHOLE),
        ({"hours": True}, "hours", ERROR_HOURS_NOT_WHOLE),
        ({"title": "  "}, "title", ERROR_REQUIRED),
        ({"programme": "04"}, "programme", None),
        ({"score": "11"}, "score", None),
        ({"school_year": "2026"}, "school_year", None),
    ],
)
def test_bad_input_is_refused_and_nothing_recorded(teacher, changes, field, message):
    with pytest.raises(ValidationError) as error:
        training_record_submit(**record_values(**changes), files=[pdf_file()], acting_user=teacher)
    assert field in error.value.message_dict
    if message:
        assert error.value.message_dict[field] == [message]
    assert not TrainingRecord.objects.exists() and not EvidenceFile.objects.exists()


def test_dates_must_be_in_order_and_over(teacher):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        training_record_submit(
            **record_values(start_date=today - timedelta(days=3), end_date=today - timedelta(4)),
            acting_user=teacher,
        )
    assert error.value.message_dict["end_date"] == [ERROR_DATES_ORDER]
    with pytest.raises(ValidationError) as error:
        training_record_submit(
            **record_values(start_date=today, end_date=today + timedelta(days=2)),
            acting_user=teacher,
        )
    assert error.value.message_dict["end_date"] == [ERROR_DATES_FUTURE]
    assert not TrainingRecord.objects.exists()


def test_a_training_outside_the_school_year_does_not_count_for_it(teacher):
    values = record_values()
    start = int(values["school_year"][:4])
    with pytest.raises(ValidationError) as error:
        training_record_submit(
            **record_values(school_year=f"{start + 1}-{start + 2}"), acting_user=teacher
        )
    assert "start_date" in error.value.message_dict
    assert not TrainingRecord.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("chuong-trinh.exe", b"MZ\x90\x00"), ERROR_TYPE),
        (SimpleUploadedFile("giay-chung-nhan.pdf", b"MZ\x90\x00 not a pdf"), ERROR_CONTENT),
        (SimpleUploadedFile("anh.png", JPEG), ERROR_CONTENT),
        (zip_file("bao-cao.docx", {"other.txt": "x"}), ERROR_CONTENT),
        (SimpleUploadedFile("trang.html", b"<script>alert(1)</script>"), ERROR_TYPE),
    ],
)
def test_evidence_of_a_type_not_allowed_is_refused(teacher, upload, message):
    name = upload.name
    with pytest.raises(ValidationError) as error:
        training_record_submit(**record_values(), files=[upload], acting_user=teacher)
    expected = message % {"name": name, "type": name.rsplit(".", 1)[-1].upper()}
    assert error.value.message_dict["files"] == [expected]
    assert not TrainingRecord.objects.exists() and not EvidenceFile.objects.exists()


def test_evidence_over_the_size_limit_is_refused(teacher, settings):
    settings.TRAINING_EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        training_record_submit(**record_values(), files=[pdf_file(size=2048)], acting_user=teacher)
    assert error.value.message_dict["files"] == [
        ERROR_SIZE % {"name": "giay-chung-nhan.pdf", "size": "2,0\xa0KB", "limit": "1,0\xa0KB"}
    ]
    assert not TrainingRecord.objects.exists()


def test_a_rejected_record_is_corrected_and_resubmitted(teacher, school_manager):
    record = training_record_submit(**record_values(), acting_user=teacher)
    training_record_reject(
        record=record,
        reason="Thiếu minh chứng.",
        acting_user=school_manager,
        seen_version=seen(record),
    )
    record = training_record_submit(
        **record_values(hours=12),
        files=[pdf_file()],
        record=record,
        acting_user=teacher,
    )
    assert (record.status, record.hours, record.reason, record.decided_by) == (
        RecordStatus.SUBMITTED,
        12,
        "",
        None,
    )
    assert record.evidence.count() == 1 and TrainingRecord.objects.count() == 1


def test_files_can_be_removed_when_correcting(teacher):
    record = training_record_submit(
        **record_values(), files=[pdf_file(), pdf_file("khac.pdf")], acting_user=teacher
    )
    gone = record.evidence.get(name="khac.pdf")
    training_record_submit(
        **record_values(), remove_files=[gone.pk], record=record, acting_user=teacher
    )
    assert [e.name for e in record.evidence.all()] == ["giay-chung-nhan.pdf"]


def test_an_approved_record_is_locked_and_nobody_corrects_anothers(
    teacher, school_manager, make_person, school
):
    record = training_record_submit(**record_values(), acting_user=teacher)
    colleague = make_person(unit=school, full_name="Lò Văn Thanh")
    with pytest.raises(PermissionDenied):
        training_record_submit(**record_values(), record=record, acting_user=colleague)
    training_record_approve(record=record, acting_user=school_manager, seen_version=seen(record))
    with pytest.raises(ValidationError) as error:
        training_record_submit(**record_values(hours=100), record=record, acting_user=teacher)
    assert error.value.messages == [ERROR_RECORD_LOCKED]
    record.refresh_from_db()
    assert record.hours == 16
