"""The PDF as printed: read back with pypdf, every diacritic intact, the official layout's
lines in place, fonts embedded."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from certificates import pdf
from certificates.services import certificate_issue_year

NAMES = ["Nguyễn Thị Hương", "Đặng Văn Dũng", "Hoàng Thị Thùy", "Sùng A Dế"]


@pytest.mark.parametrize("name", NAMES)
def test_every_diacritic_survives(name, school, make_person, issuer, completed_year):
    person = make_person(unit=school, full_name=name)
    certificate = certificate_issue_year(summary=completed_year(person), acting_user=None)
    reader = PdfReader(io.BytesIO(certificate.pdf.read()))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    text = page.extract_text()
    assert name in text
    for line in (
        "UBND TỈNH LAI CHÂU",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/GCN-SGDĐT",
        "GIẤY CHỨNG NHẬN",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Đặng Văn Dũng",
        certificate.data["date_line"],
        certificate.code,
    ):
        assert line in text, line
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:  # every face used is embedded (a subset of Liberation Serif)
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        assert "LiberationSerif" in font["/BaseFont"]


def test_the_date_line_follows_the_decree():
    assert pdf.vietnamese_date_line("Phong Thổ", date(2026, 6, 15)) == (
        "Phong Thổ, ngày 15 tháng 6 năm 2026"
    )
    assert pdf.vietnamese_date_line("Lai Châu", date(2027, 2, 5)) == (
        "Lai Châu, ngày 05 tháng 02 năm 2027"
    )
    assert pdf.serial_number_text(7) == "07"
    assert pdf.serial_number_text(125) == "125"


def test_the_date_printed_is_the_local_date_of_completion(teacher, issuer, completed_year):
    from certificates.services import year_completed_on

    summary = completed_year(teacher)
    certificate = certificate_issue_year(summary=summary, acting_user=None)
    completed_on = year_completed_on(summary)
    assert certificate.completed_on == completed_on
    assert certificate.data["date_line"] == pdf.vietnamese_date_line("Lai Châu", completed_on)


def test_an_issued_pdf_never_changes(teacher, issuer, completed_year):
    from certificates.models import CertificateTemplate

    certificate = certificate_issue_year(summary=completed_year(teacher), acting_user=None)
    before = certificate.pdf.read()
    template = CertificateTemplate.objects.get(kind="year", is_default=True)
    template.title = "CHỨNG NHẬN KHÁC"
    template.save()
    issuer.signer_name = "Người Khác"
    issuer.save()
    teacher.first_name = "Thị Khác"
    teacher.save()
    certificate.refresh_from_db()
    assert certificate.pdf.read() == before
    assert certificate.data["holder_name"] == "Nguyễn Thị Hương"
