"""One export path (issue #12): every CSV or XLSX the system writes goes through
`courses.exports` — Wagtail's own listings and our viewsets included — and the files read back
formula-safe, with a BOM, Vietnamese headings and labels and a Vietnamese file name."""

import csv
import io
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import ModelLogEntry

from courses.exports import UTF8_BOM, SafeSpreadsheetExportMixin
from training import roles
from training.services import unit_create

FORMULA = '=HYPERLINK("http://x")'


def _patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def exporting_urls() -> dict[str, type]:
    """Every URL whose view writes a spreadsheet (a Wagtail listing with `list_export`, given
    on the class or by a viewset), mapped to the class that actually answers at that address
    (an earlier pattern may serve it)."""
    found = {}
    for route, pattern in _patterns(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if not (view_class and issubclass(view_class, SpreadsheetExportMixin)):
            continue
        initkwargs = getattr(pattern.callback, "view_initkwargs", {})
        if not initkwargs.get("list_export", view_class.list_export):
            continue
        address = "/" + re.sub(r"<[^>]+>", "1", route).lstrip("^").rstrip("$")
        found[address] = resolve(address).func.view_class
    return found


def test_every_listing_export_goes_through_the_one_path():
    found = exporting_urls()
    # The census covers our viewsets, snippets, reports and Wagtail's own listings.
    for address in (
        "/admin/units/",
        "/admin/staff/",
        "/admin/certificates/issued/",
        "/admin/snippets/courses/licence/",
        "/admin/training-reports/teachers/",
        "/admin/yearly-report/received/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/redirects/",
    ):
        assert address in found, address
    unsafe = {a: c for a, c in found.items() if not issubclass(c, SafeSpreadsheetExportMixin)}
    assert unsafe == {}


#: Files that may write CSV or XLSX without `courses.exports`, and why.
WRITERS_ALLOWED = {
    "courses/exports.py": "the one path itself",
    "courses/demo.py": "the demo library's sample attachments (documents, not data exports)",
}
WRITER_SIGNS = re.compile(r"csv\.(writer|DictWriter)\(|Workbook\(|text/csv|spreadsheetml\.sheet")


def test_no_other_code_writes_a_spreadsheet():
    """A source census: outside the one path, code that writes CSV or XLSX (csv.writer,
    openpyxl's Workbook, a CSV or XLSX content type) is a test, a reader, or listed above.
    The yearly report draws a formatted workbook; each of its cells goes through mark_text."""
    base = Path(__file__).resolve().parents[3]
    offenders = []
    for app in ("courses", "training", "certificates", "site/portal", "xapi"):
        for path in (base / app).rglob("*.py"):
            relative = path.relative_to(base).as_posix()
            if "/tests/" in relative or "/migrations/" in relative or relative in WRITERS_ALLOWED:
                continue
            text = path.read_text(encoding="utf-8")
            if relative == "training/yearly_report/documents.py":
                assert "mark_text(sheet.cell(" in text and text.count("sheet.cell(") == 1
                continue
            if relative == "training/yearly_report/views.py":
                # The stored workbook and PDF, sent with the one path's file name.
                assert "attach(" in text
                continue
            if WRITER_SIGNS.search(text):
                offenders.append(relative)
    assert offenders == []


# Reading the files back ------------------------------------------------------------------------


def csv_of(response) -> tuple[str, list[list[str]]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith(UTF8_BOM)
    return body, list(csv.reader(io.StringIO(body.removeprefix(UTF8_BOM))))


def workbook_of(response):
    content = b"".join(getattr(response, "streaming_content", [])) or response.content
    return load_workbook(io.BytesIO(content)).active


def assert_named(response, slug_start: str, vietnamese: str, extension: str):
    disposition = response["Content-Disposition"]
    assert re.search(rf'filename="{slug_start}-\d{{4}}-\d{{2}}-\d{{2}}\.{extension}"', disposition)
    assert f"filename*=UTF-8''{quote(vietnamese)}" in disposition


def assert_no_formula(sheet):
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str) and cell.value.startswith("="):
                assert (cell.data_type, cell.quotePrefix) == ("s", True), cell.coordinate


@pytest.fixture
def formula_school(commune):
    return unit_create(name=FORMULA, code="TR-F", kind="primary", parent=commune, acting_user=None)


@pytest.fixture
def officer(client, department, make_person):
    person = make_person(unit=department, role=roles.OFFICE_STAFF, full_name="Hoàng Thị Thùy")
    client.force_login(person)
    return person


def test_units_export_is_formula_safe_with_labels_and_vietnamese_headings(
    client, officer, school, formula_school
):
    response = client.get("/admin/units/?export=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert_named(response, "danh-sach-don-vi", "Danh sách đơn vị ", "csv")
    body, rows = csv_of(response)
    assert rows[0] == ["Tên", "Mã", "Loại", "Cấp trong cây đơn vị"]
    by_code = {row[1]: row for row in rows[1:]}
    assert by_code["TR-F"] == ["'" + FORMULA, "TR-F", "Trường tiểu học", "3"]
    assert by_code["TR-SSH"][2] == "Trường phổ thông dân tộc bán trú (PTDTBT)"
    assert "ethnic_boarding" not in body and "Depth" not in body

    sheet = workbook_of(client.get("/admin/units/?export=xlsx"))
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Tên", "Mã", "Loại", "Cấp trong cây đơn vị"]
    assert [FORMULA, "TR-F", "Trường tiểu học", 3] in rows
    assert_no_formula(sheet)


def test_staff_export_has_the_screens_labels(client, officer, school, make_person):
    make_person(unit=school, full_name="=1+2", staff_code="GV900", position="teacher")
    response = client.get("/admin/staff/?export=csv")
    assert_named(response, "danh-sach-nhan-su", "Danh sách nhân sự ", "csv")
    body, rows = csv_of(response)
    # (The e-mail's heading is whatever the catalogs say for "E-mail": two apps translate it.)
    assert rows[0][:2] + rows[0][3:] == ["Họ và tên", "Mã cán bộ", "Đơn vị", "Chức vụ", "Cấp học"]
    assert rows[0][2] in ("Thư điện tử", "E-mail")
    row = next(r for r in rows if r[1] == "GV900")
    assert row[0] == "'=1+2" and row[3] == school.name and row[4] == "Giáo viên"
    assert ",teacher," not in body

    response = client.get("/admin/staff/?export=xlsx")
    assert_named(response, "danh-sach-nhan-su", "Danh sách nhân sự ", "xlsx")
    sheet = workbook_of(response)
    row = next(r for r in sheet.iter_rows() if r[1].value == "GV900")
    assert (row[0].value, row[0].data_type, row[0].quotePrefix) == ("=1+2", "s", True)
    assert row[4].value == "Giáo viên"
    assert_no_formula(sheet)


def test_wagtails_site_history_export_is_formula_safe(client, admin_user, formula_school):
    ModelLogEntry.objects.log_action(formula_school, "wagtail.edit", user=admin_user)
    client.force_login(admin_user)
    body, rows = csv_of(client.get("/admin/reports/site-history/?export=csv"))
    assert any(row[1] == "'" + FORMULA for row in rows[1:])
    assert FORMULA not in body.replace("'" + FORMULA, "")
    assert_no_formula(workbook_of(client.get("/admin/reports/site-history/?export=xlsx")))


def test_the_wagtail_listings_still_need_admin_access(client, school, make_person):
    client.force_login(make_person(unit=school))  # a teacher: no admin access
    for address in ("/admin/reports/site-history/?export=csv", "/admin/redirects/?export=csv"):
        response = client.get(address)
        assert response.status_code in (302, 403), address


@pytest.mark.parametrize(
    "address",
    [
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        "/admin/redirects/",
        "/admin/snippets/courses/criterion/",
    ],
)
def test_every_wagtail_listing_exports_both_formats(client, admin_user, address):
    client.force_login(admin_user)
    body, rows = csv_of(client.get(address + "?export=csv"))
    assert rows and all(heading and "." not in heading for heading in rows[0])
    response = client.get(address + "?export=xlsx")
    assert "filename*=UTF-8" in response["Content-Disposition"]
    assert_no_formula(workbook_of(response))
