"""Anonymous endpoints are throttled per address; the refusal says when to come back."""

import pytest

from tests.api_support import client_for


@pytest.fixture
def tight(settings, fresh_throttles):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "1000/minute", "verify": "2/minute"},
    }


def test_the_library_is_throttled_for_anonymous_callers(tight, api_world):
    anonymous = client_for(None)
    statuses = [anonymous.get("/api/v1/resources/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = anonymous.get("/api/v1/resources/")
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    # A person with a token is counted apart.
    assert client_for(api_world.teacher).get("/api/v1/resources/").status_code == 200


def test_verification_has_its_own_limit_for_everyone(tight, api_world):
    code = api_world.certificate.code
    teacher = client_for(api_world.teacher)
    statuses = [teacher.get(f"/api/v1/verify/{code}/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
