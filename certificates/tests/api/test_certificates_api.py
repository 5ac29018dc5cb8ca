"""Certificates through the API: mine and within reach, issuing and revoking by office staff,
the frozen PDF and credential, and public verification."""

import json

from certificates.models import Certificate
from tests.api_support import client_for, this_year


def test_office_staff_issue_a_yearly_certificate_once(api_world):
    w = api_world
    office = client_for(w.office)
    body = {"person": w.graduate.pk, "school_year": this_year()}
    first = office.post("/api/v1/certificates/", body, format="json")
    assert first.status_code == 201, first.json()
    again = office.post("/api/v1/certificates/", body, format="json")
    assert again.status_code == 200 and again.json()["code"] == first.json()["code"]
    certificate = first.json()
    assert certificate["kind"] == "year"
    assert certificate["holder"]["id"] == w.graduate.pk
    assert certificate["status"] == "valid"
    assert certificate["verify_url"].endswith(f"/verify/{certificate['code']}/")
    mine = client_for(w.graduate).get("/api/v1/certificates/").json()["results"]
    assert [c["code"] for c in mine] == [certificate["code"]]


def test_a_year_not_completed_is_refused_with_the_services_sentence(api_world):
    w = api_world
    response = client_for(w.office).post(
        "/api/v1/certificates/",
        {"person": w.teacher.pk, "school_year": this_year()},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "has not completed the training plan" in response.json()["error"]["message"]


def test_nobody_outside_reach_is_issued_a_certificate(api_world, make_person):
    w = api_world
    response = client_for(w.office).post(
        "/api/v1/certificates/",
        {"person": w.office.pk + 1000, "school_year": this_year()},
        format="json",
    )
    assert response.status_code == 400
    assert "person" in response.json()["error"]["fields"]


def test_revoking_shows_on_the_public_verification(api_world):
    w = api_world
    code = w.certificate.code
    anonymous = client_for(None)
    assert anonymous.get(f"/api/v1/verify/{code}/").json()["status"] == "valid"
    empty = client_for(w.office).post(
        f"/api/v1/certificates/{w.certificate.pk}/revoke/", {"reason": " "}, format="json"
    )
    assert empty.status_code == 400
    revoked = client_for(w.office).post(
        f"/api/v1/certificates/{w.certificate.pk}/revoke/", {"reason": "Cấp nhầm."}, format="json"
    )
    assert revoked.json()["status"] == "revoked"
    public = anonymous.get(f"/api/v1/verify/{code}/").json()
    assert public["status"] == "revoked"
    assert public["revocation_reason"] == "Cấp nhầm."
    assert "holder" not in public and public["holder_name"] == w.teacher.full_name
    twice = client_for(w.office).post(
        f"/api/v1/certificates/{w.certificate.pk}/revoke/", {"reason": "Lần nữa."}, format="json"
    )
    assert twice.status_code == 400


def test_the_pdf_and_credential_are_exactly_what_was_issued(api_world):
    w = api_world
    certificate = Certificate.objects.get(pk=w.certificate.pk)
    api = client_for(w.teacher)
    pdf = api.get(f"/api/v1/certificates/{certificate.pk}/pdf/")
    with certificate.pdf.open("rb") as stored:
        assert b"".join(pdf.streaming_content) == stored.read()
    credential = api.get(f"/api/v1/certificates/{certificate.pk}/credential/")
    assert credential["Content-Type"].startswith("application/json")
    assert json.loads(credential.content) == json.loads(certificate.credential)


def test_the_pdf_is_sent_by_the_web_server_after_the_apis_check(api_world, settings):
    w = api_world
    settings.PRIVATE_FILES_SENDFILE = "apache"
    url = f"/api/v1/certificates/{w.certificate.pk}/pdf/"
    response = client_for(w.manager).get(url)
    assert response.status_code == 200
    assert response["X-Sendfile"] == str(settings.PRIVATE_ROOT / w.certificate.pdf.name)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    refused = client_for(w.other_manager).get(url)
    assert refused.status_code == 404 and "X-Sendfile" not in refused


def test_unknown_and_malformed_codes_are_not_found(api_world):
    anonymous = client_for(None)
    assert anonymous.get("/api/v1/verify/x/").status_code == 404
    assert anonymous.get(f"/api/v1/verify/{'A' * 27}/").status_code == 404


def test_managers_list_certificates_within_reach(api_world):
    w = api_world

    def codes(role, **query):
        response = client_for(getattr(w, role)).get("/api/v1/certificates/", query)
        return [row["code"] for row in response.json()["results"]]

    assert codes("manager") == []
    assert codes("manager", scope="reach") == [w.certificate.code]
    assert codes("office", scope="reach", status="valid") == [w.certificate.code]
    assert codes("office", scope="reach", status="revoked") == []
    assert codes("other_manager", scope="reach") == []
