"""Journey 1: a teacher logs in, opens the module the school assigned, reads its lessons, passes the
final quiz, sees the dashboard's bar move, downloads the certificate (a real PDF, read back) and
opens its verification page, which says the certificate is valid."""

import io
import re

from pypdf import PdfReader

from certificates.models import Certificate, ModuleCertificateRule
from tests.e2e.test_teacher_login import PASSWORD, log_in
from tests.e2e.world import RIGHT_CHOICES, RIGHT_TEXT, certificate_issuer, module_with_quiz
from training.services import enrolment_assign


def bar_value(page, label: str) -> int:
    return int(page.locator(f"li.bar:has-text('{label}') progress").get_attribute("value"))


def test_teacher_studies_an_assigned_module_and_gets_a_verifiable_certificate(
    page, screenshot, teacher, school_manager, department
):
    certificate_issuer(department)
    module = module_with_quiz()
    ModuleCertificateRule.objects.create(module=module)
    enrolment_assign(module=module, people=[teacher], acting_user=school_manager)

    log_in(page, "GV001", PASSWORD)
    page.wait_for_url("**/trang-ca-nhan/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("main h1").inner_text() == "Xin chào, Nguyễn Thị Hương"
    assert "Được giao" in page.locator("main").inner_text()
    before = bar_value(page, "Chương trình 03")
    screenshot(page, "dashboard-before")

    assigned = page.locator("section[aria-labelledby=assigned-title]")
    assigned.get_by_role("link", name="GVPT 05 Ứng dụng công nghệ thông tin trong dạy học").click()
    page.wait_for_url("**/gvpt-05/")
    assert "Ứng dụng công nghệ thông tin trong dạy học" in page.locator("main h1").inner_text()
    screenshot(page, "module")

    page.get_by_role("link", name="Bài 1. Khai thác học liệu số").click()
    assert "Nội dung bài 1" in page.locator("main").inner_text()
    screenshot(page, "lesson-1")
    page.locator("a[rel=next]").click()
    assert "Nội dung bài 2" in page.locator("main").inner_text()
    page.get_by_role("link", name="Nội dung mô-đun").click()

    page.get_by_role("link", name="Làm bài kiểm tra cuối mô-đun").click()
    for choice in RIGHT_CHOICES:
        page.get_by_label(choice, exact=True).check()
    page.get_by_label("Đúng", exact=True).check()
    page.get_by_label("Câu trả lời của bạn").fill(RIGHT_TEXT)
    screenshot(page, "quiz-answered")
    page.get_by_role("button", name="Nộp bài").click()
    page.wait_for_url(re.compile(r"/gvpt-05/(#.*)?$"))
    result = page.locator(".messages").inner_text()
    assert "10,00/10 — đạt. Đã hoàn thành mô-đun: được tính 20 tiết." in result, result
    screenshot(page, "quiz-passed")

    page.goto("/trang-ca-nhan/")
    after = bar_value(page, "Chương trình 03")
    assert after > before, (before, after)
    certificates = page.locator("ul.certificates")
    assert "GVPT 05" in certificates.inner_text()
    screenshot(page, "dashboard-after")

    with page.expect_download() as download_info:
        certificates.get_by_role("link", name="Tải bản PDF").click()
    pdf = download_info.value
    body = open(pdf.path(), "rb").read()
    assert body.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    assert "Nguyễn Thị Hương" in text
    certificate = Certificate.objects.get(holder=teacher)
    assert certificate.serial in text

    certificates.get_by_role("link", name="Trang xác minh").click()
    page.wait_for_url(f"**/verify/{certificate.code}/")
    assert page.locator("h1#verify-status").inner_text() == "Giấy chứng nhận hợp lệ"
    assert "Nguyễn Thị Hương" in page.locator("main").inner_text()
    screenshot(page, "verified")
