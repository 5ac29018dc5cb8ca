"""The document as PDF and spreadsheet: the official header, the figures, place/date and the
signer block, in Vietnamese, read back from the files."""

import io

from openpyxl import load_workbook
from pypdf import PdfReader

from training.tests.conftest import this_year
from training.tests.yearly_report.conftest import header
from training.yearly_report.documents import render_pdf, render_xlsx, report_data
from training.yearly_report.services import header_clean


def data_for(world, **changes):
    return report_data(
        user=world.office_staff,
        unit=world.commune,
        school_year=this_year(),
        header=header_clean(header(**changes)),
    )


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_has_the_official_header_figures_and_signer(world):
    data = data_for(world, body_name="UBND xã Phong Thổ", parent_body_name="Sở GD&ĐT Lai Châu")
    content = render_pdf(data)
    text = pdf_text(content)
    for expected in (
        "SỞ GD&ĐT LAI CHÂU",
        "UBND XÃ PHONG THỔ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-THCSSSH",
        "Phong Thổ, ngày 15 tháng 10 năm 2026",
        "BÁO CÁO",
        f"năm học {this_year()}",
        "Kính gửi: UBND xã Phong Thổ",
        "Tiểu học",
        "Chưa xác định cấp học",
        "Tổng cộng",
        "KT. HIỆU TRƯỞNG",
        "PHÓ HIỆU TRƯỞNG",
        "Đặng Văn Dũng",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    # The total row: 5 people, 1 completed (20,0 %), 2 not completed (40,0 %), 2 not assessed.
    assert "5 1 20,0 2 40,0 2" in " ".join(text.split())
    page = PdfReader(io.BytesIO(content)).pages[0]
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(
        "/FontFile2" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for f in fonts
        if "/DescendantFonts" in f
    )


def test_the_head_signing_has_no_delegation_line(world):
    text = pdf_text(render_pdf(data_for(world, delegation="", signer_title="")))
    assert "HIỆU TRƯỞNG" in text and "KT." not in text and "PHÓ HIỆU TRƯỞNG" not in text


def test_xlsx_has_the_same_header_and_figures(world):
    data = data_for(world)
    sheet = load_workbook(io.BytesIO(render_xlsx(data))).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    for expected in (
        "UBND XÃ PHONG THỔ",
        "TRƯỜNG PTDTBT TH&THCS SIN SUỐI HỒ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-THCSSSH",
        "Phong Thổ, ngày 15 tháng 10 năm 2026",
        "KT. HIỆU TRƯỞNG",
        "PHÓ HIỆU TRƯỞNG",
        "Đặng Văn Dũng",
    ):
        assert expected in cells, expected
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    total = next(row for row in rows if row[1] == "Tổng cộng")
    assert total[2:8] == [5, 1, 20.0, 2, 40.0, 2]
    primary = next(row for row in rows if row[1] == "Tiểu học")
    assert primary[2:8] == [2, 0, 0.0, 2, 100.0, 0]


def test_text_in_nfd_is_printed_in_nfc(world):
    import unicodedata

    data = data_for(world, signer_name=unicodedata.normalize("NFD", "Đặng Văn Dũng"))
    assert data["header"]["signer_name"] == "Đặng Văn Dũng"
    assert "Đặng Văn Dũng" in pdf_text(render_pdf(data))


def test_control_characters_are_dropped_so_the_spreadsheet_opens(world):
    data = data_for(world, signer_name="Đặng Văn\x01 Dũng\x0b", place="Phong <b>Thổ</b>")
    assert data["header"]["signer_name"] == "Đặng Văn  Dũng"
    sheet = load_workbook(io.BytesIO(render_xlsx(data))).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "Đặng Văn  Dũng" in cells
    assert "Phong <b>Thổ</b>, ngày 15 tháng 10 năm 2026" in pdf_text(render_pdf(data))


def test_header_fields_typed_as_formulas_stay_text(world):
    """The header is typed by the unit and the workbook is sent upward: no cell is a formula;
    text that starts like one is a text cell with Excel's quote prefix."""
    data = data_for(world, signer_name='=HYPERLINK("http://x")', recipient="+84 912 000 000")
    sheet = load_workbook(io.BytesIO(render_xlsx(data))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not any(cell.data_type == "f" for cell in cells)
    signer = next(cell for cell in cells if cell.value == '=HYPERLINK("http://x")')
    assert (signer.data_type, signer.quotePrefix) == ("s", True)
    # The document's own lines are left as written.
    assert any(cell.value == "- Lưu: VT." for cell in cells)
