"""Journey: the school manager finds what waits on the admin home, ticks every face-to-face record
with "select all", is told a rejection needs a reason, rejects them together, and opens one
teacher's page."""

from tests.e2e.test_journey_face_to_face import admin_log_in
from tests.e2e.test_teacher_login import PASSWORD
from training.models import RecordStatus, TrainingRecord
from training.services import training_record_submit
from training.tests.conftest import record_values


def test_the_manager_rejects_many_records_at_once(
    page, screenshot, school, teacher, school_manager, make_person
):
    people = [teacher] + [
        make_person(unit=school, full_name=name) for name in ("Lò Văn Minh", "Giàng A Páo")
    ]
    for n, person in enumerate(people, start=1):
        training_record_submit(
            **record_values(title=f"Sinh hoạt chuyên môn cụm trường lần {n}"), acting_user=person
        )

    admin_log_in(page, "QL001", PASSWORD)
    panel = page.get_by_role("region", name="Đang chờ bạn duyệt")
    assert "3 hồ sơ bồi dưỡng tập trung" in panel.inner_text()
    screenshot(page, "home-panel")
    panel.get_by_role("link", name="3 hồ sơ bồi dưỡng tập trung").click()

    form = page.locator("form[data-bulk]:has(input[name=queue][value=records])")
    select_all = form.get_by_label("Chọn tất cả hồ sơ")
    select_all.check()  # shown and working: the static script runs under the CSP
    assert form.locator("tbody input[type=checkbox]:checked").count() == 3
    form.get_by_role("button", name="Từ chối").click()
    page.wait_for_load_state()
    assert "Hãy nêu lý do" in page.locator("main").inner_text()
    assert TrainingRecord.objects.filter(status=RecordStatus.SUBMITTED).count() == 3
    screenshot(page, "reason-missing")

    form = page.locator("form[data-bulk]:has(input[name=queue][value=records])")
    assert form.locator("tbody input[type=checkbox]:checked").count() == 3  # still ticked
    form.get_by_label("Nhận xét hoặc lý do").fill("Thiếu danh sách điểm danh.")
    form.get_by_role("button", name="Từ chối").click()
    page.wait_for_load_state()
    assert "Đã từ chối 3 hồ sơ bồi dưỡng tập trung." in page.content()
    assert TrainingRecord.objects.filter(status=RecordStatus.REJECTED).count() == 3
    screenshot(page, "rejected")

    page.get_by_role("link", name="Nguyễn Thị Hương").first.click()
    page.wait_for_load_state()
    assert "Sinh hoạt chuyên môn cụm trường lần 1" in page.locator("main").inner_text()
    assert "Thiếu danh sách điểm danh." in page.locator("main").inner_text()
    screenshot(page, "person-page")
