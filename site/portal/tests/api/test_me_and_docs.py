"""`me`, the schema, and the documentation pages served from our own static files."""

import re

from django.contrib.staticfiles import finders

from tests.api_support import client_for


def test_me_says_who_i_am_and_what_i_reach(api_world):
    w = api_world
    teacher = client_for(w.teacher).get("/api/v1/me/").json()
    assert teacher["staff_code"] == "GV001"
    assert teacher["unit"]["id"] == w.school.pk
    assert teacher["roles"] == ["Giáo viên"]
    assert teacher["units_in_reach"] == []
    assert teacher["permissions"] == []

    manager = client_for(w.manager).get("/api/v1/me/").json()
    assert [unit["id"] for unit in manager["units_in_reach"]] == [w.school.pk]
    assert "training.review_trainingrecord" in manager["permissions"]
    office = client_for(w.office).get("/api/v1/me/").json()
    assert {unit["id"] for unit in office["units_in_reach"]} == {
        w.department.pk,
        w.commune.pk,
        w.school.pk,
        w.other_school.pk,
    }
    assert "certificates.issue_certificate" in office["permissions"]


def test_the_schema_is_openapi_3(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/enrolments/" in schema["paths"]
    assert "/xapi/statements" in schema["paths"]
    assert {"tokenAuth", "basicTokenAuth", "cookieAuth"} <= set(
        schema["components"]["securitySchemes"]
    )
    assert "Error" in schema["components"]["schemas"]


def _local_assets(html: str) -> list[str]:
    """Every address the page loads (scripts, styles, icons), which must all be ours."""
    found = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert found
    foreign = [url for url in found if re.match(r"^(https?:)?//", url)]
    assert not foreign, foreign
    return [url for url in found if url.startswith("/static/")]


def test_the_docs_load_nothing_from_another_site(client, db):
    for page in ("/api/docs/", "/api/docs/redoc/"):
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assets = _local_assets(html)
        assert assets, page
        for url in assets:
            assert finders.find(url.removeprefix("/static/")), url
        assert "fonts.googleapis.com" not in html
        assert "validator.swagger.io" not in html
        # And the browser is told to load nothing from elsewhere (ReDoc's logo would be).
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "img-src 'self' data: blob:" in policy
