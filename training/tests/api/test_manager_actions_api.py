"""The managers' actions of the admin, through the API and the same services: correcting an
approved record, reopening a plan, closing and reopening a school year, the yearly targets.
Every refusal leaves everything as it was."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.api_support import client_for, if_match, quiz_answers, this_year
from training.models import (
    PlanStatus,
    RecordStatus,
    TrainingPlan,
    TrainingRecord,
    YearClosure,
    YearStatus,
    YearSummary,
    YearTarget,
)
from training.services import ERROR_REASON_REQUIRED, ERROR_REOPEN_UNTIL_PAST


def approved_record(w):
    return TrainingRecord.objects.get(user=w.graduate, status=RecordStatus.APPROVED, programme="01")


def test_a_manager_corrects_an_approved_record_and_the_summary_follows(api_world):
    w = api_world
    record = approved_record(w)
    url = f"/api/v1/trainings/{record.pk}/amend/"
    manager = client_for(w.manager)

    refused = manager.post(
        url, {"hours": 30, "programme": "01", "reason": " "}, format="json", **if_match(record)
    )
    assert refused.status_code == 400
    assert refused.json()["error"]["fields"] == {"reason": [str(ERROR_REASON_REQUIRED)]}
    out_of_reach = client_for(w.other_manager).post(
        url, {"hours": 30, "programme": "01", "reason": "Sửa."}, format="json"
    )
    assert out_of_reach.status_code == 404
    not_a_manager = client_for(w.graduate).post(
        url, {"hours": 30, "programme": "01", "reason": "Sửa."}, format="json"
    )
    assert not_a_manager.status_code == 403
    record.refresh_from_db()
    assert record.hours == 40

    response = manager.post(
        url,
        {"hours": 30, "programme": "01", "reason": "Giấy chứng nhận ghi 30 tiết."},
        format="json",
        **if_match(record),
    )
    assert response.status_code == 200, response.json()
    assert response.json()["hours"] == 30
    summary = YearSummary.objects.get(user=w.graduate, school_year=this_year())
    assert summary.hours_01 == 30
    entry = ModelLogEntry.objects.filter(action="hoctap.record_amend").get()
    assert entry.user == w.manager and entry.data["before"]["hours"] == 40

    waiting = manager.post(
        f"/api/v1/trainings/{w.record.pk}/amend/",
        {"hours": 8, "programme": "01", "reason": "Sửa."},
        format="json",
        **if_match(w.record),
    )
    assert waiting.status_code == 400
    assert waiting.json()["error"]["code"] == "record_not_approved"


def test_a_manager_reopens_a_plan_until_a_day(api_world):
    w = api_world
    plan = TrainingPlan.objects.get(user=w.graduate)
    url = f"/api/v1/plans/{plan.pk}/reopen/"
    office = client_for(w.office)
    today = timezone.localdate()

    past = office.post(
        url,
        {"until": (today - timedelta(days=1)).isoformat(), "reason": "Bổ sung."},
        format="json",
        **if_match(plan),
    )
    assert past.status_code == 400
    assert past.json()["error"]["fields"] == {"until": [str(ERROR_REOPEN_UNTIL_PAST)]}
    assert client_for(w.other_manager).post(url, {}, format="json").status_code == 404
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED

    until = (today + timedelta(days=10)).isoformat()
    response = office.post(
        url, {"until": until, "reason": "Bổ sung mô-đun."}, format="json", **if_match(plan)
    )
    assert response.status_code == 200, response.json()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED and plan.reopened_until.isoformat() == until

    submitted = office.post(
        f"/api/v1/plans/{w.plan.pk}/reopen/",
        {"until": until, "reason": "Sửa."},
        format="json",
        **if_match(w.plan),
    )
    assert submitted.status_code == 400
    assert submitted.json()["error"]["code"] == "plan_submitted"


def test_closing_and_reopening_a_school_year_for_a_unit(api_world):
    w = api_world
    manager = client_for(w.manager)
    year = this_year()

    out_of_reach = client_for(w.other_manager).post(
        "/api/v1/year-closures/", {"school_year": year, "unit": w.school.pk}, format="json"
    )
    assert out_of_reach.status_code == 404
    assert client_for(w.teacher).get("/api/v1/year-closures/").status_code == 403
    assert not YearClosure.objects.exists()

    response = manager.post(
        "/api/v1/year-closures/",
        {"school_year": year, "unit": w.school.pk, "reason": "Hết năm học."},
        format="json",
    )
    assert response.status_code == 201, response.json()
    closure = response.json()
    assert closure["unit"]["id"] == w.school.pk and closure["reopened"] is False
    # Whoever had not completed is now "not completed"; nothing more counts for that year.
    teacher_summary = YearSummary.objects.get(user=w.teacher, school_year=year)
    assert teacher_summary.status == YearStatus.NOT_COMPLETED
    late = client_for(w.teacher).post(
        "/api/v1/attempts/",
        {"module": w.module.pk, "answers": quiz_answers(w.module)},
        format="json",
    )
    assert late.status_code == 400 and late.json()["error"]["code"] == "year_closed"

    again = manager.post(
        "/api/v1/year-closures/", {"school_year": year, "unit": w.school.pk}, format="json"
    )
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "year_already_closed"
    assert client_for(w.other_manager).get("/api/v1/year-closures/").json()["count"] == 0
    assert (
        client_for(w.other_manager).get(f"/api/v1/year-closures/{closure['id']}/").status_code
        == 404
    )

    reopen = f"/api/v1/year-closures/{closure['id']}/reopen/"
    no_reason = client_for(w.office).post(reopen, {"reason": ""}, format="json")
    assert no_reason.status_code == 400
    assert no_reason.json()["error"]["fields"] == {"reason": [str(ERROR_REASON_REQUIRED)]}
    reopened = client_for(w.office).post(reopen, {"reason": "Còn hồ sơ."}, format="json")
    assert reopened.status_code == 200 and reopened.json()["reopened"] is True
    teacher_summary.refresh_from_db()
    assert teacher_summary.status == YearStatus.IN_PROGRESS
    twice = client_for(w.office).post(reopen, {"reason": "Còn hồ sơ."}, format="json")
    assert twice.status_code == 400 and twice.json()["error"]["code"] == "year_not_closed"
    listed = manager.get("/api/v1/year-closures/", {"reopened": "true"}).json()
    assert [c["id"] for c in listed["results"]] == [closure["id"]]
    assert manager.get("/api/v1/year-closures/", {"reopened": "false"}).json()["count"] == 0


def test_office_staff_set_the_yearly_targets_and_managers_read_them(api_world):
    w = api_world
    office = client_for(w.office)
    next_year = f"{int(this_year()[:4]) + 1}-{int(this_year()[:4]) + 2}"
    body = {
        "school_year": next_year,
        "audience": "teacher",
        "hours_01": 40,
        "hours_02": 40,
        "hours_03": 40,
    }
    assert (
        client_for(w.manager).post("/api/v1/year-targets/", body, format="json").status_code == 403
    )
    zero = office.post(
        "/api/v1/year-targets/",
        {**body, "hours_01": 0, "hours_02": 0, "hours_03": 0},
        format="json",
    )
    assert zero.status_code == 400 and zero.json()["error"]["code"] == "target_empty"
    too_many = office.post("/api/v1/year-targets/", {**body, "hours_01": 501}, format="json")
    assert too_many.status_code == 400 and too_many.json()["error"]["code"] == "target_hours"
    assert not YearTarget.objects.filter(school_year=next_year).exists()

    created = office.post("/api/v1/year-targets/", body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["total"] == 120
    changed = office.post("/api/v1/year-targets/", {**body, "hours_01": 50}, format="json")
    assert changed.status_code == 200 and changed.json()["id"] == created.json()["id"]
    assert changed.json()["hours_01"] == 50

    listed = client_for(w.manager).get("/api/v1/year-targets/", {"school_year": next_year})
    assert [t["hours_01"] for t in listed.json()["results"]] == [50]
    assert client_for(w.teacher).get("/api/v1/year-targets/").status_code == 403
