"""Journey 4: office staff open the completion report, filter it, export it to XLSX (read back: the
same numbers as on screen), then revoke a certificate; its verification page says revoked."""

import io

import openpyxl
from django.urls import reverse

from certificates.models import Certificate, ModuleCertificateRule
from tests.e2e.test_journey_face_to_face import admin_log_in
from tests.e2e.test_teacher_login import PASSWORD
from tests.e2e.world import certificate_issuer, module_with_quiz
from training.services import enrolment_assign, lesson_view_record
from training.tests.conftest import answers


def table_rows(page) -> list[list[str]]:
    rows = page.locator("main table tbody tr")
    return [
        [cell.strip() for cell in rows.nth(i).locator("td, th").all_inner_texts()]
        for i in range(rows.count())
    ]


def number(text) -> str:
    """A cell as a number the screen and the spreadsheet can both be compared on."""
    text = str(text).strip().replace("%", "").replace(",", ".").strip()
    try:
        value = float(text)
    except ValueError:
        return text
    return f"{value:g}" if value > 1 or "." not in text else f"{value:g}"


def test_office_reports_exports_and_revokes(
    page,
    screenshot,
    department,
    school,
    other_school,
    teacher,
    school_manager,
    office_staff,
    make_person,
):
    from training.services import attempt_submit

    certificate_issuer(department)
    module = module_with_quiz()
    ModuleCertificateRule.objects.create(module=module)
    others = [make_person(unit=other_school, full_name=f"Lò Văn {n}") for n in ("Páo", "Sử")]
    enrolment_assign(module=module, units=[school, other_school], acting_user=office_staff)
    for person in (teacher, others[0]):
        for lesson in module.lessons():
            lesson_view_record(lesson=lesson, acting_user=person)
        attempt_submit(module=module, answers=answers(module), acting_user=person)
    certificate = Certificate.objects.get(holder=teacher)

    admin_log_in(page, "CV001", PASSWORD)
    page.goto("/admin/training-reports/completion/")
    assert page.locator("main table").count() >= 1
    screenshot(page, "completion-report")
    on_screen = table_rows(page)
    assert on_screen, "the report shows no rows"

    export = page.locator("a[href*='export=xlsx']").first
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    with page.expect_download() as download_info:
        export.click()
    workbook = openpyxl.load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    sheet = workbook.active
    exported = [[number(v) for v in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [[number(v) for v in row] for row in on_screen] == exported

    certificate_page = reverse("certificates_certificate:inspect", args=[certificate.pk])
    page.goto(certificate_page)
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    screenshot(page, "certificate")
    page.get_by_role("link", name="Thu hồi", exact=True).click()
    page.get_by_label("Lý do").fill("Cấp nhầm người: hồ sơ trùng mã cán bộ.")
    screenshot(page, "revoke")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None

    page.goto(f"/verify/{certificate.code}/")
    assert page.locator("h1#verify-status").inner_text() == "Giấy chứng nhận đã bị thu hồi"
    screenshot(page, "verify-revoked")
