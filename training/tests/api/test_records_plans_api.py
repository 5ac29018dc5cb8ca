"""Face-to-face records with evidence, yearly plans, year summaries and the completion report
through the API."""

import csv
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.api_support import PDF, client_for, if_match, this_year
from training.models import PlanStatus, RecordStatus, TrainingPlan, TrainingRecord, YearStatus


def test_a_record_with_evidence_is_sent_as_a_form_and_downloaded_by_its_manager(api_world):
    w = api_world
    response = client_for(w.teacher).post(
        "/api/v1/trainings/",
        {
            "school_year": w.record.school_year,
            "title": "Tập huấn an toàn trường học",
            "organiser": "Sở GD&ĐT Lai Châu",
            "start_date": w.record.start_date.isoformat(),
            "end_date": w.record.end_date.isoformat(),
            "hours": "8",
            "programme": "02",
            "files": [
                SimpleUploadedFile("minh-chung.pdf", PDF, content_type="application/pdf"),
                SimpleUploadedFile("anh.pdf", PDF, content_type="application/pdf"),
            ],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    record = response.json()
    assert record["status"] == "submitted" and record["hours"] == 8
    assert [e["name"] for e in record["evidence"]] == ["minh-chung.pdf", "anh.pdf"]
    download = client_for(w.manager).get(record["evidence"][0]["url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert client_for(w.other_manager).get(record["evidence"][0]["url"]).status_code == 404


def test_a_file_that_is_not_what_it_says_is_refused(api_world):
    w = api_world
    response = client_for(w.teacher).post(
        "/api/v1/trainings/",
        {
            "school_year": w.record.school_year,
            "title": "Tập huấn",
            "organiser": "Sở",
            "start_date": w.record.start_date.isoformat(),
            "end_date": w.record.end_date.isoformat(),
            "hours": "8",
            "programme": "02",
            "files": [
                SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", content_type="application/pdf")
            ],
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert "files" in response.json()["error"]["fields"]


def test_a_manager_rejects_then_the_teacher_corrects_and_the_manager_approves(api_world):
    w = api_world
    manager, teacher = client_for(w.manager), client_for(w.teacher)
    reason = manager.post(
        f"/api/v1/trainings/{w.record.pk}/reject/",
        {"reason": ""},
        format="json",
        **if_match(w.record),
    )
    assert reason.status_code == 400 and "reason" in reason.json()["error"]["fields"]
    rejected = manager.post(
        f"/api/v1/trainings/{w.record.pk}/reject/",
        {"reason": "Thiếu dấu."},
        format="json",
        **if_match(w.record),
    )
    assert rejected.json()["status"] == RecordStatus.REJECTED
    corrected = teacher.patch(f"/api/v1/trainings/{w.record.pk}/", {"hours": 12}, format="json")
    assert corrected.status_code == 200, corrected.json()
    assert (corrected.json()["status"], corrected.json()["hours"]) == ("submitted", 12)
    assert corrected.json()["title"] == w.record.title
    approved = manager.post(
        f"/api/v1/trainings/{w.record.pk}/approve/", {}, format="json", **if_match(w.record)
    )
    assert approved.json()["status"] == RecordStatus.APPROVED
    assert approved.json()["decided_by"] == w.manager.full_name
    locked = teacher.patch(f"/api/v1/trainings/{w.record.pk}/", {"hours": 20}, format="json")
    assert locked.status_code == 400
    assert locked.json()["error"]["code"] == "record_locked"
    summary = teacher.get(f"/api/v1/year-summaries/{w.summary.pk}/").json()
    assert summary["hours_01"] == 12


def test_managers_list_the_records_of_their_reach(api_world):
    w = api_world

    def listed(role, **query):
        response = client_for(getattr(w, role)).get("/api/v1/trainings/", query)
        return sorted(row["id"] for row in response.json()["results"])

    graduate = sorted(TrainingRecord.objects.filter(user=w.graduate).values_list("pk", flat=True))
    assert listed("teacher") == [w.record.pk]
    assert listed("teacher", scope="reach") == []
    assert listed("manager", scope="reach") == sorted([w.record.pk, *graduate])
    assert listed("manager", scope="reach", status="submitted") == [w.record.pk]
    assert listed("office", scope="reach", person=w.teacher.pk) == [w.record.pk]
    assert listed("other_manager", scope="reach") == []


def test_a_plan_is_built_submitted_and_returned(api_world):
    w = api_world
    api = client_for(w.other_teacher)
    choices = api.get("/api/v1/plans/choices/").json()
    assert choices["school_year"] == this_year()
    assert {m["code"] for m in choices["choices"]} == {"GVPT 05", "GVPT 09"}
    assert choices["plan"] is None and choices["editable"] is True
    saved = api.post(
        "/api/v1/plans/", {"school_year": this_year(), "modules": [w.module.pk]}, format="json"
    )
    assert saved.status_code == 200, saved.json()
    plan = saved.json()
    assert plan["status"] == "draft" and plan["hours"] == 40
    submitted = api.post(f"/api/v1/plans/{plan['id']}/submit/").json()
    assert submitted["status"] == PlanStatus.SUBMITTED
    assert [event["action"] for event in submitted["events"]] == ["submitted"]
    assert client_for(w.manager).post(f"/api/v1/plans/{plan['id']}/approve/").status_code == 404
    office = client_for(w.office)
    seen = if_match(TrainingPlan(pk=plan["id"]))
    needs_comment = office.post(f"/api/v1/plans/{plan['id']}/return/", {}, format="json", **seen)
    assert needs_comment.status_code == 400
    returned = office.post(
        f"/api/v1/plans/{plan['id']}/return/",
        {"comment": "Thêm một mô-đun."},
        format="json",
        **seen,
    ).json()
    assert returned["status"] == PlanStatus.RETURNED and returned["comment"] == "Thêm một mô-đun."


def test_too_few_programme_03_hours_cannot_be_submitted(api_world):
    w = api_world
    api = client_for(w.other_teacher)
    plan = api.post(
        "/api/v1/plans/",
        {"school_year": this_year(), "modules": [w.plain_module.pk]},
        format="json",
    ).json()
    response = api.post(f"/api/v1/plans/{plan['id']}/submit/")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "plan_too_few_03"


def test_the_report_counts_each_unit_below_from_the_year_summaries(api_world):
    w = api_world
    office = client_for(w.office)
    year = this_year()
    summaries = office.get(
        "/api/v1/year-summaries/", {"school_year": year, "unit": w.school.pk, "page_size": 200}
    ).json()["results"]
    assert sum(1 for row in summaries if row["status"] == YearStatus.COMPLETED) == 1

    # Office staff start at the department: one row, the commune (no one trains at the
    # department itself), counting both schools.
    report = office.get("/api/v1/reports/completion/", {"school_year": year}).json()
    assert report["unit"]["id"] == w.department.pk
    assert [(r["unit"]["id"], r["teachers"], r["completed"]) for r in report["rows"]] == [
        (w.commune.pk, 5, 1)
    ]
    assert report["total"]["rate"] == 20.0
    below = office.get(
        "/api/v1/reports/completion/", {"school_year": year, "unit": w.commune.pk}
    ).json()
    school, other = below["rows"]
    # The school's trainees: the teacher, the graduate and the principal.
    assert (school["unit"]["id"], school["teachers"], school["completed"]) == (w.school.pk, 3, 1)
    assert (school["in_progress"], school["not_completed"], school["rate"]) == (2, 0, 33.3)
    assert (other["unit"]["id"], other["teachers"], other["completed"]) == (w.other_school.pk, 2, 0)
    principals = office.get(
        "/api/v1/reports/completion/",
        {"school_year": year, "unit": w.commune.pk, "position": "principal"},
    ).json()
    assert [row["teachers"] for row in principals["rows"]] == [1, 1]
    # A school manager starts at the school, and sees nothing else.
    mine = client_for(w.manager).get("/api/v1/reports/completion/", {"school_year": year}).json()
    assert [(r["unit"]["id"], r["teachers"]) for r in mine["rows"]] == [(w.school.pk, 3)]
    assert (
        client_for(w.manager)
        .get("/api/v1/reports/completion/", {"unit": w.other_school.pk})
        .status_code
        == 404
    )
    assert (
        client_for(w.manager)
        .get("/api/v1/reports/completion/", {"school_year": "2026"})
        .status_code
        == 400
    )


def test_the_report_has_the_numbers_of_the_admins_report(api_world, client):
    w = api_world
    client.force_login(w.office)
    for unit in (None, w.commune, w.school):
        params = {"school_year": this_year(), **({"unit": unit.pk} if unit else {})}
        export = client.get(reverse("training_reports:completion"), {**params, "export": "csv"})
        assert export.status_code == 200
        screen = [
            (name, int(teachers), int(done), int(going), int(not_done), Decimal(rate))
            for name, teachers, done, going, not_done, rate in list(
                csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")))
            )[1:]
        ]
        api = client_for(w.office).get("/api/v1/reports/completion/", params).json()
        assert screen == [
            (
                row["unit"]["name"],
                row["teachers"],
                row["completed"],
                row["in_progress"],
                row["not_completed"],
                Decimal(str(row["rate"])),
            )
            for row in api["rows"]
        ]
        assert screen


def test_summaries_are_mine_or_within_reach(api_world):
    w = api_world

    def people(role):
        response = client_for(getattr(w, role)).get("/api/v1/year-summaries/")
        return sorted(row["person"]["id"] for row in response.json()["results"])

    assert people("teacher") == [w.teacher.pk]
    assert people("manager") == sorted([w.teacher.pk, w.graduate.pk])
    assert people("other_manager") == []
