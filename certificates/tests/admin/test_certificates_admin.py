import csv
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from certificates.admin_views import ZIP_INDEX
from certificates.models import BulkIssue, Certificate, CertificateTemplate
from certificates.services import certificate_issue_year
from certificates.tests.conftest import this_year


@pytest.fixture
def certificate(teacher, issuer, completed_year):
    return certificate_issue_year(summary=completed_year(teacher), acting_user=None)


@pytest.fixture
def staff_client(client, office_staff):
    client.force_login(office_staff)
    return client


def test_office_staff_list_and_inspect_certificates(staff_client, certificate):
    index = staff_client.get("/admin/certificates/issued/")
    assert index.status_code == 200
    assert "Nguyễn Thị Hương" in index.content.decode()
    inspect = staff_client.get(f"/admin/certificates/issued/inspect/{certificate.pk}/")
    assert inspect.status_code == 200
    assert reverse("certificates_admin:revoke", args=[certificate.pk]) in inspect.content.decode()
    assert staff_client.get("/admin/certificates/issued/new/").status_code in (302, 403)
    assert staff_client.get(f"/admin/certificates/issued/edit/{certificate.pk}/").status_code in (
        302,
        403,
    )


def test_revoke_in_the_admin_needs_a_reason(staff_client, certificate, office_staff):
    url = reverse("certificates_admin:revoke", args=[certificate.pk])
    refused = staff_client.post(url, {"reason": ""})
    assert refused.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    done = staff_client.post(url, {"reason": "Cấp nhầm người."})
    assert done.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revoked_by == office_staff


def test_reissue_in_the_admin(staff_client, certificate):
    response = staff_client.post(
        reverse("certificates_admin:reissue", args=[certificate.pk]), {"correction": "Sửa tên."}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "replaced"
    assert response["Location"].endswith(f"/inspect/{certificate.replaced_by_id}/")


def test_issue_one_refuses_a_year_not_completed(staff_client, issuer, teacher):
    response = staff_client.post(
        reverse("certificates_admin:issue"),
        {"person": teacher.username, "school_year": this_year()},
    )
    assert response.status_code == 200
    assert "chưa hoàn thành kế hoạch bồi dưỡng năm học" in response.content.decode()
    assert not Certificate.objects.exists()


def test_bulk_issue_and_zip(
    staff_client, school, teacher, issuer, completed_year, django_capture_on_commit_callbacks
):
    completed_year(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("certificates_admin:bulk"), {"unit": school.pk, "school_year": this_year()}
        )
    assert response.status_code == 302
    bulk = BulkIssue.objects.get()
    assert (bulk.status, bulk.issued) == ("done", 1)
    page = staff_client.get(reverse("certificates_admin:bulk"))
    assert "1/1" in page.content.decode()
    assert ModelLogEntry.objects.filter(action="hoctap.certificate.bulk_issue").exists()

    archive = staff_client.post(
        reverse("certificates_admin:zip"), {"unit": school.pk, "school_year": this_year()}
    )
    assert archive.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))) as zipped:
        names = zipped.namelist()
        assert ZIP_INDEX in names
        [pdf_name] = [n for n in names if n.endswith(".pdf")]
        assert zipped.read(pdf_name).startswith(b"%PDF")
        index = zipped.read(ZIP_INDEX).decode("utf-8")
    # The list beside the PDFs goes through the one export path: BOM, Vietnamese headings,
    # the kind by its label, the date as Vietnamese write it.
    assert index.startswith("\ufeff")
    headings, row = list(csv.reader(io.StringIO(index.removeprefix("\ufeff"))))
    assert headings == [
        "Số, ký hiệu", "Người được cấp", "Năm học", "Loại", "Ngày hoàn thành", "Mã xác minh", "Tệp"
    ]  # fmt: skip
    assert (
        row[1] == "Nguyễn Thị Hương" and row[3] == "Giấy chứng nhận bồi dưỡng thường xuyên năm học"
    )
    assert row[6] == pdf_name


def test_out_of_reach_is_not_found(client, certificate, other_school, make_person):
    from training import roles

    elsewhere = make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Sùng A Dế", staff_code="QL9"
    )
    client.force_login(elsewhere)
    assert client.get(f"/admin/certificates/issued/inspect/{certificate.pk}/").status_code == 404
    assert "Nguyễn Thị Hương" not in client.get("/admin/certificates/issued/").content.decode()


def test_teachers_cannot_revoke(client, certificate, teacher):
    client.force_login(teacher)
    response = client.post(
        reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "x"}
    )
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_template_preview_on_sample_data(staff_client, issuer):
    template = CertificateTemplate.objects.get(kind="year", is_default=True)
    url = reverse(
        "wagtailsnippets_certificates_certificatetemplate:preview_on_edit", args=[template.pk]
    )
    data = {
        "name": template.name,
        "kind": "year",
        "is_default": "on",
        "layout": "framed",
        "title": "GIẤY CHỨNG NHẬN",
        "subtitle": "Hoàn thành chương trình năm học {school_year}",
        "recipient_intro": "Chứng nhận ông/bà:",
        "body": "Đơn vị: {unit_name}",
        "criteria": "",
    }
    assert staff_client.post(url, data).json()["is_valid"] is True
    preview = staff_client.get(url)
    assert preview.status_code == 200
    assert preview["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(preview.content)).pages[0].extract_text()
    assert "Nguyễn Thị Hương" in text and "Hoàn thành chương trình năm học" in text


def test_an_unknown_placeholder_is_refused(staff_client):
    template = CertificateTemplate.objects.get(kind="year", is_default=True)
    response = staff_client.post(
        f"/admin/snippets/certificates/certificatetemplate/edit/{template.pk}/",
        {
            "name": template.name,
            "kind": "year",
            "layout": "official",
            "title": "GIẤY CHỨNG NHẬN",
            "subtitle": "Năm học {nam_hoc}",
            "recipient_intro": "Chứng nhận",
            "body": "",
            "criteria": "",
        },
    )
    assert response.status_code == 200
    assert "không phải là chỗ trống" in response.content.decode()


def test_the_certificate_list_exports_what_the_screen_shows(staff_client, certificate):
    """Through the one export path: headings and labels in Vietnamese, not codes."""
    response = staff_client.get("/admin/certificates/issued/?export=csv")
    assert "filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    headings, row = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert headings == [
        "Số, ký hiệu", "Người được cấp", "Năm học", "Loại", "Trạng thái", "Ngày hoàn thành",
        "Mã xác minh",
    ]  # fmt: skip
    assert row[:2] == [certificate.serial, "Nguyễn Thị Hương"]
    assert row[3:6] == [
        "Giấy chứng nhận bồi dưỡng thường xuyên năm học",
        "Còn hiệu lực",
        certificate.completed_on.strftime("%d/%m/%Y"),
    ]
    assert "valid" not in row and "year" not in row

    xlsx = staff_client.get("/admin/certificates/issued/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2))]
    assert values[4] == "Còn hiệu lực" and values[5].date() == certificate.completed_on
