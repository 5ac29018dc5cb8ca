"""The site's error pages (templates/400.html, 403.html, 404.html, 500.html): in Vietnamese, with
their status, on a light layout (templates/errors/base.html) that reads nothing from the
database, so that the 500 page still shows when the database is the fault."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path
from django.utils import translation

from portal.urls import handler404, handler500  # noqa: F401 - the site's own handlers
from portal.urls import urlpatterns as site_urlpatterns


def bad(request):
    raise SuspiciousOperation("a tampered request")


def forbidden(request):
    raise PermissionDenied("an internal reason")


def broken(request):
    raise RuntimeError("a bug in a page")


#: This module is its own URLconf: the site's addresses and three views that fail.
urlpatterns = [
    path("test-bad/", bad),
    path("test-forbidden/", forbidden),
    path("test-broken/", broken),
    *site_urlpatterns,
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


def page(response) -> str:
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Về trang chủ" in html
    return html


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/test-bad/", 400, "Không hiểu được yêu cầu"),
        ("/test-forbidden/", 403, "Bạn không được mở trang này"),
        ("/khong-co-trang-nay/", 404, "Không tìm thấy trang"),
        ("/test-broken/", 500, "Đã có lỗi xảy ra"),
    ],
)
@pytest.mark.django_db
def test_each_error_page_is_in_vietnamese_with_its_status(browser, url, status, heading):
    response = browser.get(url)
    assert response.status_code == status
    html = page(response)
    assert f"<h1>{heading}</h1>" in html
    # What went wrong inside stays in the log.
    assert "tampered" not in html and "internal reason" not in html and "a bug" not in html


@pytest.mark.django_db
def test_an_error_page_follows_the_chosen_language(browser, settings):
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = browser.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_the_500_page_shows_when_the_database_is_unreachable(browser):
    """No database here: pytest-django refuses every query, as a database that is down would.
    A query made while rendering the page would escape the handler and fail this test. The
    failure comes before the language middleware (the site cache asks the database first), so
    the page is in the site's language; forget what an earlier test chose."""
    translation.deactivate()
    response = browser.get("/test-broken/")
    assert response.status_code == 500
    assert "<h1>Đã có lỗi xảy ra</h1>" in page(response)
