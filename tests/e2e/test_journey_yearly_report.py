"""The yearly report upward in the browser: a school manager fills in the document's header
and sends the school's report; office staff see who has sent it and open it."""

from training.models import YearReportSubmission
from training.services import year_close

PASSWORD = "mat-khau-rat-dai-2026"


def admin_log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_school_sends_its_yearly_report_and_the_office_opens_it(
    page, screenshot, school, other_school, teacher, school_manager, office_staff, make_person
):
    from django.utils import timezone

    from courses.school_year import current_school_year

    year = current_school_year(timezone.localdate())
    page.set_default_timeout(60_000)  # the admin's first pages are slow on a busy machine
    for name in ("Vàng Thị Mai", "Lò Văn Thanh"):
        make_person(unit=other_school, full_name=name, school_level="primary")
    make_person(unit=school, full_name="Giàng Seo Lử", school_level="lower_secondary")
    year_close(school_year=year, unit=other_school, acting_user=office_staff)

    admin_log_in(page, school_manager.username)
    page.goto("/admin/yearly-report/")
    assert "Trường PTDTBT TH&THCS Sin Suối Hồ" in page.locator("main").inner_text()
    page.fill("#id_place", "Phong Thổ")
    page.fill("#id_number", "15/BC-THCSSSH")
    screenshot(page, "school-report")
    page.locator("button[value=submit]").click()
    page.wait_for_url("**/admin/yearly-report/received/*/")
    assert YearReportSubmission.objects.filter(unit=school).exists()
    screenshot(page, "sent")

    page.context.clear_cookies()
    admin_log_in(page, office_staff.username)
    page.goto(f"/admin/yearly-report/received/?school_year={year}")
    text = page.locator("main").inner_text()
    assert "Trường Tiểu học Dào San" in text and "Trường PTDTBT TH&THCS Sin Suối Hồ" in text
    screenshot(page, "received")
    page.goto("/admin/yearly-report/deadlines/")
    screenshot(page, "deadlines")
