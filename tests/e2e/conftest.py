"""Browser journeys: Playwright drives Debian's chromium against pytest-django's live server.

Every test in this folder is marked `e2e` (run by `make e2e`, skipped by `make test`) and saves
its screenshots under test-artifacts/e2e/ at the repository root."""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
ARTIFACTS_DIR = E2E_DIR.parent.parent / "test-artifacts" / "e2e"

# Debian's chromium, never a downloaded one; the machine has no network but loopback.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: the mark is in place before `-m e2e` / `-m "not e2e"` selects.
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator:
    # Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM
    # calls while one runs. Only the browser tests need this, so it is set here, not globally.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def screenshot(request) -> Callable:
    """`screenshot(page, "step")` saves test-artifacts/e2e/<test>-<nn>-<step>.png."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    counter = iter(range(1, 100))

    def save(page, step: str) -> Path:
        path = ARTIFACTS_DIR / f"{test_name}-{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def _new_page(browser, live_server, request, viewport):
    # The phone asks for English on purpose: the site is Vietnamese unless the visitor picks
    # another language on the site itself.
    context = browser.new_context(
        base_url=live_server.url,
        viewport=viewport,
        locale="en-US",
        timezone_id="Asia/Ho_Chi_Minh",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    if getattr(request.node, "e2e_failed", False):
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        test_name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
        page.screenshot(path=str(ARTIFACTS_DIR / f"{test_name}-FAILED.png"), full_page=True)
    context.close()


# django_db_serialized_rollback: each test starts from the migrated database, home page and
# site included (a live-server test empties the tables it ran against).
@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback, request):
    yield from _new_page(browser, live_server, request, DESKTOP)


@pytest.fixture
def phone_page(browser, live_server, django_db_serialized_rollback, request):
    yield from _new_page(browser, live_server, request, PHONE)
