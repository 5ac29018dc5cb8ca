"""xAPI results with a score on a module without its own final assessment: each is an attempt
(training.services.attempt_record_external) judged by the module's pass mark, counted in its
completion rule and the year summary; the statement id is the attempt's idempotency key."""

import json
import uuid
from decimal import Decimal

import pytest

from tests.api_support import client_for, make_module
from training.models import Attempt, Completion, YearSummary
from xapi.models import Statement

ADL = "http://adlnet.gov/expapi/verbs/"
VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


def statement(verb: str, activity: str, **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:pao@example.vn"},
        "verb": {"id": ADL + verb},
        "object": {"id": activity},
        **extra,
    }


def module_id(module) -> str:
    return f"https://hoctap.example.vn/xapi/activities/modules/{module.pk}"


def lesson_id(lesson) -> str:
    return f"https://hoctap.example.vn/xapi/activities/lessons/{lesson.pk}"


def scored(verb, module, score: dict, success=None) -> dict:
    result = {"score": score}
    if success is not None:
        result["success"] = success
    return statement(verb, module_id(module), result=result)


def send(api, body):
    response = api.post("/xapi/statements", body, format="json", **VERSION)
    assert response.status_code == 200, response.content
    return response


def outcomes(response) -> list[str]:
    return [item["outcome"] for item in json.loads(response["X-Hoctap-Outcomes"])]


@pytest.fixture
def api(api_world):
    return client_for(api_world.other_teacher)


@pytest.fixture
def h5p(api_world):
    return make_module(code="H5P 02", hours=5, lessons=2, quiz=False)


def test_a_score_counts_as_an_attempt_and_completes_the_module_with_it(api_world, api, h5p):
    w = api_world
    first, second = h5p.lessons()
    low = scored("failed", h5p, {"scaled": 0.4}, success=False)
    batch = send(
        api,
        [
            statement("experienced", lesson_id(first)),
            low,
            statement("experienced", lesson_id(second)),
        ],
    )
    # Once a score is reported, the module needs a passing one: the lessons alone do not do.
    assert outcomes(batch) == ["lesson_studied", "score_below_pass_mark", "lesson_studied"]
    assert not Completion.objects.filter(user=w.other_teacher, module=h5p).exists()
    # raw within min and max: 17 of 20 is 8.5 on the 10-point scale.
    good = scored("passed", h5p, {"raw": 17, "min": 0, "max": 20}, success=True)
    assert outcomes(send(api, good)) == ["module_completed"]
    attempts = Attempt.objects.filter(enrolment__user=w.other_teacher, enrolment__module=h5p)
    assert [(a.number, a.score, a.passed) for a in attempts.order_by("number")] == [
        (1, Decimal("4.00"), False),
        (2, Decimal("8.50"), True),
    ]
    completion = Completion.objects.get(user=w.other_teacher, module=h5p)
    assert (completion.score, completion.pass_mark) == (Decimal("8.50"), Decimal("5.00"))
    assert completion.attempt == attempts.get(number=2)
    summary = YearSummary.objects.get(user=w.other_teacher, school_year=completion.school_year)
    assert summary.score_average == Decimal("8.50")
    # The same attempts are what the API lists as mine.
    listed = api.get("/api/v1/attempts/", {"module": h5p.pk}).json()["results"]
    assert sorted(item["score"] for item in listed) == [4.0, 8.5]


def test_the_pass_mark_decides_not_the_statements_success(api_world, api, h5p):
    w = api_world
    claims_pass = scored("passed", h5p, {"scaled": 0.3}, success=True)
    says_failed = scored("failed", h5p, {"scaled": 0.5}, success=False)
    assert outcomes(send(api, [claims_pass, says_failed])) == [
        "score_below_pass_mark",
        "score_recorded",
    ]
    attempts = Attempt.objects.filter(enrolment__user=w.other_teacher).order_by("number")
    assert [(a.passed, a.answers["success"]) for a in attempts] == [(False, True), (True, False)]
    # Enrolled by the statement itself (the teacher is a trainee), as opening a lesson would.
    assert attempts[0].enrolment.module_id == h5p.pk


def test_a_replayed_statement_never_records_twice(api_world, api, h5p):
    w = api_world
    sent = scored("completed", h5p, {"scaled": 0.7})
    send(api, sent)
    assert outcomes(send(api, sent)) == ["already_stored"]
    put = api.put(f"/xapi/statements?statementId={sent['id']}", sent, format="json", **VERSION)
    assert put.status_code == 204
    assert Attempt.objects.filter(enrolment__user=w.other_teacher).count() == 1
    assert Statement.objects.filter(statement_id=sent["id"]).count() == 1


def test_the_attempt_limit_holds_for_scores(api_world, api):
    w = api_world
    module = make_module(code="H5P 03", hours=5, lessons=1, quiz=False, attempt_limit=1)
    batch = [scored("failed", module, {"scaled": 0.1}), scored("passed", module, {"scaled": 1})]
    assert outcomes(send(api, batch)) == ["score_below_pass_mark", "attempt_limit"]
    assert Attempt.objects.filter(enrolment__user=w.other_teacher).count() == 1
    assert Statement.objects.filter(user=w.other_teacher).count() == 2


def test_scores_on_a_module_with_its_own_quiz_and_unknown_activities_are_ignored(api_world, api):
    w = api_world
    batch = [
        scored("passed", w.module, {"scaled": 1.0}, success=True),
        statement("passed", "https://h5p.org/node/77", result={"score": {"scaled": 1.0}}),
    ]
    response = send(api, batch)
    assert outcomes(response) == ["assessed_on_platform", "unknown_activity"]
    assert not Attempt.objects.filter(enrolment__user=w.other_teacher).exists()
    assert all(item["message"] for item in json.loads(response["X-Hoctap-Outcomes"]))


def test_a_person_without_a_staff_profile_has_nothing_recorded(api_world, h5p, django_user_model):
    stranger = django_user_model.objects.create_user(username="khach", password="x" * 20)
    response = send(client_for(stranger), scored("passed", h5p, {"scaled": 0.9}))
    assert outcomes(response) == ["not_recorded"]
    assert not Attempt.objects.filter(enrolment__user=stranger).exists()
