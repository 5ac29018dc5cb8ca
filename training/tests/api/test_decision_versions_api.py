"""Decisions through the API carry the version seen: GET gives the record's or plan's ETag, a
decision sends it back in If-Match; 412 when the thing changed since, 428 without If-Match.
Nothing is decided in either case."""

import pytest

from tests.api_support import client_for
from training.models import PlanStatus, RecordStatus, TrainingPlan, TrainingRecord
from training.review_selectors import plan_version, record_version
from training.services import ERROR_PLAN_CHANGED, ERROR_RECORD_CHANGED, plan_save, plan_submit


def etag_of(response) -> str:
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    return etag


def test_a_manager_does_not_approve_hours_changed_after_the_get(api_world):
    w = api_world
    manager, teacher = client_for(w.manager), client_for(w.teacher)
    url = f"/api/v1/trainings/{w.record.pk}/"
    shown = manager.get(url)
    etag = etag_of(shown)
    assert etag == f'"{record_version(TrainingRecord.objects.get(pk=w.record.pk))}"'
    assert shown.json()["version"] == etag.strip('"')
    patched = teacher.patch(url, {"hours": 200}, format="json")
    assert patched.status_code == 200 and patched["ETag"] != etag
    response = manager.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.json()["error"] == {
        "code": "changed_since_seen",
        "message": str(ERROR_RECORD_CHANGED),
        "fields": {},
    }
    record = TrainingRecord.objects.get(pk=w.record.pk)
    assert (record.status, record.hours) == (RecordStatus.SUBMITTED, 200)
    fresh = etag_of(manager.get(url))
    approved = manager.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=fresh)
    assert approved.status_code == 200, approved.json()
    assert approved.json()["status"] == RecordStatus.APPROVED and approved.json()["hours"] == 200
    assert approved["ETag"] == f'"{approved.json()["version"]}"'


@pytest.mark.parametrize("header", [None, "*", ""])
def test_a_decision_without_if_match_is_428(api_world, header):
    w = api_world
    extra = {} if header is None else {"HTTP_IF_MATCH": header}
    response = client_for(w.manager).post(
        f"/api/v1/trainings/{w.record.pk}/reject/", {"reason": "Thiếu dấu."}, format="json", **extra
    )
    assert response.status_code == 428
    assert response.json()["error"]["code"] == "precondition_required"
    assert TrainingRecord.objects.get(pk=w.record.pk).status == RecordStatus.SUBMITTED


def test_a_weak_or_unknown_etag_is_412(api_world):
    w = api_world
    manager = client_for(w.manager)
    url = f"/api/v1/trainings/{w.record.pk}/"
    etag = etag_of(manager.get(url))
    for header in (f"W/{etag}", '"abc"'):
        response = manager.post(
            f"{url}reject/", {"reason": "Thiếu dấu."}, format="json", HTTP_IF_MATCH=header
        )
        assert response.status_code == 412
    assert TrainingRecord.objects.get(pk=w.record.pk).status == RecordStatus.SUBMITTED


def test_out_of_reach_is_404_before_any_precondition(api_world):
    w = api_world
    response = client_for(w.other_manager).post(
        f"/api/v1/trainings/{w.record.pk}/approve/", {}, format="json"
    )
    assert response.status_code == 404


def test_plans_are_decided_on_the_version_seen(api_world):
    w = api_world
    manager, office = client_for(w.manager), client_for(w.office)
    url = f"/api/v1/plans/{w.plan.pk}/"
    etag = etag_of(manager.get(url))
    assert etag == f'"{plan_version(TrainingPlan.objects.get(pk=w.plan.pk))}"'
    assert manager.post(f"{url}approve/", {}, format="json").status_code == 428
    returned = office.post(
        f"{url}return/", {"comment": "Đổi mô-đun."}, format="json", HTTP_IF_MATCH=etag
    )
    assert returned.status_code == 200, returned.json()
    # Decided meanwhile: the refusal says so first.
    decided = manager.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=etag)
    assert decided.json()["error"]["code"] == "plan_not_submitted"
    # Sent again by the teacher: another version than the one the manager read.
    plan = plan_save(school_year=w.plan.school_year, modules=[w.module], acting_user=w.teacher)
    plan_submit(plan=plan, acting_user=w.teacher)
    stale = manager.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["error"]["message"] == str(ERROR_PLAN_CHANGED)
    assert TrainingPlan.objects.get(pk=w.plan.pk).status == PlanStatus.SUBMITTED


def test_the_schema_says_if_match_is_required_and_what_412_and_428_mean(api_world):
    schema = client_for(api_world.manager).get("/api/schema/?format=json").json()
    for path in (
        "/api/v1/trainings/{id}/approve/",
        "/api/v1/trainings/{id}/reject/",
        "/api/v1/trainings/{id}/amend/",
        "/api/v1/plans/{id}/approve/",
        "/api/v1/plans/{id}/return/",
        "/api/v1/plans/{id}/reopen/",
    ):
        operation = schema["paths"][path]["post"]
        headers = {
            p["name"]: p.get("required") for p in operation["parameters"] if p["in"] == "header"
        }
        assert headers["If-Match"] is True, path
        assert {"412", "428"} <= set(operation["responses"]), path
    for path in ("/api/v1/trainings/{id}/", "/api/v1/plans/{id}/"):
        assert "ETag" in schema["paths"][path]["get"]["responses"]["200"]["headers"]
