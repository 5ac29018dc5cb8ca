"""xAPI statements: stored as sent, applied to our lessons and modules through the training
services, ignored (and said so) otherwise; duplicates and conflicts as the specification says."""

import base64
import json
import uuid

import pytest

from tests.api_support import client_for, make_module, token_for
from training.models import Completion, LessonView
from xapi.models import Statement

ADL = "http://adlnet.gov/expapi/verbs/"
VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


def statement(verb: str, activity: str, **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": "mailto:huong@example.vn", "name": "Hương"},
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": activity},
        **extra,
    }


def activity(kind: str, pk: int) -> str:
    return f"https://hoctap.example.vn/xapi/activities/{kind}/{pk}"


def send(api, body):
    return api.post("/xapi/statements", body, format="json", **VERSION)


def outcomes(response) -> list[str]:
    return [item["outcome"] for item in json.loads(response["X-Hoctap-Outcomes"])]


@pytest.fixture
def api(api_world):
    return client_for(api_world.other_teacher)


def test_experienced_a_lesson_records_it_as_studied(api_world, api):
    w = api_world
    sent = statement("experienced", activity("lessons", w.lesson.pk))
    response = send(api, sent)
    assert response.status_code == 200
    assert response.json() == [sent["id"]]
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert outcomes(response) == ["lesson_studied"]
    assert LessonView.objects.filter(enrolment__user=w.other_teacher, lesson=w.lesson).exists()
    stored = Statement.objects.get(statement_id=sent["id"])
    assert stored.user == w.other_teacher
    assert stored.data["authority"]["account"]["name"] == w.other_teacher.username
    assert stored.data["actor"] == sent["actor"]


def test_the_pages_own_address_is_an_activity_id_too(api_world, api):
    w = api_world
    lesson = w.module.lessons().last()
    response = send(api, statement("progressed", f"https://other.host{lesson.url}"))
    assert outcomes(response) == ["lesson_studied"]


def test_completed_on_a_module_without_its_own_assessment(api_world, api):
    w = api_world
    module = make_module(code="H5P 01", hours=5, lessons=2, quiz=False)
    first, second = module.lessons()
    early = send(api, statement("completed", activity("modules", module.pk)))
    assert outcomes(early) == ["rule_not_met"]
    send(api, [statement("experienced", activity("lessons", first.pk))])
    done = send(api, statement("completed", activity("lessons", second.pk)))
    # The second lesson completes the module by itself (its rule: every lesson studied, as no
    # score was reported); a score sent afterwards changes nothing.
    assert outcomes(done) == ["lesson_studied"]
    late = statement("passed", activity("modules", module.pk), result={"score": {"scaled": 0.9}})
    assert outcomes(send(api, late)) == ["already_completed"]
    completion = Completion.objects.get(user=w.other_teacher, module=module)
    assert completion.score is None


def test_scores_for_a_module_with_its_own_assessment_are_ignored(api_world, api):
    w = api_world
    response = send(
        api,
        statement(
            "passed",
            activity("modules", w.module.pk),
            result={"score": {"scaled": 1.0}, "success": True},
        ),
    )
    assert outcomes(response) == ["assessed_on_platform"]
    assert not Completion.objects.filter(user=w.other_teacher, module=w.module).exists()


def test_unknown_activities_and_verbs_are_stored_and_ignored(api_world, api):
    w = api_world
    response = send(
        api,
        [
            statement("experienced", "https://h5p.org/node/12345"),
            statement("answered", activity("lessons", w.lesson.pk)),
            statement("experienced", activity("lessons", 99_999_999)),
        ],
    )
    assert response.status_code == 200
    assert outcomes(response) == ["unknown_activity", "unknown_verb", "unknown_activity"]
    assert Statement.objects.filter(user=w.other_teacher).count() == 3
    message = json.loads(response["X-Hoctap-Outcomes"])[0]["message"]
    assert message


def test_a_repeated_statement_is_not_applied_twice_and_a_changed_one_conflicts(api_world, api):
    w = api_world
    sent = statement("experienced", activity("lessons", w.lesson.pk))
    send(api, sent)
    again = send(api, {**sent, "verb": {**sent["verb"], "display": {"vi-VN": "đã học"}}})
    assert again.status_code == 200 and outcomes(again) == ["already_stored"]
    assert LessonView.objects.get(enrolment__user=w.other_teacher, lesson=w.lesson).view_count == 1
    changed = send(
        api, {**sent, "object": {"id": activity("lessons", w.module.lessons().last().pk)}}
    )
    assert changed.status_code == 409
    assert changed.json()["error"]["code"] == "statement_conflict"
    # Another person's id is a conflict too, whatever the content.
    other = client_for(w.teacher)
    assert send(other, sent).status_code == 409


