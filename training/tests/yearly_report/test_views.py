"""The yearly report's admin screens, as a manager uses them: the report page, its PDF and
spreadsheet, sending it, the reports received, one report as sent, the deadlines; and the 404
of everything outside reach."""

import io

from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from training.models import ReportDeadline, YearReportSubmission
from training.tests.conftest import this_year
from training.tests.yearly_report.conftest import header
from training.yearly_report.services import year_report_submit

REPORT = "yearly_report:report"
RECEIVED = "yearly_report:received"


def form(world, unit=None, action="pdf", **changes):
    values = header(**changes)
    values["day"] = values["day"].isoformat() if values["day"] else ""
    return {
        **values,
        "unit": (unit or world.school).pk,
        "school_year": this_year(),
        "action": action,
    }


def test_the_school_manager_opens_the_school_report(client, world):
    client.force_login(world.school_manager)
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    html = response.text
    assert escape(world.school.name) in html
    assert "33,3" in html  # 1 of 3 completed, with the Vietnamese decimal comma
    assert 'value="submit"' in html  # they may send it


def test_out_of_reach_units_answer_404(client, world):
    client.force_login(world.school_manager)
    for name in (REPORT, RECEIVED):
        for unit in (world.other_school.pk, world.commune.pk, 999999, "x"):
            assert client.get(reverse(name), {"unit": unit}).status_code == 404, (name, unit)
    assert client.post(reverse(REPORT), form(world, unit=world.other_school)).status_code == 404


def test_a_teacher_is_refused(client, world):
    client.force_login(world.teacher)
    assert client.get(reverse(REPORT)).status_code in (302, 403)
    assert client.get(reverse(RECEIVED)).status_code in (302, 403)


def test_pdf_and_xlsx_downloads(client, world):
    client.force_login(world.office_staff)
    response = client.post(reverse(REPORT), form(world, unit=world.commune, action="pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    disposition = response["Content-Disposition"]
    assert f'filename="bao-cao-bdtx-xa-pt-{this_year()}.pdf"' in disposition
    assert "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20BDTX%20XA-PT%20" in disposition
    response = client.post(reverse(REPORT), form(world, unit=world.commune, action="xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Đặng Văn Dũng" in values and "Tổng cộng" in values
    assert not YearReportSubmission.objects.exists()  # downloading sends nothing


def test_a_missing_place_is_shown_on_the_form(client, world):
    client.force_login(world.school_manager)
    response = client.post(reverse(REPORT), form(world, action="submit", place=""))
    assert response.status_code == 200
    assert "error-message" in response.text
    assert not YearReportSubmission.objects.exists()


def test_sending_from_the_page_then_the_office_opens_it(client, world):
    client.force_login(world.school_manager)
    response = client.post(reverse(REPORT), form(world, action="submit"))
    sent = YearReportSubmission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("yearly_report:submission", args=[sent.pk])

    client.force_login(world.office_staff)
    received = client.get(reverse(RECEIVED), {"unit": world.commune.pk})
    assert received.status_code == 200
    html = received.text
    assert escape(world.school.name) in html and escape(world.other_school.name) in html
    assert reverse("yearly_report:submission", args=[sent.pk]) in html
    page = client.get(reverse("yearly_report:submission", args=[sent.pk]))
    assert page.status_code == 200 and "15/BC-THCSSSH" in page.text
    pdf = client.get(reverse("yearly_report:submission_file", args=[sent.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content == bytes(sent.pdf)
    xlsx = client.get(reverse("yearly_report:submission_file", args=[sent.pk, "xlsx"]))
    assert xlsx.content == bytes(sent.xlsx)


def test_another_school_manager_cannot_open_a_report_by_its_id(client, world, make_person):
    from training import roles

    sent = year_report_submit(
        unit=world.school,
        school_year=this_year(),
        header=header(),
        acting_user=world.school_manager,
    )
    other = make_person(unit=world.other_school, role=roles.SCHOOL_MANAGER, position="principal")
    client.force_login(other)
    assert client.get(reverse("yearly_report:submission", args=[sent.pk])).status_code == 404
    for kind in ("pdf", "xlsx"):
        url = reverse("yearly_report:submission_file", args=[sent.pk, kind])
        assert client.get(url).status_code == 404


def test_the_received_list_exports_with_vietnamese_headings(client, world):
    client.force_login(world.office_staff)
    response = client.get(reverse(RECEIVED), {"unit": world.commune.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Đơn vị", "Mã", "Hạn nộp", "Trạng thái", "Gửi lúc", "Người gửi"]
    assert {row[3] for row in rows[1:]} <= {"Chưa gửi", "Chưa gửi, đã quá hạn"}
    assert "filename*=UTF-8''B%C3%A1o%20c%C3%A1o" in response["Content-Disposition"]
    assert {row[0] for row in rows[1:]} == {world.school.name, world.other_school.name}


def test_office_staff_set_a_deadline_on_the_page(client, world):
    client.force_login(world.office_staff)
    url = reverse("yearly_report:deadlines")
    assert client.get(url).status_code == 200
    year = this_year()
    response = client.post(
        url, {"unit": world.commune.pk, "school_year": year, "deadline": f"{year[5:]}-10-15"}
    )
    assert response.status_code == 302
    assert ReportDeadline.objects.get().unit == world.commune
    bad = client.post(
        url, {"unit": world.commune.pk, "school_year": year, "deadline": "1999-01-01"}
    )
    assert bad.status_code == 200 and "error-message" in bad.text
    assert ReportDeadline.objects.count() == 1


def test_a_school_manager_sees_deadlines_but_cannot_set_them(client, world):
    client.force_login(world.school_manager)
    url = reverse("yearly_report:deadlines")
    assert client.get(url).status_code == 200
    year = this_year()
    response = client.post(
        url, {"unit": world.school.pk, "school_year": year, "deadline": f"{year[5:]}-10-15"}
    )
    assert response.status_code in (302, 403)  # Wagtail sends a refusal back to the admin home
    assert not ReportDeadline.objects.exists()
