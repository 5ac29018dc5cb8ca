"""Reading what offices really send: encodings, separators, headings, title rows, Excel cells."""

import io
import unicodedata
from datetime import datetime

import pytest

from training.roster.reader import MAX_ROWS, RosterFileError, read_tables
from training.tests.roster.conftest import STAFF_HEADINGS, csv_bytes, xlsx_bytes

TONES = "\u0300\u0301\u0303\u0309\u0323"
ROW = ["GV100", "Lò Thị Mai", "05/09/1985", "Nữ", "", "TR-SSH", "Giáo viên", "Tiểu học"]


def _rows(content: bytes, name="f.csv"):
    return [(t.kind, list(t.rows)) for t in read_tables(io.BytesIO(content), name=name)]


def to_cp1258(text: str) -> bytes:
    """What Excel on a Vietnamese Windows writes: precomposed letters where the code page has
    them (ă, ê, ơ…), the tone as a combining mark after."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = next(c for c in decomposed if c in TONES)
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


@pytest.mark.parametrize(
    "content",
    [
        csv_bytes([STAFF_HEADINGS, ROW], sep=";", bom=True),
        csv_bytes([STAFF_HEADINGS, ROW], sep=",", bom=False),
        csv_bytes([STAFF_HEADINGS, ROW], sep="\t", bom=True),
        to_cp1258("\r\n".join(";".join(r) for r in [STAFF_HEADINGS, ROW]) + "\r\n"),
    ],
    ids=["utf8-bom-semicolon", "utf8-comma", "tab", "windows-1258"],
)
def test_encodings_and_separators(content):
    [(kind, rows)] = _rows(content)
    assert kind == "staff"
    assert rows[0][1]["full_name"] == "Lò Thị Mai"
    assert unicodedata.is_normalized("NFC", rows[0][1]["full_name"])
    assert rows[0][1]["school_level"] == "Tiểu học"


def test_headings_without_diacritics_in_any_case_or_in_english_below_title_rows():
    headings = ["MA CAN BO", "ho va ten", "Date of birth", "GIỚI TÍNH", "e-mail", "Unit code"]
    content = csv_bytes(
        [
            ["DANH SÁCH GIÁO VIÊN"],
            ["Năm học 2025-2026"],
            headings,
            ["GV1", "A B", "", "Nam", "", "X"],
        ]
    )
    [(kind, rows)] = _rows(content)
    assert kind == "staff"
    assert rows == [
        (
            4,
            {
                "staff_code": "GV1",
                "full_name": "A B",
                "date_of_birth": "",
                "gender": "Nam",
                "email": "",
                "unit": "X",
            },
        )
    ]


def test_xlsx_cells_numbers_and_dates_and_units_before_staff():
    content = xlsx_bytes(
        {
            "Cán bộ": [
                ["Mã cán bộ", "Họ và tên", "Ngày sinh", "Mã đơn vị"],
                [12345, "Lò Thị Mai", datetime(1985, 9, 5), "TR-SSH"],
            ],  # fmt: skip
            "Hướng dẫn": [["Cách điền tệp này"]],
            "Đơn vị": [["Mã đơn vị", "Tên đơn vị"], ["TR-SSH", "Trường Sin Suối Hồ"]],
        }
    )
    tables = _rows(content, name="f.xlsx")
    assert [kind for kind, _rows_ in tables] == ["units", "staff"]
    staff = tables[1][1][0][1]
    assert staff["staff_code"] == "12345"
    assert staff["date_of_birth"].isoformat() == "1985-09-05"


def test_a_file_without_a_known_table_is_refused():
    with pytest.raises(RosterFileError):
        _rows(csv_bytes([["Số thứ tự", "Ghi chú"], ["1", "…"]]))
    with pytest.raises(RosterFileError):
        _rows(b"PK\x03\x04 not really a workbook", name="f.xlsx")


def test_a_column_twice_is_refused():
    with pytest.raises(RosterFileError, match="Mã CB"):
        _rows(csv_bytes([["Mã cán bộ", "Mã CB"], ["1", "2"]]))


def test_too_many_rows_are_refused():
    content = csv_bytes(
        [["Mã cán bộ", "Họ và tên"]] + [[f"GV{n}", "A B"] for n in range(MAX_ROWS + 1)]
    )
    with pytest.raises(RosterFileError):
        _rows(content)
