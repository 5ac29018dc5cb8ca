"""Personal API tokens: made on the profile page (the key shown once, stored hashed), listed by
their prefix, revoked; the API takes `Authorization: Bearer <key>`."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import APIToken

from portal.api.services import MAX_ACTIVE_TOKENS, api_token_create, api_token_revoke

PAGE = "/trang-ca-nhan/api-tokens/"


def test_a_teacher_makes_a_token_sees_it_once_and_uses_it(client, teacher):
    client.force_login(teacher)
    response = client.post(PAGE, {"name": "Bảng điểm của tôi"})
    assert response.status_code == 200
    key = BeautifulSoup(response.content, "html.parser").select_one("#new-token").text
    assert key.startswith("wagtail_")
    token = APIToken.objects.get(user=teacher)
    assert token.name == "Bảng điểm của tôi"
    assert key not in token.key_hash and token.key_hash != key
    assert key.startswith(token.prefix)

    again = client.get(PAGE)
    assert key.encode() not in again.content
    assert token.prefix.encode() in again.content

    client.logout()
    me = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert me.status_code == 200
    assert me.json()["staff_code"] == "GV001"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_authenticates_nobody(client, teacher):
    token, key = api_token_create(user=teacher, name="script", acting_user=teacher)
    client.force_login(teacher)
    response = client.post(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_nobody_revokes_another_persons_token(client, teacher, school_manager):
    token, _key = api_token_create(user=teacher, name="script", acting_user=teacher)
    client.force_login(school_manager)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_inactive_persons_token_and_malformed_headers_are_refused(client, teacher):
    _token, key = api_token_create(user=teacher, name="script", acting_user=teacher)
    for header in ("Bearer", "Bearer a b", "Bearer wagtail_not-a-token", f"Bearer {key}x"):
        response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header
    teacher.is_active = False
    teacher.save(update_fields=["is_active"])
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_a_name_is_required_and_active_tokens_are_limited(client, teacher):
    client.force_login(teacher)
    response = client.post(PAGE, {"name": "  "})
    assert not APIToken.objects.filter(user=teacher).exists()
    assert b"new-token" not in response.content
    tokens = [
        api_token_create(user=teacher, name=f"t{i}", acting_user=teacher)[0]
        for i in range(MAX_ACTIVE_TOKENS)
    ]
    response = client.post(PAGE, {"name": "one too many"})
    assert b"new-token" not in response.content
    assert APIToken.objects.filter(user=teacher).count() == MAX_ACTIVE_TOKENS
    api_token_revoke(token=tokens[0], acting_user=teacher)
    response = client.post(PAGE, {"name": "now there is room"})
    assert b"new-token" in response.content


def test_the_page_needs_a_login(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert reverse("portal:login") in response["Location"]
