import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from portal.forms import ERROR_INVALID_LOGIN
from portal.models import PortalSession

PASSWORD = "mat-khau-rat-dai-2026"


def _post(client, username, password, ip="10.1.2.3"):
    return client.post(
        reverse("portal:login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_teacher_logs_in_with_staff_code_and_lands_on_their_page(client, teacher):
    response = _post(client, "GV001", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("training:home")
    page = client.get(reverse("training:home"))
    assert "Nguyễn Thị Hương" in page.content.decode()
    assert 'lang="vi"' in page.content.decode()


def test_login_with_email(client, teacher):
    assert _post(client, "huong@example.vn", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("username", "password"), [("GV001", "sai-mat-khau-99"), ("AI-DO", PASSWORD)]
)
def test_wrong_login_says_the_same_whether_or_not_the_account_exists(
    client, teacher, username, password
):
    response = _post(client, username, password)
    assert response.status_code == 200
    assert str(ERROR_INVALID_LOGIN) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_session_key_rotates_on_login(client, teacher):
    session = client.session
    session["seen_home"] = True
    session.save()
    before = session.session_key
    _post(client, "GV001", PASSWORD)
    assert client.session.session_key != before


def test_lockout_after_repeated_failures_is_per_ip_and_username(
    client, teacher, make_person, school
):
    for _ in range(5):
        _post(client, "GV001", "sai-mat-khau-99")
    locked = _post(client, "GV001", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session

    # A colleague behind the same school NAT address can still log in…
    make_person(unit=school, staff_code="GV002", full_name="Lò Thị Hoa")
    assert _post(client, "GV002", PASSWORD).status_code == 302
    client.logout()
    # …and so can the same teacher from another address.
    assert _post(client, "GV001", PASSWORD, ip="10.9.9.9").status_code == 302


def test_logout_needs_post_and_ends_the_session(client, teacher):
    client.force_login(teacher)
    assert client.get(reverse("portal:logout")).status_code == 405
    response = client.post(reverse("portal:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_my_page_needs_login(client, db):
    response = client.get(reverse("training:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_admin_login_speaks_of_staff_codes_and_gives_the_same_error(client, school_manager):
    page = client.get("/admin/login/").content.decode()
    assert "Mã cán bộ hoặc e-mail" in page
    response = client.post(
        "/admin/login/",
        {"username": "QL001", "password": "sai-mat-khau-99"},
        REMOTE_ADDR="10.3.3.3",
    )
    assert str(ERROR_INVALID_LOGIN) in response.content.decode()
    ok = client.post(
        "/admin/login/", {"username": "ql001", "password": PASSWORD}, REMOTE_ADDR="10.3.3.3"
    )
    assert ok.status_code == 302


# Lockout by the account, however its name is written (issue #12, finding 4) -----------------


@pytest.mark.parametrize("spelling", ["gv001", " GV001 ", "HUONG@example.vn", "huong@example.vn"])
def test_lockout_holds_for_every_spelling_of_the_same_account(client, teacher, spelling):
    for _ in range(5):
        _post(client, "GV001", "sai-mat-khau-99")
    locked = _post(client, spelling, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_under_different_spellings_add_up(client, teacher):
    for name in ["GV001", "gv001", "Gv001", "huong@example.vn", "HUONG@EXAMPLE.VN"]:
        _post(client, name, "sai-mat-khau-99")
    assert _post(client, "gV001", PASSWORD).status_code == 429


def test_admin_login_is_locked_for_the_same_account_in_another_case(client, school_manager):
    for _ in range(5):
        client.post(
            "/admin/login/", {"username": "ql001", "password": "sai"}, REMOTE_ADDR="10.4.4.4"
        )
    locked = client.post(
        "/admin/login/", {"username": "QL001", "password": PASSWORD}, REMOTE_ADDR="10.4.4.4"
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_unknown_names_are_counted_folded_and_do_not_lock_a_real_account(client, teacher):
    for name in ["AI-DO", "ai-do", "Ai-Do", "AI-DO", "ai-dO"]:
        _post(client, name, "sai-mat-khau-99")
    assert _post(client, "ai-do", "sai-mat-khau-99").status_code == 429
    assert _post(client, "GV001", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count_for_every_spelling(client, teacher):
    for _ in range(4):
        _post(client, "huong@example.vn", "sai-mat-khau-99")
    assert _post(client, "gv001", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _post(client, "GV001", "sai-mat-khau-99")
    assert _post(client, "GV001", PASSWORD).status_code == 302


# Logging out of the admin ends the session (issue #12, finding 8) ---------------------------


def _admin_session(client, user):
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _with_cookie(key):
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = key
    return other


def test_admin_logout_by_get_changes_nothing(client, school_manager):
    key = _admin_session(client, school_manager)
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value == key  # the cookie is not deleted…
    assert _with_cookie(key).get("/admin/").status_code == 200  # …and the session is still his


def test_admin_logout_ends_the_session_on_the_server(client, school_manager):
    key = _admin_session(client, school_manager)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert not PortalSession.objects.filter(session_key=key).exists()
    old = _with_cookie(key).get("/admin/")
    assert old.status_code == 302 and old["Location"].startswith("/admin/login/")


def test_front_end_logout_ends_the_session_on_the_server(client, teacher):
    key = _admin_session(client, teacher)
    client.post(reverse("portal:logout"))
    old = _with_cookie(key).get(reverse("training:home"))
    assert old.status_code == 302 and old["Location"].startswith(reverse("portal:login"))
