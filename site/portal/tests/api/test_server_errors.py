"""Whatever goes wrong under /api/ and /xapi/ (a bug in a view, an address that names nothing,
a method an endpoint does not take), a client gets the API's one JSON error shape, never
Django's HTML page; the site's pages keep their own."""

import logging

import pytest
from rest_framework.test import APIClient

from portal.api.handlers import MESSAGE_SERVER_ERROR
from tests.api_support import client_for

pytestmark = pytest.mark.urls("portal.tests.api.raising_urls")


def error(response) -> dict:
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


@pytest.fixture
def api(db):
    return APIClient(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/api/v1/test-broken/", "/api/test-plain-broken/"])
def test_a_server_error_is_json_in_vietnamese_and_logged(api, url, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = api.get(url)
    assert response.status_code == 500
    assert error(response) == {
        "code": "server_error",
        "message": "Đã có lỗi trên máy chủ và yêu cầu chưa được thực hiện. Lỗi đã được ghi lại; "
        "hãy thử lại sau, và báo cho quản trị viên của trang nếu lỗi vẫn lặp lại.",
        "fields": {},
    }
    assert response["Content-Language"] == "vi"
    # The traceback is in the log for the administrators, not in the answer.
    assert any(record.exc_info for record in caplog.records)
    assert "a bug" not in response.content.decode()


def test_the_message_follows_accept_language(api):
    response = api.get("/xapi/test-broken", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    assert error(response)["message"] == str(MESSAGE_SERVER_ERROR)
    assert response["Content-Language"] == "en"


def test_a_retry_after_a_server_error_runs_again(teacher):
    api = client_for(teacher)
    api.raise_request_exception = False
    key = {"HTTP_IDEMPOTENCY_KEY": "0b6f7f7e-6d0c-4b8e-9b1b-5f3a7c9d2e11"}
    first = api.post("/api/v1/test-broken/", {}, format="json", **key)
    again = api.post("/api/v1/test-broken/", {}, format="json", **key)
    assert first.status_code == again.status_code == 500
    assert "Idempotent-Replayed" not in again


def test_not_found_is_json_whatever_raises_it(api):
    for url in ("/api/test-plain-missing/", "/api/v1/khong-co/", "/xapi/khong-co"):
        response = api.get(url)
        assert response.status_code == 404, url
        assert error(response)["code"] == "not_found"


def test_a_method_an_endpoint_does_not_take_is_json(teacher):
    response = client_for(teacher).delete("/api/v1/me/")
    assert response.status_code == 405
    assert error(response)["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]


def test_the_sites_pages_keep_their_html_error_pages(api):
    response = api.get("/test-broken-page/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert api.get("/khong-co-trang-nay/")["Content-Type"].startswith("text/html")
