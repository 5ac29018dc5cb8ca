"""Organisation → Import roster, as a manager uses it."""

import csv
import io
from html import unescape
from urllib.parse import unquote

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from training.models import User
from training.roster.reader import read_tables
from training.tests.roster.conftest import STAFF_HEADINGS, csv_bytes

URL = "/admin/roster-import/"


def _upload(client, content, name="danh-sach.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


GOOD = [STAFF_HEADINGS, ["GV400", "Lò Thị Mai", "05/09/1985", "Nữ", "", "TR-SSH", "GV", "TH"]]


def test_dry_run_page_lists_errors_and_offers_no_apply(client, office_staff, school):
    client.force_login(office_staff)
    bad = [*GOOD, ["GV401", "Lò Văn Páo", "31/02/1990", "", "", "KHONG-CO", "", ""]]
    response = _upload(client, csv_bytes(bad))
    html = response.content.decode()
    assert response.status_code == 200
    assert "KHONG-CO" in html and "31/02/1990" in html
    assert 'name="token"' not in html
    assert not User.objects.filter(username="GV400").exists()


def test_dry_run_then_apply_shows_the_password_sheet_once(client, office_staff, school):
    client.force_login(office_staff)
    html = _upload(client, csv_bytes(GOOD)).content.decode()
    assert "Thêm mới" in html and "Lò Thị Mai" in html
    token = html.split('name="token" value="')[1].split('"')[0]
    assert not User.objects.filter(username="GV400").exists()
    sheet = client.post(URL, {"token": token})
    assert sheet.status_code == 200
    assert "no-store" in sheet["Cache-Control"]
    text = sheet.content.decode()
    assert "Trường PTDTBT TH&amp;THCS Sin Suối Hồ" in text and "GV400" in text
    assert "http://testserver/dang-nhap/" in text
    password = text.split('class="password">')[1].split("<")[0]
    mai = User.objects.get(username="GV400")
    assert mai.check_password(password) and mai.must_change_password
    # The same token again: the file was applied and is gone.
    again = client.post(URL, {"token": token})
    assert again.status_code == 302
    assert User.objects.filter(username="GV400").count() == 1


def test_new_account_must_change_the_password_first(client, office_staff, school):
    client.force_login(office_staff)
    html = _upload(client, csv_bytes(GOOD)).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    text = client.post(URL, {"token": token}).content.decode()
    password = text.split('class="password">')[1].split("<")[0]
    client.logout()
    client.post(reverse("portal:login"), {"username": "gv400", "password": password})
    response = client.get(reverse("training:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("training:password_change")


def test_a_file_that_is_not_a_roster_is_refused(client, office_staff):
    client.force_login(office_staff)
    html = _upload(client, b"\x89PNG\r\n\x1a\n", name="anh.png").content.decode()
    assert "CSV" in html
    html = _upload(client, csv_bytes([["a", "b"], ["1", "2"]])).content.decode()
    assert "Mã cán bộ" in html


def test_only_office_staff_may_import(client, school_manager, teacher):
    client.force_login(school_manager)
    response = client.get(URL)  # Wagtail's answer to a missing permission
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.post(URL, {"token": "x"}).status_code == 302
    assert client.get(URL + "template/xlsx").status_code == 404
    client.force_login(teacher)
    assert client.get(URL).status_code == 302  # no admin at all


def test_menu_item_under_organisation(client, office_staff, school_manager):
    client.force_login(office_staff)
    assert URL.encode() in client.get("/admin/").content
    client.force_login(school_manager)
    assert URL.encode() not in client.get("/admin/").content


def test_templates_read_back_as_empty_tables(client, office_staff):
    client.force_login(office_staff)
    response = client.get(URL + "template/xlsx")
    assert "filename*=UTF-8''M%E1%BA%ABu%20danh%20s%C3%A1ch" in response["Content-Disposition"]
    xlsx = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(xlsx))
    assert [c.value for c in next(workbook.worksheets[1].iter_rows())][:3] == [
        "Mã cán bộ",
        "Họ",
        "Tên đệm và tên",
    ]
    assert [t.kind for t in read_tables(io.BytesIO(xlsx), name="t.xlsx")] == [
        "units",
        "staff",
    ]
    staff_csv = b"".join(client.get(URL + "template/staff.csv").streaming_content)
    assert staff_csv.startswith(b"\xef\xbb\xbfM\xc3\xa3 c\xc3\xa1n b\xe1\xbb\x99;")
    units_csv = b"".join(client.get(URL + "template/units.csv").streaming_content)
    assert [t.kind for t in read_tables(io.BytesIO(units_csv), name="u.csv")] == ["units"]


def test_every_rows_outcome_downloads_as_csv(client, office_staff, commune_officer, school):
    client.force_login(office_staff)
    bad = [*GOOD, ["GV401", "=HYPERLINK(1)", "31/02/1990", "", "", "KHONG-CO", "", ""]]
    html = _upload(client, csv_bytes(bad)).content.decode()
    href = html.split('href="/admin/roster-import/dry-run.csv?token=')[1].split('"')[0]
    response = client.get(URL + "dry-run.csv", {"token": unquote(unescape(href))})
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Trang tính", "Dòng", "Mã", "Tên", "Kết quả"]
    assert [r[1:5] for r in rows[1:]] == [
        ["2", "GV400", "Lò Thị Mai", "Thêm mới"],
        ["3", "GV401", "'=HYPERLINK(1)", "Lỗi"],
        ["3", "GV401", "'=HYPERLINK(1)", "Lỗi"],
    ]
    assert {r[5] for r in rows[2:]} == {"Ngày sinh", "Mã đơn vị"}
    # Someone else cannot use the link.
    client.force_login(commune_officer)
    other = client.get(URL + "dry-run.csv", {"token": unquote(unescape(href))})
    assert other.status_code == 302
