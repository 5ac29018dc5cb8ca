"""`manage.py demo`: the world a person trying the site meets after `make run`."""

import unicodedata
import xml.etree.ElementTree as ET
from contextlib import suppress
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import RequestFactory
from wagtail.models import Page

from courses.text import fold
from portal.models import NewsIndexPage, NewsPage, PortalSettings
from training import roles
from training.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from training.models import Position, StaffProfile, Unit, UnitKind, User
from training.selectors import staff_search

STAFF = "60"


def demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


class _Rollback(Exception):
    pass


def _names_built_with(*args: str) -> list[str]:
    names = []
    with suppress(_Rollback), transaction.atomic():
        demo("--staff", STAFF, *args)
        names = list(
            User.objects.order_by("username").values_list("username", "last_name", "first_name")
        )
        raise _Rollback
    return names


# These two need an empty database: they come before the first test that builds the shared world
# (tests run in file order), and say so if that ever changes.
def test_the_same_seed_builds_the_same_people(db):
    assert not Unit.objects.exists(), "runs before the shared world is built"
    first = _names_built_with("--seed", "7")
    assert first
    assert _names_built_with("--seed", "7") == first
    assert _names_built_with("--seed", "8") != first


def test_too_few_staff_is_refused_and_leaves_nothing(db):
    assert not Unit.objects.exists(), "runs before the shared world is built"
    with pytest.raises(CommandError, match="too few"):
        demo("--staff", "10")
    assert not Unit.objects.exists()


