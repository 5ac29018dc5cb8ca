"""Idempotency-Key: a retried POST is done once; the same key with another request is refused."""

from datetime import timedelta

from django.utils import timezone

from portal.api.models import IdempotentRequest
from tests.api_support import client_for
from training.models import TrainingRecord


def record(w, **changes):
    return {
        "school_year": w.record.school_year,
        "title": "Sinh hoạt chuyên môn cụm trường",
        "organiser": "Phòng GD&ĐT",
        "start_date": w.record.start_date.isoformat(),
        "end_date": w.record.end_date.isoformat(),
        "hours": 4,
        "programme": "02",
        **changes,
    }


def post(api, w, key=None, **changes):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return api.post("/api/v1/trainings/", record(w, **changes), format="json", **headers)


def test_a_retry_with_the_same_key_gets_the_first_response_and_records_once(api_world):
    w, api = api_world, client_for(api_world.teacher)
    before = TrainingRecord.objects.filter(user=w.teacher).count()
    first = post(api, w, key="0b7c6a1e-2f4d-4c1a-9e55-1b3f0a2c7d10")
    again = post(api, w, key="0b7c6a1e-2f4d-4c1a-9e55-1b3f0a2c7d10")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert TrainingRecord.objects.filter(user=w.teacher).count() == before + 1


def test_without_a_key_two_posts_record_twice(api_world):
    w, api = api_world, client_for(api_world.teacher)
    before = TrainingRecord.objects.filter(user=w.teacher).count()
    post(api, w)
    post(api, w)
    assert TrainingRecord.objects.filter(user=w.teacher).count() == before + 2


def test_the_same_key_with_another_body_is_a_conflict(api_world):
    w, api = api_world, client_for(api_world.teacher)
    assert post(api, w, key="k-1").status_code == 201
    response = post(api, w, key="k-1", hours=5)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "idempotency_key_reused"


def test_a_key_still_running_is_a_conflict_to_retry(api_world):
    w = api_world
    IdempotentRequest.objects.create(
        user=w.teacher, key="k-2", method="POST", path="/api/v1/trainings/", request_hash="x"
    )
    response = post(client_for(w.teacher), w, key="k-2")
    assert response.status_code == 409
    assert response["Retry-After"] == "1"


def test_keys_belong_to_their_person(api_world):
    w = api_world
    assert post(client_for(w.teacher), w, key="shared").status_code == 201
    response = client_for(w.manager).post(
        "/api/v1/trainings/", record(w), format="json", HTTP_IDEMPOTENCY_KEY="shared"
    )
    assert response.status_code == 201
    assert response.json()["person"]["id"] == w.manager.pk


def test_refusals_are_kept_but_an_expired_key_runs_again(api_world):
    w, api = api_world, client_for(api_world.teacher)
    refused = post(api, w, key="k-3", hours=0)
    assert refused.status_code == 400
    assert post(api, w, key="k-3", hours=0).json() == refused.json()
    IdempotentRequest.objects.filter(key="k-3").update(
        created_at=timezone.now() - timedelta(hours=25)
    )
    assert post(api, w, key="k-3", hours=1).status_code == 201


def test_a_malformed_key_is_refused(api_world):
    response = post(client_for(api_world.teacher), api_world, key="có dấu cách")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "idempotency_key_invalid"
