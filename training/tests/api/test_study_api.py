"""Enrolments, lesson progress and attempts through the API: the services decide, the API
says what they decided."""

from tests.api_support import client_for, make_module, quiz_answers
from training.models import Completion, Enrolment, LessonView


def test_enrolling_twice_gives_the_same_enrolment(api_world):
    w = api_world
    api = client_for(w.other_teacher)
    first = api.post("/api/v1/enrolments/", {"module": w.module.pk}, format="json")
    again = api.post("/api/v1/enrolments/", {"module": w.module.pk}, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["source"] == "self"
    assert Enrolment.objects.filter(user=w.other_teacher, module=w.module).count() == 1


def test_an_enrolment_shows_my_progress(api_world):
    w = api_world
    body = client_for(w.teacher).get(f"/api/v1/enrolments/{w.enrolment.pk}/").json()
    assert body["progress"] == {
        "lessons_total": 2,
        "lessons_viewed": 1,
        "has_assessment": True,
        "attempts_used": 1,
        "attempts_left": None,
        "percent": 33,
    }
    assert body["completed"] is False and body["completion"] is None


def test_my_enrolments_filter_by_completion(api_world):
    api = client_for(api_world.teacher)
    done = api.get("/api/v1/enrolments/", {"completed": "true"}).json()["results"]
    assert [row["module"]["code"] for row in done] == ["GVPT 09"]
    open_ = api.get("/api/v1/enrolments/", {"completed": "false"}).json()["results"]
    assert [row["module"]["code"] for row in open_] == ["GVPT 05"]


def test_a_manager_assigns_within_reach_only(api_world):
    w = api_world
    assigned = client_for(w.manager).post(
        "/api/v1/enrolments/assign/",
        {"module": w.plain_module.pk, "units": [w.school.pk], "note": "Bắt buộc"},
        format="json",
    )
    assert assigned.status_code == 201, assigned.json()
    assert assigned.json()["units"] == [w.school.pk]
    assert Enrolment.objects.get(user=w.graduate, module=w.plain_module).source == "assigned"
    refused = client_for(w.manager).post(
        "/api/v1/enrolments/assign/",
        {"module": w.plain_module.pk, "units": [w.other_school.pk]},
        format="json",
    )
    assert refused.status_code == 403
    assert not Enrolment.objects.filter(user=w.other_teacher, module=w.plain_module).exists()


def test_progress_counts_views_and_completes_the_last_step(api_world):
    w = api_world
    module = make_module(code="GVPT 12", hours=10, lessons=1, quiz=False)
    lesson = module.lessons().get()
    api = client_for(w.other_teacher)
    first = api.post("/api/v1/progress/", {"lesson": lesson.pk}, format="json").json()
    assert first["module_completed"] is True
    assert first["completion"]["hours"] == 10
    again = api.post("/api/v1/progress/", {"lesson": lesson.pk}, format="json").json()
    assert again["view_count"] == 2
    assert LessonView.objects.filter(enrolment__user=w.other_teacher, lesson=lesson).count() == 1
    assert Completion.objects.filter(user=w.other_teacher, module=module).count() == 1


def test_progress_on_an_unknown_lesson_is_refused(api_world):
    response = client_for(api_world.teacher).post(
        "/api/v1/progress/", {"lesson": 987654}, format="json"
    )
    assert response.status_code == 400
    assert "lesson" in response.json()["error"]["fields"]


def test_an_attempt_is_scored_on_the_server(api_world):
    w = api_world
    api = client_for(w.teacher)
    failed = api.post(
        "/api/v1/attempts/",
        {"module": w.module.pk, "answers": quiz_answers(w.module, right=False)},
        format="json",
    ).json()
    assert (failed["score"], failed["passed"], failed["module_completed"]) == (0.0, False, False)
    assert failed["number"] == 2
    # Passing is not completing while a lesson is still unread.
    passed = api.post(
        "/api/v1/attempts/",
        {"module": w.module.pk, "answers": quiz_answers(w.module)},
        format="json",
    ).json()
    assert (passed["score"], passed["passed"], passed["module_completed"]) == (10.0, True, False)
    mine = api.get("/api/v1/attempts/", {"module": w.module.pk}).json()
    assert [row["number"] for row in mine["results"]] == [3, 2, 1]


def test_answers_the_quiz_does_not_have_are_refused(api_world):
    w = api_world
    response = client_for(w.teacher).post(
        "/api/v1/attempts/",
        {"module": w.module.pk, "answers": {"not-a-question": "x"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_question"
    nul = client_for(w.teacher).post(
        "/api/v1/attempts/", {"module": w.module.pk, "answers": {"a": "\x00"}}, format="json"
    )
    assert nul.status_code == 400
