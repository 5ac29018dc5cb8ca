"""Office staff re-issue a certificate and ask for a unit's yearly certificates in bulk through
the API, within their reach, through the services the admin uses."""

from certificates.models import BulkIssue, Certificate
from tests.api_support import client_for, this_year
from training import roles
from training.services import unit_create


def other_office(make_person):
    elsewhere = unit_create(
        name="Sở GD&ĐT Điện Biên", code="SGD-DB", kind="department", acting_user=None
    )
    return make_person(
        unit=elsewhere, role=roles.OFFICE_STAFF, full_name="Lò Thị Xuân", staff_code="CV900"
    )


def test_office_staff_reissue_a_certificate_in_their_reach(api_world, make_person):
    w = api_world
    url = f"/api/v1/certificates/{w.certificate.pk}/reissue/"
    office = client_for(w.office)

    empty = office.post(url, {"correction": ""}, format="json")
    assert empty.status_code == 400 and set(empty.json()["error"]["fields"]) == {"correction"}
    assert client_for(w.manager).post(url, {"correction": "Sửa."}, format="json").status_code == 403
    elsewhere = client_for(other_office(make_person))
    assert elsewhere.post(url, {"correction": "Sửa."}, format="json").status_code == 404
    assert Certificate.objects.count() == 1

    response = office.post(url, {"correction": "Sửa ngày sinh."}, format="json")
    assert response.status_code == 201, response.json()
    new = response.json()
    assert new["id"] != w.certificate.pk and new["status"] == "valid"
    w.certificate.refresh_from_db()
    assert w.certificate.replaced_by_id == new["id"]
    again = office.post(url, {"correction": "Sửa lần nữa."}, format="json")
    assert again.status_code == 400
    assert Certificate.objects.count() == 2


def test_office_staff_ask_for_a_units_certificates_in_bulk(api_world, make_person):
    w = api_world
    office = client_for(w.office)
    body = {"unit": w.school.pk, "school_year": this_year()}

    bad_year = office.post("/api/v1/certificates/bulk-issues/", {**body, "school_year": "2026"})
    assert bad_year.status_code == 400
    elsewhere = client_for(other_office(make_person))
    assert elsewhere.post("/api/v1/certificates/bulk-issues/", body).status_code == 404
    assert client_for(w.manager).post("/api/v1/certificates/bulk-issues/", body).status_code == 403
    assert not BulkIssue.objects.exists()

    response = office.post("/api/v1/certificates/bulk-issues/", body, format="json")
    assert response.status_code == 202, response.json()
    bulk = response.json()
    assert bulk["unit"]["id"] == w.school.pk and bulk["status"] == "queued"
    assert bulk["requested_by"] == w.office.full_name
    detail = office.get(f"/api/v1/certificates/bulk-issues/{bulk['id']}/")
    assert detail.status_code == 200
    assert elsewhere.get(f"/api/v1/certificates/bulk-issues/{bulk['id']}/").status_code == 404
    assert elsewhere.get("/api/v1/certificates/bulk-issues/").json()["count"] == 0
    assert office.get("/api/v1/certificates/bulk-issues/").json()["count"] == 1
