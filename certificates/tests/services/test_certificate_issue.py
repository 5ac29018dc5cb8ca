import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, SerialCounter
from certificates.services import (
    ERROR_NO_ISSUER,
    ERROR_YEAR_NOT_COMPLETED,
    certificate_issue_for_year,
    certificate_issue_year,
)
from certificates.tests.conftest import this_year
from training.models import YearStatus, YearSummary


def test_issue_freezes_what_is_printed(teacher, issuer, completed_year, office_staff):
    summary = completed_year(teacher)

    certificate = certificate_issue_year(summary=summary, acting_user=office_staff)

    assert certificate.kind == "year"
    assert certificate.issuer == issuer
    assert certificate.serial == "01/GCN-SGDĐT"
    assert certificate.status == "valid"
    assert len(certificate.code) == 27  # 160 random bits
    data = certificate.data
    assert data["holder_name"] == "Nguyễn Thị Hương"
    assert data["hours"] == 120
    assert data["serial_line"] == "Số: 01/GCN-SGDĐT"
    assert data["signer_lines"] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert data["subtitle_lines"] == [
        f"Hoàn thành chương trình bồi dưỡng thường xuyên năm học {this_year()}"
    ]
    assert data["verify_url"] == f"https://hoctap.example.vn/verify/{certificate.code}/"
    assert certificate.pdf.read().startswith(b"%PDF")
    entry = ModelLogEntry.objects.get(action="hoctap.certificate.issue")
    assert entry.user_id == office_staff.pk and entry.object_id == str(certificate.pk)


def test_issue_again_returns_the_same_certificate(teacher, issuer, completed_year):
    summary = completed_year(teacher)
    first = certificate_issue_year(summary=summary, acting_user=None)
    again = certificate_issue_year(summary=summary, acting_user=None)
    assert again.pk == first.pk
    assert Certificate.objects.count() == 1
    assert SerialCounter.objects.get().last_number == 1


def test_serial_numbers_follow_each_other(school, make_person, issuer, completed_year):
    people = [make_person(unit=school, full_name=name) for name in ("Đặng Văn Dũng", "Sùng A Dế")]
    serials = [
        certificate_issue_year(summary=completed_year(person), acting_user=None).serial
        for person in people
    ]
    assert serials == ["01/GCN-SGDĐT", "02/GCN-SGDĐT"]


def test_a_year_not_completed_is_refused(teacher, issuer):
    summary = YearSummary.objects.create(user=teacher, school_year=this_year())
    assert summary.status == YearStatus.IN_PROGRESS
    with pytest.raises(ValidationError) as refusal:
        certificate_issue_year(summary=summary, acting_user=None)
    assert refusal.value.messages == [
        ERROR_YEAR_NOT_COMPLETED % {"name": "Nguyễn Thị Hương", "year": this_year()}
    ]
    with pytest.raises(ValidationError):
        certificate_issue_for_year(holder=teacher, school_year="2019-2020", acting_user=None)
    assert not Certificate.objects.exists()


def test_without_an_issuer_nothing_is_issued(teacher, completed_year):
    summary = completed_year(teacher)
    with pytest.raises(ValidationError) as refusal:
        certificate_issue_year(summary=summary, acting_user=None)
    assert refusal.value.messages == [
        ERROR_NO_ISSUER % {"unit": "Trường PTDTBT TH&THCS Sin Suối Hồ"}
    ]


def test_the_database_refuses_a_second_current_certificate(teacher, issuer, completed_year):
    certificate = certificate_issue_year(summary=completed_year(teacher), acting_user=None)
    duplicate = Certificate.objects.get(pk=certificate.pk)
    duplicate.pk = None
    duplicate.code = "x" * 27
    duplicate.serial_number += 1
    duplicate.status_index += 1
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
