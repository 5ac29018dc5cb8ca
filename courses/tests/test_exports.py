"""The one export path's writer, file name and cells (courses.exports), read back."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from courses.exports import (
    CSV,
    UTF8_BOM,
    XLSX,
    SpreadsheetFile,
    content_disposition,
    dated_name,
    mark_text,
    spreadsheet_response,
)

FORMULAS = ["=1+1", "+84 912", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']


def test_the_file_name_is_vietnamese_with_an_ascii_slug():
    name = dated_name("Danh sách nhân sự", datetime.date(2026, 12, 3))
    assert name == "Danh sách nhân sự 2026-12-03"
    assert content_disposition(name, "csv") == (
        'attachment; filename="danh-sach-nhan-su-2026-12-03.csv"; '
        "filename*=UTF-8''Danh%20s%C3%A1ch%20nh%C3%A2n%20s%E1%BB%B1%202026-12-03.csv"
    )
    # Đ folds to D; quotes and slashes never reach the header.
    assert 'filename="do-an-a-b.xlsx"' in content_disposition('Đồ án "a/b"', "xlsx")


def _csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith(UTF8_BOM)
    return list(csv.reader(io.StringIO(body.removeprefix(UTF8_BOM))))


def test_csv_has_a_bom_neutralised_formulas_and_vietnamese_values():
    when = timezone.make_aware(datetime.datetime(2026, 12, 3, 1, 30), datetime.UTC)
    rows = [[text, True, None, 7, Decimal("9.50"), datetime.date(2026, 9, 5), when]
            for text in FORMULAS]  # fmt: skip
    response = spreadsheet_response(rows, ["=Tên", "Có?"], "Thử", CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    got = _csv_rows(response)
    assert got[0] == ["'=Tên", "Có?"]
    assert [row[0] for row in got[1:]] == ["'" + text for text in FORMULAS]
    # Vietnam's time (UTC+7), dates as Vietnamese write them, yes in words.
    assert got[1][1:] == ["Có", "", "7", "9.50", "05/09/2026", "03/12/2026 08:30"]


def test_csv_with_semicolons_as_excel_in_vietnamese_saves_it():
    response = spreadsheet_response([["a", "b"]], ["Mã", "Tên"], "Mẫu", CSV, delimiter=";")
    assert b"".join(response.streaming_content).decode("utf-8") == "\ufeffMã;Tên\r\na;b\r\n"


def test_xlsx_keeps_values_and_types_and_never_writes_a_formula():
    when = timezone.make_aware(datetime.datetime(2026, 12, 3, 1, 30), datetime.UTC)
    file = SpreadsheetFile(XLSX)
    file.sheet("Một", ["=Tên", "Số"])
    file.writerows([[text, 3, Decimal("9.5"), False, datetime.date(2026, 9, 5), when]
                    for text in FORMULAS])  # fmt: skip
    file.writerow(["Nguyễn Thị Hương", 1.5, None, True, "", ""])
    response = file.response("Thử")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Một"]
    heading, *rows = list(sheet.iter_rows())
    assert (heading[0].value, heading[0].data_type, heading[0].quotePrefix) == ("=Tên", "s", True)
    assert heading[0].font.b
    for row, text in zip(rows, FORMULAS, strict=False):
        cell = row[0]
        # The value stays as typed, a text cell Excel keeps as text (its quote prefix).
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
        assert [c.value for c in row[1:4]] == [3, 9.5, "Không"]
        assert row[1].data_type == row[2].data_type == "n"
        assert row[4].value == datetime.datetime(2026, 9, 5) and row[4].is_date
        assert row[5].value == datetime.datetime(2026, 12, 3, 8, 30)
    plain = rows[-1][0]
    assert (plain.value, plain.quotePrefix) == ("Nguyễn Thị Hương", False)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_a_formatted_workbook_cell_is_kept_as_text():
    sheet = Workbook().active
    cell = mark_text(sheet.cell(row=1, column=1, value="=cmd|' /C calc'!A0"))
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    assert mark_text(sheet.cell(row=1, column=2, value="- Lưu: VT.")).data_type == "s"
    assert mark_text(sheet.cell(row=1, column=3, value=5)).data_type == "n"


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        SpreadsheetFile("ods")
