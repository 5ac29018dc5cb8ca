"""A teacher finds their API tokens from the dashboard, makes one for an H5P site and sees its
key once."""

from tests.e2e.test_teacher_login import PASSWORD, log_in


def test_teacher_reaches_the_api_tokens_page_from_the_dashboard(page, screenshot, teacher):
    log_in(page, "GV001", PASSWORD)
    page.wait_for_url("**/trang-ca-nhan/")
    link = page.locator("main").get_by_role("link", name="Mã truy cập API")
    assert link.is_visible()
    screenshot(page, "dashboard")
    link.click()
    page.wait_for_url("**/trang-ca-nhan/api-tokens/")
    page.get_by_label("Tên").fill("H5P trên trang của trường")
    page.locator("main form button[type=submit]").first.click()
    body = page.locator("main").inner_text()
    assert "wagtail_" in body and "H5P trên trang của trường" in body
    screenshot(page, "token-made")
