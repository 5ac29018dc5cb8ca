"""The content API: published programmes, modules and lessons (quizzes without answers), the
open library filtered as on its page, the professional standards."""

import json

from courses.models import LessonPage, ModulePage
from tests.api_support import answers_for, client_for, make_module, make_resource, this_year
from training.models import Attempt


def _every_string(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _every_string(item)
    elif isinstance(value, list):
        for item in value:
            yield from _every_string(item)


def test_a_module_comes_with_its_lessons_and_a_quiz_without_answers(api_world):
    w = api_world
    body = client_for(w.teacher).get(f"/api/v1/modules/{w.module.pk}/").json()
    assert body["code"] == "GVPT 05"
    assert body["school_year"] == this_year()
    assert body["programme"]["kind"] == "03"
    assert body["lesson_count"] == 2
    quiz = body["final_assessment"]
    assert quiz["total_points"] == 5
    assert [q["kind"] for q in quiz["questions"]] == [
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_answer",
    ]
    text = json.dumps(body, ensure_ascii=False)
    assert "correct" not in text
    assert "accepted_answers" not in text
    assert "Bồi dưỡng thường xuyên" not in set(_every_string(body))


def test_a_lessons_body_hides_its_self_check_answers(api_world):
    w = api_world
    body = client_for(w.teacher).get(f"/api/v1/lessons/{w.lesson.pk}/").json()
    assert body["module"] == w.module.pk
    assert [block["type"] for block in body["body"]] == ["heading", "paragraph", "quiz"]
    assert body["body"][1]["value"] == "<p>Nội dung bài 1.</p>"
    text = json.dumps(body, ensure_ascii=False)
    assert "correct" not in text and "accepted_answers" not in text


def test_modules_filter_like_the_programme_pages(api_world):
    w = api_world
    local = make_module(code="DP 01", kind="local", hours=5, lessons=1, quiz=False)
    api = client_for(w.teacher)

    def codes(**query):
        response = api.get("/api/v1/modules/", query)
        assert response.status_code == 200, response.json()
        return [row["code"] for row in response.json()["results"]]

    assert codes() == ["GVPT 05", "GVPT 09", "DP 01"]
    assert codes(programme="03") == ["GVPT 05", "GVPT 09"]
    assert codes(programme="local") == [local.code]
    assert codes(year=this_year(), ordering="-code") == ["GVPT 09", "GVPT 05", "DP 01"]
    assert codes(year="2001-2002") == []
    assert codes(code="gvpt 09") == ["GVPT 09"]
    assert api.get("/api/v1/modules/", {"programme": "07"}).status_code == 400


def test_unpublished_content_is_not_there(api_world):
    w = api_world
    draft = ModulePage.objects.get(pk=w.plain_module.pk)
    draft.unpublish()
    api = client_for(w.teacher)
    assert api.get(f"/api/v1/modules/{draft.pk}/").status_code == 404
    lessons = api.get("/api/v1/lessons/", {"module": w.module.pk}).json()["results"]
    assert [row["id"] for row in lessons] == list(
        LessonPage.objects.child_of(w.module).order_by("path").values_list("pk", flat=True)
    )


def test_the_library_is_open_and_searched_without_diacritics(api_world):
    make_resource(title="Hướng dẫn dạy học Toán lớp 1")
    anonymous = client_for(None)

    def titles(**query):
        response = anonymous.get("/api/v1/resources/", query)
        assert response.status_code == 200
        return sorted(row["title"] for row in response.json()["results"])

    assert titles(q="huong dan toan") == ["Hướng dẫn dạy học Toán lớp 1"]
    assert titles(q="BỒI DƯỠNG") == ["Tài liệu bồi dưỡng thường xuyên"]
    assert titles(type="document") == [
        "Hướng dẫn dạy học Toán lớp 1",
        "Tài liệu bồi dưỡng thường xuyên",
    ]
    assert titles(type="video") == []
    assert titles(lang=["vietnamese", "hmong"]) == titles(lang="vietnamese,hmong")
    assert titles(licence="cc-by-4-0", q="toan") == ["Hướng dẫn dạy học Toán lớp 1"]
    assert titles(type="<script>") == titles()  # not a code: ignored, as on the page
    resource = anonymous.get("/api/v1/resources/").json()["results"][0]
    assert resource["licence"]["short_name"]
    assert "attribution" in resource and resource["languages"][0]["code"] == "vietnamese"


def test_the_standard_is_read_whole_or_by_part(api_world):
    w = api_world
    api = client_for(w.teacher)
    framework = api.get(f"/api/v1/standards/frameworks/{w.framework.pk}/").json()
    assert len(framework["standards"]) == 5
    assert sum(len(s["criteria"]) for s in framework["standards"]) == 15
    assert [level["code"] for level in framework["levels"]][:1]
    criteria = api.get(
        "/api/v1/standards/criteria/", {"framework": w.framework.pk, "page_size": 100}
    ).json()
    assert criteria["count"] == 15
    first = framework["standards"][0]
    assert api.get("/api/v1/standards/criteria/", {"standard": first["id"]}).json()["count"] == len(
        first["criteria"]
    )


def test_lists_are_paginated(api_world):
    api = client_for(api_world.teacher)
    page = api.get("/api/v1/standards/criteria/", {"page_size": 4}).json()
    assert page["count"] == 15 and len(page["results"]) == 4 and page["next"]
    assert api.get("/api/v1/standards/criteria/", {"page": 99}).status_code == 404


def test_a_lessons_self_check_gives_the_total_and_records_nothing(api_world):
    w = api_world
    quiz_id, quiz = next(iter(w.lesson.quizzes().items()))
    answers = answers_for(quiz)
    api = client_for(w.other_teacher)
    url = f"/api/v1/lessons/{w.lesson.pk}/self-check/"
    result = api.post(url, {"quiz": quiz_id, "answers": answers}, format="json").json()
    assert result == {"quiz": quiz_id, "earned": 5, "possible": 5, "score": 10.0}
    assert not Attempt.objects.filter(enrolment__user=w.other_teacher).exists()
    unknown = api.post(url, {"quiz": "nope", "answers": {}}, format="json")
    assert unknown.status_code == 400 and "quiz" in unknown.json()["error"]["fields"]
