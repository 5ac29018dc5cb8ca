"""Journey 2: a teacher records a face-to-face training with an evidence file; the school manager
opens it in the management area, looks at the evidence and approves it; the teacher's hours for
Programme 01 go up by the training's tiết."""

from datetime import timedelta

from django.utils import timezone

from tests.e2e.test_journey_teacher_studies import bar_value
from tests.e2e.test_teacher_login import PASSWORD, log_in
from training.models import RecordStatus, TrainingRecord

EVIDENCE = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def admin_log_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_teacher_records_training_and_the_school_manager_approves_it(
    page, screenshot, teacher, school_manager
):
    log_in(page, "GV001", PASSWORD)
    page.wait_for_url("**/trang-ca-nhan/")
    before = bar_value(page, "Chương trình 01")

    page.get_by_role("link", name="Ghi nhận khóa bồi dưỡng").click()
    start = timezone.localdate() - timedelta(days=7)
    page.get_by_label("Tên khóa bồi dưỡng").fill("Tập huấn Chương trình giáo dục phổ thông 2018")
    page.get_by_label("Đơn vị tổ chức").fill("Phòng GD&ĐT Phong Thổ")
    page.get_by_label("Tính vào").select_option("01")
    page.get_by_label("Từ", exact=True).fill(start.isoformat())
    page.get_by_label("Đến", exact=True).fill((start + timedelta(days=1)).isoformat())
    page.get_by_label("Số tiết").fill("16")
    page.get_by_label("Minh chứng").set_input_files(
        files=[{"name": "giay-chung-nhan.pdf", "mimeType": "application/pdf", "buffer": EVIDENCE}]
    )
    screenshot(page, "record-form")
    page.get_by_role("button", name="Gửi để duyệt").click()
    page.wait_for_url("**/trang-ca-nhan/")
    records = page.locator("ul.records").inner_text()
    assert "Tập huấn Chương trình giáo dục phổ thông 2018" in records
    assert "Chờ duyệt" in records
    assert bar_value(page, "Chương trình 01") == before
    screenshot(page, "recorded")
    page.locator("header form[action='/dang-xuat/'] button").click()

    admin_log_in(page, "QL001", PASSWORD)
    screenshot(page, "manager-home")
    page.goto("/admin/training/")
    page.get_by_role("link", name="Tập huấn Chương trình giáo dục phổ thông 2018").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="giay-chung-nhan.pdf").click()
    assert open(download_info.value.path(), "rb").read() == EVIDENCE
    screenshot(page, "record-review")
    page.get_by_role("button", name="Duyệt", exact=True).click()
    page.wait_for_load_state()
    screenshot(page, "approved")
    record = TrainingRecord.objects.get(user=teacher)
    assert record.status == RecordStatus.APPROVED
    assert record.decided_by == school_manager

    page.context.clear_cookies()
    log_in(page, "GV001", PASSWORD)
    page.wait_for_url("**/trang-ca-nhan/")
    assert "Đã duyệt" in page.locator("ul.records").inner_text()
    assert bar_value(page, "Chương trình 01") > before
    assert "16 / 40" in page.locator("li.bar:has-text('Chương trình 01')").inner_text()
    screenshot(page, "teacher-hours-up")
