"""An office specialist imports a roster: a file with errors first, then a good one, and prints
the sheet of initial passwords. Screenshots: the dry run with errors, and the sheet."""

import pytest

from tests.e2e.conftest import ARTIFACTS_DIR, DESKTOP
from training.models import User
from training.tests.roster.conftest import STAFF_HEADINGS, UNIT_HEADINGS, csv_bytes, xlsx_bytes

PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def vi_page(browser, live_server, django_db_serialized_rollback):
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def _shot(page, name):
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"roster-import-{name}.png"), full_page=True)


def test_office_imports_a_roster_with_errors_then_a_good_one(vi_page, office_staff, school):
    page = vi_page
    page.goto("/admin/login/")
    page.fill("#id_username", "CV001")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto("/admin/roster-import/")
    assert "Nhập danh sách" in page.locator("h1").inner_text()
    _shot(page, "01-upload")

    bad = csv_bytes(
        [
            STAFF_HEADINGS,
            ["GV500", "Lò Thị Mai", "05/09/1985", "Nữ", "mai@example.vn", "TR-SSH", "GV", "TH"],
            ["GV501", "Tẩn Láo Sành", "31/02/1990", "Nam", "", "TR-SSH", "GV", "TH"],
            ["GV502", "Giàng A Páo", "", "Nam", "khong-phai-email", "TR-KHONG-CO", "", ""],
            ["gv500", "Lò Văn Chứ", "", "", "", "TR-SSH", "Thủ quỹ", ""],
        ]
    )
    page.set_input_files(
        "#id_file", files=[{"name": "danh-sach-loi.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Không có đơn vị nào mang mã “TR-KHONG-CO”" in text
    assert page.locator("input[name=token]").count() == 0
    _shot(page, "02-dry-run-errors")

    good = xlsx_bytes(
        {
            "Đơn vị": [UNIT_HEADINGS, ["TR-MN-SSH", "Trường Mầm non Sin Suối Hồ", "XA-PT", "MN"]],
            "Cán bộ": [
                STAFF_HEADINGS,
                ["GV500", "Lò Thị Mai", "05/09/1985", "Nữ", "mai@example.vn", "TR-SSH", "GV", "TH"],
                ["GV501", "Tẩn Láo Sành", "03/02/1990", "Nam", "", "TR-SSH", "GV", "THCS"],
                ["GV503", "Vàng Thị Dế", "", "Nữ", "", "TR-MN-SSH", "Hiệu trưởng", "MN"],
            ],
        }
    )
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "danh-sach.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": good,
            }
        ],
    )
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_load_state()
    _shot(page, "03-dry-run-good")
    page.locator("main form button[type=submit]", has_text="Nhập danh sách").click()
    page.wait_for_load_state()
    assert page.locator("td.password").count() == 3
    assert page.locator("section h1").count() == 2  # one page per school
    _shot(page, "04-password-sheet")
    page.emulate_media(media="print")
    _shot(page, "05-password-sheet-print")
    page.pdf(path=str(ARTIFACTS_DIR / "roster-import-password-sheet.pdf"), format="A4")
    assert User.objects.filter(username__in=["GV500", "GV501", "GV503"]).count() == 3