@pytest.fixture(scope="module")
def _built_world(django_db_setup, django_db_blocker):
    """The demo world, built once for this file inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), suppress(_Rollback), transaction.atomic():
        yield demo("--staff", STAFF)
        raise _Rollback


@pytest.fixture
def world(_built_world, db):
    """Each test sees the shared world in a savepoint of its own: what it changes is undone."""
    return _built_world


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Unit, User, StaffProfile, Page, NewsPage)
    }


def test_the_tree_runs_from_the_department_through_communes_to_schools(world):
    department = Unit.get_root_nodes().get()
    assert department.kind == UnitKind.DEPARTMENT
    assert department.name == "Sở Giáo dục và Đào tạo Lai Châu"
    communes = department.get_children().filter(kind=UnitKind.COMMUNE)
    assert communes.count() >= 5
    assert "UBND xã Sin Suối Hồ" in {c.name for c in communes}
    for commune in communes:
        assert commune.get_children().exists()
        assert all(school.is_school for school in commune.get_children())
    # Upper-secondary schools answer to the department itself since the 2025 reform.
    assert department.get_children().filter(kind=UnitKind.UPPER_SECONDARY).exists()
    assert Unit.objects.filter(name="Trường PTDTBT TH&THCS Sin Suối Hồ").exists()


def test_every_school_has_one_principal_and_teachers_have_their_role(world):
    schools = [u for u in Unit.objects.all() if u.is_school]
    assert len(schools) >= 20
    for school in schools:
        principals = school.staff.filter(position=Position.PRINCIPAL)
        assert principals.count() == 1, school.name
        assert principals.get().user.groups.filter(name=roles.SCHOOL_MANAGER).exists()
    teachers = User.objects.filter(profile__position=Position.TEACHER)
    assert teachers.count() > 20
    assert not teachers.exclude(groups__name=roles.TEACHER).exists()
    offices = User.objects.filter(profile__position=Position.OFFICE_SPECIALIST)
    assert offices.filter(groups__name=roles.OFFICE_STAFF).exists()


def test_names_are_nfc_and_found_without_diacritics(world):
    people = list(User.objects.select_related("profile"))
    assert len(people) >= int(STAFF)
    for person in people:
        assert unicodedata.is_normalized("NFC", person.full_name)
        assert person.name_folded == fold(person.full_name)
        assert person.profile.ethnicity in {"Kinh", "Dao", "Mông", "Thái"}
    assert {p.profile.ethnicity for p in people} >= {"Kinh", "Dao", "Mông", "Thái"}
    found = staff_search(User.objects.all(), "tan thi phuong")
    assert "gv.demo" in {u.username for u in found}


def test_demo_logins_authenticate_with_their_roles(world):
    request = RequestFactory().post("/dang-nhap/")
    users = {}
    for account in DEMO_ACCOUNTS:
        user = authenticate(request, username=account.username, password=DEMO_PASSWORD)
        assert user is not None, account.username
        users[account.key] = user
    assert users["teacher"].email
    # Every demo login can use "Quên mật khẩu?": its address is confirmed.
    assert all(u.email and u.email_confirmed for u in users.values())
    assert users["teacher"].groups.filter(name=roles.TEACHER).exists()
    assert users["school_manager"].profile.position == Position.PRINCIPAL
    assert users["school_manager"].profile.unit == users["teacher"].profile.unit
    assert users["office_staff"].profile.unit.kind == UnitKind.DEPARTMENT
    assert users["content_editor"].groups.filter(name=roles.CONTENT_EDITOR).exists()
    assert users["content_reviewer"].groups.filter(name=roles.CONTENT_REVIEWER).exists()
    assert users["admin"].is_superuser
    generated = User.objects.filter(username__startswith="GV").first()
    assert authenticate(request, username=generated.username, password=DEMO_PASSWORD)


def test_logins_table_names_every_account_and_where_to_log_in(world):
    table = demo("--logins")
    for account in DEMO_ACCOUNTS:
        assert account.username in table
    assert "http://127.0.0.1:8000/dang-nhap/" in table
    assert "http://127.0.0.1:8000/admin/" in table
    assert DEMO_PASSWORD in table


def test_news_is_published_with_an_rss_feed(world, client):
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    articles = NewsPage.objects.child_of(index).live()
    assert articles.count() >= 6
    assert articles.filter(title__contains="Gương tự học").count() >= 2
    assert all(a.live_revision_id and a.first_published_at for a in articles)
    assert client.get("/tin-tuc/").status_code == 200
    assert client.get(articles.first().url).status_code == 200

    response = client.get("/tin-tuc/rss/")
    assert response.status_code == 200
    items = ET.fromstring(response.content).findall("./channel/item")  # noqa: S314 — our own feed
    assert len(items) == articles.count()
    assert all(item.findtext("title") and item.findtext("link") for item in items)

    settings = PortalSettings.objects.get()
    assert settings.organisation_name == "Sở Giáo dục và Đào tạo Lai Châu"
    assert [link.label for link in settings.nav_links.all()] == ["Trang chủ", "Tin tức"]
    home = client.get("/")
    assert "Bồi dưỡng thường xuyên" in home.content.decode()


def test_if_empty_keeps_a_populated_database_and_a_plain_run_refuses_it(world):
    before = counts()
    assert "kept" in demo("--if-empty", "--staff", STAFF)
    assert counts() == before
    with pytest.raises(CommandError, match="fresh database"):
        demo("--staff", STAFF)
    assert counts() == before


def test_the_takeover_of_issue_12_is_impossible_in_the_demo(world, client):
    """As cv.demo, the roster row that set the superuser's e-mail is refused by the dry run and
    the apply, and the admin's password reset mails nobody at that address."""
    from django.core import mail
    from django.core.exceptions import ValidationError

    from training.tests.roster.conftest import apply, dry_run

    office = User.objects.get(username="cv.demo")
    row = "admin;Vũ Minh Quân;takeover@evil.example;SGDDT-LC"
    content = f"\ufeffMã cán bộ;Họ và tên;E-mail;Mã đơn vị\r\n{row}\r\n".encode()
    assert dry_run(content, office).has_errors
    with pytest.raises(ValidationError):
        apply(content, office)
    admin = User.objects.get(username="admin")
    assert admin.email == "admin@laichau.example" and admin.email_confirmed
    mail.outbox.clear()  # the demo's own reminders
    client.post("/admin/password_reset/", {"email": "takeover@evil.example"})
    assert mail.outbox == []
    client.post("/admin/password_reset/", {"email": "admin@laichau.example"})
    assert [m.to for m in mail.outbox] == [["admin@laichau.example"]]