def test_a_batch_with_one_id_twice_is_refused_whole(api_world, api):
    w = api_world
    sent = statement("experienced", activity("lessons", w.lesson.pk))
    response = send(api, [sent, sent])
    assert response.status_code == 400
    assert not Statement.objects.filter(user=w.other_teacher).exists()


def test_malformed_statements_are_refused(api_world, api):
    w = api_world
    good = statement("experienced", activity("lessons", w.lesson.pk))
    for bad in (
        {**good, "verb": {"id": "experienced"}},
        {**good, "actor": {"name": "nobody"}},
        {**good, "unknown": 1},
        {**good, "result": {"score": {"scaled": 2}}},
        {**good, "id": "not-a-uuid"},
        "just text",
        [],
    ):
        response = send(api, bad)
        assert response.status_code == 400, bad
    old = api.post("/xapi/statements", good, format="json", HTTP_X_EXPERIENCE_API_VERSION="0.95")
    assert old.status_code == 400
    assert not Statement.objects.filter(user=w.other_teacher).exists()


def test_put_stores_under_the_given_id(api_world, api):
    w = api_world
    sent = statement("experienced", activity("lessons", w.lesson.pk))
    response = api.put(f"/xapi/statements?statementId={sent['id']}", sent, format="json", **VERSION)
    assert response.status_code == 204
    assert Statement.objects.filter(statement_id=sent["id"]).exists()
    other = api.put(f"/xapi/statements?statementId={uuid.uuid4()}", sent, format="json", **VERSION)
    assert other.status_code == 400


def test_get_returns_my_own_statements_only(api_world, api):
    w = api_world
    mine = [statement("experienced", f"https://h5p.org/node/{n}") for n in range(3)]
    send(api, mine)
    send(client_for(w.teacher), statement("experienced", "https://h5p.org/node/9"))
    page = api.get("/xapi/statements", {"limit": 2}, **VERSION).json()
    assert len(page["statements"]) == 2 and page["more"]
    rest = api.get(page["more"], **VERSION).json()
    ids = [s["id"] for s in page["statements"] + rest["statements"]]
    assert sorted(ids) == sorted(s["id"] for s in mine)
    everything = api.get("/xapi/statements", {"limit": 0}, **VERSION).json()
    assert len(everything["statements"]) == 3 and everything["more"] == ""
    one = api.get("/xapi/statements", {"statementId": mine[0]["id"]}, **VERSION).json()
    assert one["id"] == mine[0]["id"] and one["version"] == "1.0.0" and "stored" in one
    theirs = Statement.objects.exclude(user=w.other_teacher).first().statement_id
    assert api.get("/xapi/statements", {"statementId": str(theirs)}, **VERSION).status_code == 404


def test_voiding_hides_a_statement_from_lists(api_world, api):
    target = statement("experienced", "https://h5p.org/node/1")
    send(api, target)
    voiding = {
        **statement("voided", "unused"),
        "object": {"objectType": "StatementRef", "id": target["id"]},
    }
    assert outcomes(send(api, voiding)) == ["voided"]
    listed = api.get("/xapi/statements", **VERSION).json()["statements"]
    assert target["id"] not in [s["id"] for s in listed]
    found = api.get("/xapi/statements", {"voidedStatementId": target["id"]}, **VERSION)
    assert found.status_code == 200


def test_tools_that_only_speak_basic_auth_send_the_token_as_password(api_world):
    w = api_world
    from rest_framework.test import APIClient

    client = APIClient()
    credentials = base64.b64encode(f"h5p:{token_for(w.other_teacher)}".encode()).decode()
    client.credentials(HTTP_AUTHORIZATION=f"Basic {credentials}")
    response = send(client, statement("experienced", activity("lessons", w.lesson.pk)))
    assert response.status_code == 200
    assert client.get("/api/v1/me/").status_code == 401  # Basic is for xAPI only


def test_without_a_token_nothing_is_stored(api_world):
    response = send(client_for(None), statement("experienced", "https://h5p.org/node/1"))
    assert response.status_code == 401
    assert not Statement.objects.exists()
    assert client_for(None).get("/xapi/about").json() == {"version": ["1.0.3"]}
