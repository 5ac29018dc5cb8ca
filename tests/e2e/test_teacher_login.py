"""A teacher logs in on the front end and lands on their own page; a phone shows it all."""

from django.utils import translation

from portal.forms import ERROR_INVALID_LOGIN

PASSWORD = "mat-khau-rat-dai-2026"


def in_vietnamese(message) -> str:
    with translation.override("vi"):
        return str(message)


def log_in(page, username: str, password: str) -> None:
    page.goto("/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing overflows)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


def test_teacher_logs_in_and_is_greeted_by_name(page, screenshot, teacher):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("header a[href='/dang-nhap/']").inner_text() == "Đăng nhập"
    screenshot(page, "home")

    page.locator("header a[href='/dang-nhap/']").click()
    page.wait_for_url("**/dang-nhap/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("label[for=id_username]").inner_text() == "Mã cán bộ hoặc e-mail"
    screenshot(page, "login")

    log_in(page, "GV001", PASSWORD)
    page.wait_for_url("**/trang-ca-nhan/")
    assert "Nguyễn Thị Hương" in page.locator("main h1").inner_text()
    main = page.locator("main").inner_text()
    assert "GV001" in main
    assert "Trường PTDTBT TH&THCS Sin Suối Hồ" in main
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("header a[href='/trang-ca-nhan/']").inner_text() == "Trang của tôi"
    screenshot(page, "my-page")

    log_out = page.locator("header form[action='/dang-xuat/'] button")
    assert log_out.inner_text() == "Đăng xuất"
    log_out.click()
    page.wait_for_url(lambda url: not url.endswith("/trang-ca-nhan/"))
    assert page.locator("header a[href='/dang-nhap/']").is_visible()


def test_wrong_password_does_not_say_whether_the_account_exists(page, screenshot, teacher):
    log_in(page, "GV001", "not-the-password-2026")
    assert page.url.endswith("/dang-nhap/")
    error = page.get_by_role("alert").inner_text().strip()
    assert error == in_vietnamese(ERROR_INVALID_LOGIN)
    assert error.startswith("Mã cán bộ, e-mail hoặc mật khẩu chưa đúng")
    assert page.input_value("#id_password") == ""
    screenshot(page, "wrong-password")

    log_in(page, "GV999", "not-the-password-2026")
    assert page.get_by_role("alert").inner_text().strip() == in_vietnamese(ERROR_INVALID_LOGIN)
    screenshot(page, "unknown-account")

    page.goto("/trang-ca-nhan/")
    assert "/dang-nhap/" in page.url


def test_phone_sized_pages_do_not_overflow_sideways(phone_page, screenshot, teacher):
    page = phone_page
    for step, path in [("home", "/"), ("login", "/dang-nhap/")]:
        page.goto(path)
        screenshot(page, step)
        assert horizontal_overflow(page) == 0, f"{path} is wider than a 360px phone"

    log_in(page, "GV001", "wrong-password-2026")
    screenshot(page, "login-error")
    assert horizontal_overflow(page) == 0, "the login error is wider than a 360px phone"

    log_in(page, "GV001", PASSWORD)
    page.wait_for_url("**/trang-ca-nhan/")
    screenshot(page, "my-page")
    assert horizontal_overflow(page) == 0, "/trang-ca-nhan/ is wider than a 360px phone"
