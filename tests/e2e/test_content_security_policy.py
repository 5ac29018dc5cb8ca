"""The Content-Security-Policy in a real browser: the key pages load and work with nothing
blocked (no violation reported in the console), and the watcher does see a violation when a
page breaks the policy."""

import pytest

from tests.api_support import api_media, api_world  # noqa: F401
from tests.e2e.conftest import ARTIFACTS_DIR

PASSWORD = "mat-khau-rat-dai-2026"

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


#: The one block we mean: ReDoc's footer logo ("API docs by Redocly") from Redocly's CDN, which
#: the API docs' own policy refuses on purpose (portal.api.views.DOCS_CSP: nothing from
#: elsewhere). Nothing else may be blocked.
INTENDED = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _unintended(found: list[str]) -> list[str]:
    return [item for item in found if INTENDED not in item]


def _watch(page) -> list[str]:
    """Collect what the browser reports: console messages about the policy, and the
    securitypolicyviolation events of each page (read by `_reported`)."""
    console = []

    def seen(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            console.append(f"{page.url}: {message.text}")

    # The machine running the suite may be busy: be patient rather than flaky.
    page.set_default_timeout(60_000)
    page.on("console", seen)
    page.on("pageerror", lambda error: console.append(f"{page.url}: page error {error}"))
    page.add_init_script(WATCH)
    return console


def _reported(page) -> list[str]:
    return [f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []")]


def _shot(page, name: str) -> None:
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"csp-{name}.png"))


def _log_in(page, address: str, username: str) -> None:
    page.goto(address)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


@pytest.fixture
def world(api_world):  # noqa: F811 - the fixture imported above
    return api_world


def test_key_pages_load_with_nothing_blocked(page, world):
    console = _watch(page)
    violations = []
    anonymous = {
        "home": "/",
        "login": "/dang-nhap/",
        "library": world.resource.get_parent().url,
        "library-search": world.resource.get_parent().url + "?q=boi+duong",
        "resource": world.resource.url,
        "verification": f"/verify/{world.certificate.code}/",
    }
    for name, address in anonymous.items():
        page.goto(address)
        page.wait_for_load_state("networkidle")
        violations += _reported(page)
        _shot(page, name)

    _log_in(page, "/dang-nhap/", world.teacher.username)
    for name, address in {
        "dashboard": "/trang-ca-nhan/",
        "module": world.module.url,
        "lesson": world.lesson.url,
        "plan": "/ke-hoach/",
        "record-form": "/boi-duong/them/",
    }.items():
        page.goto(address)
        page.wait_for_load_state("networkidle")
        violations += _reported(page)
        _shot(page, name)
    assert page.locator("main").count() == 1

    page.goto("/api/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()
    violations += _reported(page)
    page.goto("/api/docs/redoc/")
    page.get_by_role("heading", name="Học Tập API").first.wait_for()
    violations += _reported(page)

    assert _unintended(violations) == [], violations
    assert _unintended(console) == [], console


def _walk(page, addresses) -> list[str]:
    violations = []
    for address in addresses:
        page.goto(address)
        page.wait_for_load_state("networkidle")
        violations += _reported(page)
    return violations


def test_the_wagtail_admin_runs_no_inline_script(page, world):
    """Issue 12: the admin's policy allows no inline script (styles stay loose: see
    docs/operations.md). Every role's main screens, walked in a real browser, report nothing
    blocked, and the widgets whose Wagtail templates wrote inline scripts still work."""
    console = _watch(page)
    violations = []
    # The content editor: the page editor with Draftail and a StreamField, a date widget, the
    # image chooser, the libraries of images and documents.
    _log_in(page, "/admin/login/", world.editor.username)
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("networkidle")
    violations += _reported(page)
    violations += _walk(page, ["/admin/pages/", "/admin/images/", "/admin/documents/"])
    page.goto(f"/admin/pages/{world.lesson.pk}/edit/")
    page.locator(".Draftail-Editor").first.wait_for()
    page.locator("[data-streamfield-stream-container]").first.wait_for()
    page.wait_for_load_state("networkidle")
    violations += _reported(page)
    _shot(page, "admin-page-editor")
    # A date widget (a module's deadline) is set up by admin-init.js as Wagtail's inline
    # script would have done.
    page.goto(f"/admin/pages/{world.module.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("!!window.jQuery('#id_deadline').data('xdsoft_datetimepicker')")
    violations += _reported(page)
    # A new resource: its inline panel of files adds a form; the image chooser opens.
    page.goto(f"/admin/pages/add/courses/resourcepage/{world.resource.get_parent().pk}/")
    page.wait_for_load_state("networkidle")
    page.locator("#id_files-ADD").click()
    page.locator("#inline_child_files-0").wait_for()
    assert page.input_value("#id_files-TOTAL_FORMS") == "1"
    page.locator("#id_cover_image-chooser .chooser__choose-button").click()
    page.locator(".modal-content #id_q").wait_for()  # the image chooser's search field
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # the modal's fade
    violations += _reported(page)
    _shot(page, "admin-image-chooser")

    # Office staff and a school manager: their reports, listings and forms.
    for person, addresses in (
        (world.office, ["/admin/", "/admin/reports/site-history/", "/admin/staff/",
                        "/admin/units/", "/admin/roster-import/"]),
        (world.manager, ["/admin/", "/admin/reports/site-history/", "/admin/staff/"]),
    ):  # fmt: skip
        page.context.clear_cookies()
        _log_in(page, "/admin/login/", person.username)
        page.wait_for_url("**/admin/")
        violations += _walk(page, addresses)
    assert violations == [], violations
    assert console == [], console


def test_the_watcher_sees_a_violation(page, world):
    console = _watch(page)
    page.goto("/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__ran = true"; document.body.append(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran === true") is False
    assert any("script-src" in v for v in _reported(page))
    assert console
