"""A teacher's day through the API alone, with a token: my modules, a lesson studied, the
final assessment passed, my certificate downloaded."""

from tests.api_support import client_for, quiz_answers


def test_a_teacher_day_over_http_with_a_token(api_world):
    w = api_world
    api = client_for(w.teacher)

    mine = api.get("/api/v1/enrolments/").json()
    assert {row["module"]["code"] for row in mine["results"]} == {"GVPT 05", "GVPT 09"}

    module = api.get(f"/api/v1/modules/{w.module.pk}/").json()
    assert [lesson["id"] for lesson in module["lessons"]] == [
        lesson.pk for lesson in w.module.lessons()
    ]
    for lesson in module["lessons"]:
        response = api.post("/api/v1/progress/", {"lesson": lesson["id"]}, format="json")
        assert response.status_code == 201, response.json()
        assert response.json()["module_completed"] is False

    response = api.post(
        "/api/v1/attempts/",
        {"module": w.module.pk, "answers": quiz_answers(w.module)},
        format="json",
    )
    assert response.status_code == 201, response.json()
    result = response.json()
    assert result["score"] == 10.0
    assert result["passed"] is True
    assert result["module_completed"] is True
    assert result["completion"]["hours"] == 40

    certificates = api.get("/api/v1/certificates/").json()["results"]
    assert [c["code"] for c in certificates] == [w.certificate.code]
    pdf = api.get(certificates[0]["pdf"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
