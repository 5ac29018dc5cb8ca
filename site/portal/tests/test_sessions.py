"""Sessions: a new key at login, the other sessions ended when the password changes, every
session ended when the account is deactivated (and not back when it is reactivated), and an
idle timeout, shorter for those who may open the admin."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from portal.models import PortalSession
from portal.security import LAST_SEEN, LAST_SEEN_RESOLUTION
from training import roles

PASSWORD = "mat-khau-rat-dai-2026"
HOME = reverse("training:home")
LOGIN = reverse("portal:login")


def _log_in(username: str) -> Client:
    client = Client()
    response = client.post(LOGIN, {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _sent_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_login_gives_a_new_session_key_and_the_session_names_its_account(teacher):
    client = Client()
    client.get(LOGIN)
    session = client.session
    session["before_login"] = True
    session.save()
    before = session.session_key
    client.post(LOGIN, {"username": "GV001", "password": PASSWORD})
    assert client.session.session_key != before
    assert not PortalSession.objects.filter(session_key=before).exists()
    assert PortalSession.objects.get(session_key=client.session.session_key).user == teacher


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(teacher):
    phone, laptop = _log_in("GV001"), _log_in("GV001")
    assert phone.get(HOME).status_code == 200
    changed = laptop.post(
        reverse("training:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mot-mat-khau-moi-2026",
            "new_password2": "mot-mat-khau-moi-2026",
        },
    )
    assert changed.status_code == 302
    assert laptop.get(HOME).status_code == 200
    assert _sent_to_login(phone.get(HOME))


def test_a_deactivated_account_is_refused_at_once_and_its_session_does_not_come_back(teacher):
    client = _log_in("GV001")
    assert client.get(HOME).status_code == 200
    type(teacher).objects.filter(pk=teacher.pk).update(is_active=False)
    assert _sent_to_login(client.get(HOME))
    assert not PortalSession.objects.filter(user=teacher).exists()
    type(teacher).objects.filter(pk=teacher.pk).update(is_active=True)
    assert _sent_to_login(client.get(HOME))


@pytest.fixture
def superuser(db):
    from training.models import User

    return User.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)


def test_deactivating_in_the_admin_ends_every_session_of_the_account(teacher, superuser):
    phone, laptop = _log_in("GV001"), _log_in("GV001")
    assert PortalSession.objects.filter(user=teacher).count() == 2
    admin = Client()
    admin.force_login(superuser)
    response = admin.post(
        reverse("wagtail_bulk_action", args=("training", "user", "set_active_state"))
        + f"?id={teacher.pk}&next=/admin/users/",
        {"mark_as_active": "False"},
    )
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert not teacher.is_active
    # Gone from the database before either browser comes back…
    assert not PortalSession.objects.filter(user=teacher).exists()
    # …so reactivating the account brings neither back.
    type(teacher).objects.filter(pk=teacher.pk).update(is_active=True)
    assert _sent_to_login(phone.get(HOME))
    assert _sent_to_login(laptop.get(HOME))
    assert PortalSession.objects.filter(user=superuser).exists()


def test_the_account_edit_hook_ends_the_sessions_of_an_account_saved_inactive(teacher):
    client = _log_in("GV001")
    teacher.is_active = False
    teacher.save(update_fields=["is_active"])
    for hook in hooks.get_hooks("after_edit_user"):
        hook(None, teacher)
    assert not PortalSession.objects.filter(user=teacher).exists()
    teacher.is_active = True
    teacher.save(update_fields=["is_active"])
    assert _sent_to_login(client.get(HOME))


def test_saving_an_active_account_ends_nothing(teacher):
    _log_in("GV001")
    for hook in hooks.get_hooks("after_edit_user"):
        hook(None, teacher)
    assert PortalSession.objects.filter(user=teacher).count() == 1


def _idle_for(client, seconds: int) -> None:
    session = client.session
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()


def test_a_teacher_idle_beyond_the_limit_is_logged_out_with_a_message(teacher, settings):
    settings.SESSION_IDLE_TIMEOUT = 2 * 60 * 60
    client = _log_in("GV001")
    assert client.get(HOME).status_code == 200
    _idle_for(client, 60 * 60)
    assert client.get(HOME).status_code == 200
    _idle_for(client, 2 * 60 * 60 + 5)
    response = client.get(HOME)
    assert _sent_to_login(response)
    assert SESSION_KEY not in client.session
    login_page = client.get(response["Location"])
    assert "Phiên làm việc đã kết thúc vì lâu không có thao tác" in login_page.content.decode()


def test_who_may_open_the_admin_has_the_shorter_limit(school, make_person, teacher, settings):
    settings.SESSION_IDLE_TIMEOUT = 2 * 60 * 60
    settings.SESSION_IDLE_TIMEOUT_ADMIN = 30 * 60
    make_person(unit=school, role=roles.SCHOOL_MANAGER, staff_code="QL001", full_name="Đặng Dũng")
    manager, colleague = _log_in("QL001"), _log_in("GV001")
    for client in (manager, colleague):
        assert client.get(HOME).status_code == 200
        _idle_for(client, 31 * 60)
    assert _sent_to_login(manager.get(HOME))
    assert colleague.get(HOME).status_code == 200


def test_last_seen_is_written_at_most_once_a_minute(teacher):
    client = _log_in("GV001")
    client.get(HOME)
    first = client.session[LAST_SEEN]
    client.get(HOME)
    assert client.session[LAST_SEEN] == first
    _idle_for(client, LAST_SEEN_RESOLUTION + 1)
    client.get(HOME)
    assert client.session[LAST_SEEN] >= int(time.time()) - 1
