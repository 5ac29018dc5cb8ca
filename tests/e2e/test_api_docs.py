"""The API's documentation renders offline, and a teacher makes a token on their profile page."""

from urllib.parse import urlsplit

from tests.e2e.conftest import ARTIFACTS_DIR

PASSWORD = "mat-khau-rat-dai-2026"


def _only_this_site(page, live_server) -> list[str]:
    """Route every request that would reach the network; refuse and remember any that would
    leave this site (a CSP-blocked one never gets here: it never leaves the browser)."""
    host = urlsplit(live_server.url).netloc
    elsewhere = []

    def route(r):
        if urlsplit(r.request.url).netloc not in (host, ""):
            elsewhere.append(r.request.url)
            return r.abort()
        return r.continue_()

    page.context.route("**/*", route)
    return elsewhere


def _window(page, name: str) -> None:
    # The window only: the whole docs page is too tall to photograph quickly.
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"api-docs-{name}.png"))


def test_the_docs_render_with_nothing_from_another_site(page, live_server, db):
    elsewhere = _only_this_site(page, live_server)
    page.goto("/api/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()
    assert page.locator(".swagger-ui .opblock-tag").count() >= 15
    _window(page, "swagger")
    page.goto("/api/docs/redoc/")
    page.get_by_role("heading", name="Học Tập API").first.wait_for()
    _window(page, "redoc")
    assert elsewhere == []


def test_a_teacher_makes_a_token_and_it_is_shown_once(page, screenshot, teacher):
    page.goto("/dang-nhap/")
    page.fill("#id_username", teacher.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto("/trang-ca-nhan/api-tokens/")
    page.fill("input[name=name]", "Bảng điểm")
    page.locator("main form:not(.inline-form) button[type=submit]").click()
    key = page.locator("#new-token").inner_text()
    assert key.startswith("wagtail_")
    screenshot(page, "token-made")
    page.goto("/trang-ca-nhan/api-tokens/")
    assert key not in page.content()
    assert page.get_by_text("Bảng điểm").count() == 1
