"""The Site and the portal settings are kept across requests (portal.caching), and an editor's
change still shows on the very next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from portal import caching
from portal.models import NavigationLink, PortalSettings

pytestmark = pytest.mark.django_db

LOGIN = "/dang-nhap/"


def _settings() -> PortalSettings:
    return PortalSettings.for_site(Site.objects.get(is_default_site=True))


def test_a_second_request_reads_neither_site_nor_settings(client):
    client.get(LOGIN)  # the first one also creates the settings row
    client.get(LOGIN)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LOGIN)
    assert response.status_code == 200
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "wagtailcore_site" not in sql
    assert "portal_portalsettings" not in sql
    assert "portal_navigationlink" not in sql


def test_a_saved_organisation_name_shows_at_once(client):
    client.get(LOGIN)
    settings = _settings()
    settings.organisation_name = "Sở GD&ĐT Điện Biên"
    settings.save()
    assert "Sở GD&amp;ĐT Điện Biên" in client.get(LOGIN).content.decode()


def test_a_new_navigation_link_shows_at_once_and_a_deleted_one_goes(client):
    client.get(LOGIN)
    settings = _settings()
    link = NavigationLink.objects.create(
        settings=settings, label="Văn bản chỉ đạo", url="/van-ban/"
    )
    html = client.get(LOGIN).content.decode()
    assert 'href="/van-ban/"' in html
    assert "Văn bản chỉ đạo" in html
    link.delete()
    assert "Văn bản chỉ đạo" not in client.get(LOGIN).content.decode()


def test_a_link_to_a_moved_page_follows_it(client):
    root = Site.objects.get(is_default_site=True).root_page
    page = root.add_child(instance=Page(title="Tin tức", slug="tin-tuc"))
    NavigationLink.objects.create(settings=_settings(), label="Tin tức", page=page)
    assert 'href="/tin-tuc/"' in client.get(LOGIN).content.decode()
    page.slug = "tin-tuc-moi"
    page.save_revision().publish()
    assert 'href="/tin-tuc-moi/"' in client.get(LOGIN).content.decode()


def test_a_change_made_elsewhere_shows_within_the_cache_time(client, monkeypatch):
    """Another web process's change fires no signal here: it shows once CACHE_SECONDS pass."""
    client.get(LOGIN)
    client.get(LOGIN)
    PortalSettings.objects.update(organisation_name="Phòng GD&ĐT Mường Tè")  # no signal
    assert "Mường Tè" not in client.get(LOGIN).content.decode()
    later = caching.time.monotonic() + caching.CACHE_SECONDS + 1
    monkeypatch.setattr(caching.time, "monotonic", lambda: later)
    assert "Mường Tè" in client.get(LOGIN).content.decode()


def test_an_unknown_host_is_still_refused(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    client.get(LOGIN)
    assert client.get(LOGIN, HTTP_HOST="elsewhere.example").status_code == 400
