"""Finding 7 of issue 12: a quarter-megabyte workbook that unpacks to 48 MB (the attack used
200 MB and took a worker from 263 MB to 2.6 GB) is refused before openpyxl opens it, with one
sentence, nothing kept and nothing imported, in flat memory."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from training.models import User
from training.roster.reader import RosterFileError, read_tables
from training.tests.roster.conftest import STAFF_HEADINGS, keep, xlsx_bytes

MB = 1024 * 1024
URL = "/admin/roster-import/"
REFUSED = "Khi mở ra, “danh-sach.xlsx” lớn hơn 64,0\xa0MB; hãy chia thành các tệp nhỏ hơn."
ROW = ["GV900", "Lò Thị Mai", "05/09/1985", "Nữ", "", "TR-SSH", "GV", "TH"]


def xlsx_bomb(megabytes: int = 48) -> bytes:
    """A real workbook whose sheet gains one cell of `megabytes` of text, written in chunks."""
    honest = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"Cán bộ": [STAFF_HEADINGS, ROW]})))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in honest.infolist():
            data = honest.read(info.filename)
            if not info.filename.startswith("xl/worksheets/"):
                bomb.writestr(info.filename, data)
                continue
            head, tail = data.decode().split("</sheetData>")
            with bomb.open(info.filename, "w", force_zip64=True) as part:
                part.write(f'{head}<row r="3"><c r="A3" t="inlineStr"><is><t>'.encode())
                for _ in range(megabytes):
                    part.write(b"A" * MB)
                part.write(f"</t></is></c></row></sheetData>{tail}".encode())
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return xlsx_bomb()


def test_the_reader_refuses_the_bomb_in_flat_memory(bomb):
    assert len(bomb) < MB // 4
    tracemalloc.start()
    try:
        with pytest.raises(RosterFileError) as error:
            [list(t.rows) for t in read_tables(io.BytesIO(bomb), name="danh-sach.xlsx")]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(error.value) == REFUSED
    assert peak < 2 * MB


def test_the_upload_is_refused_before_it_is_kept(bomb, office_staff):
    with pytest.raises(ValidationError) as error:
        keep(bomb, office_staff, name="danh-sach.xlsx")
    assert error.value.messages == [REFUSED]


def test_the_import_screen_says_so_and_imports_nothing(client, bomb, office_staff, school):
    client.force_login(office_staff)
    people = User.objects.count()
    response = client.post(URL, {"file": SimpleUploadedFile("danh-sach.xlsx", bomb)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Khi mở ra, “danh-sach.xlsx” lớn hơn 64,0" in html
    assert 'name="token"' not in html
    assert User.objects.count() == people


def test_an_honest_workbook_still_reads():
    tables = list(read_tables(io.BytesIO(xlsx_bytes({"Cán bộ": [STAFF_HEADINGS, ROW]})), name="x"))
    assert [(t.kind, [values["staff_code"] for _n, values in t.rows]) for t in tables] == [
        ("staff", ["GV900"])
    ]
