"""One error shape, with messages in the request's language: the language switcher's cookie,
else the Accept-Language header, else Vietnamese."""

from django.conf import settings

from tests.api_support import client_for


def error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def test_not_authenticated_is_401_in_vietnamese_by_default(client, db):
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["Content-Language"] == "vi"
    assert error(response)["code"] == "not_authenticated"
    assert error(response)["message"] == "Thông tin xác thực không được cung cấp."


def test_accept_language_is_honoured_and_the_cookie_wins(client, db):
    response = client.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8")
    assert response["Content-Language"] == "en"
    assert error(response)["message"] == "Authentication credentials were not provided."
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    response = client.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "vi"
    assert "Accept-Language" in response["Vary"]


def test_the_sites_pages_still_ignore_accept_language(client, db):
    response = client.get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "vi"


def test_field_errors_name_the_fields(teacher):
    api = client_for(teacher)
    response = api.post(
        "/api/v1/trainings/",
        {"title": "", "hours": "nhiều"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    body = error(response)
    assert body["code"] == "validation_error"
    assert {"title", "hours", "school_year", "organiser"} <= set(body["fields"])
    assert body["message"] == "Some of the data sent is not valid: see the fields named."


def test_a_services_refusal_keeps_its_code_and_sentence(api_world):
    api = client_for(api_world.teacher)
    response = api.post(f"/api/v1/plans/{api_world.plan.pk}/submit/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    body = error(response)
    assert body["code"] == "plan_not_editable"
    assert body["message"].startswith("This plan has been submitted or approved")


def test_a_services_permission_refusal_is_403_with_its_sentence(api_world):
    api = client_for(api_world.manager)
    response = api.post(f"/api/v1/plans/{api_world.plan.pk}/submit/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert error(response)["message"] == "This belongs to somebody else."


def test_unknown_addresses_and_objects_are_404_in_the_same_shape(teacher):
    api = client_for(teacher)
    for url in (
        "/api/v1/nothing-here/",
        "/api/v1/modules/99999999999999999999999/",
        "/api/v1/modules/123456/",
        "/xapi/nothing",
    ):
        response = api.get(url)
        assert response.status_code == 404, url
        assert error(response)["code"] == "not_found"


def test_a_method_not_allowed_is_405_in_the_same_shape(teacher):
    response = client_for(teacher).delete("/api/v1/me/")
    assert response.status_code == 405
    assert error(response)["code"] == "method_not_allowed"


def test_a_malformed_body_is_a_parse_error(teacher):
    response = client_for(teacher).post(
        "/api/v1/enrolments/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert error(response)["code"] == "parse_error"


def test_field_messages_are_vietnamese_too(teacher):
    response = client_for(teacher).post("/api/v1/enrolments/", {}, format="json")
    assert response.json()["error"]["fields"] == {"module": ["Trường này là bắt buộc."]}
    response = client_for(teacher).post("/api/v1/progress/", {"lesson": 424242}, format="json")
    (message,) = response.json()["error"]["fields"]["lesson"]
    assert message.startswith("Không có bài học") and "424242" in message
