import datetime

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from wagtail.models import Site

from portal.models import HomePage, NavigationLink, NewsIndexPage, NewsPage, PortalSettings


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def news(home):
    index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    for day, title in [
        (1, "Gương tự học: cô giáo Sùng Thị Mỷ"),
        (2, "Triển khai bồi dưỡng thường xuyên năm học 2026–2027"),
        (3, "Bài nháp chưa đăng"),
    ]:
        page = index.add_child(
            instance=NewsPage(
                title=title, date=datetime.date(2026, 10, day), intro=f"Tóm tắt: {title}"
            )
        )
        if "nháp" in title:
            page.unpublish()
    return index


def test_migration_made_our_home_page_the_site_root(home):
    assert Site.objects.get(is_default_site=True).root_page.specific == home


def test_home_page_in_vietnamese_with_latest_news(client, news):
    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert "Triển khai bồi dưỡng thường xuyên" in html
    assert "Bài nháp chưa đăng" not in html


def test_news_index_lists_live_articles_newest_first(client, news):
    html = client.get("/tin-tuc/").content.decode()
    first = html.index("Triển khai bồi dưỡng")
    second = html.index("Gương tự học")
    assert first < second
    assert "Bài nháp chưa đăng" not in html
    assert 'type="application/rss+xml"' in html


def test_rss_feed_is_valid_and_has_the_live_articles(client, news):
    response = client.get("/tin-tuc/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [
        "Triển khai bồi dưỡng thường xuyên năm học 2026–2027",
        "Gương tự học: cô giáo Sùng Thị Mỷ",
    ]
    assert channel.find("item").findtext("link").startswith("http")


def test_search_finds_pages(client, news):
    html = client.get(reverse("portal:search"), {"q": "bồi dưỡng"}).content.decode()
    assert "Triển khai bồi dưỡng thường xuyên" in html
    empty = client.get(reverse("portal:search"), {"q": ""})
    assert empty.status_code == 200


def test_navigation_and_footer_come_from_site_settings(client, home, news):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Sở GD&ĐT Lai Châu"
    settings.footer_text = "<p>Số 1 đường Trần Hưng Đạo</p>"
    settings.save()
    NavigationLink.objects.create(settings=settings, label="Tin tức", page=news, sort_order=0)
    html = client.get("/").content.decode()
    assert 'href="/tin-tuc/">Tin tức</a>' in html
    assert "Số 1 đường Trần Hưng Đạo" in html
    assert "Sở GD&amp;ĐT Lai Châu" in html


def test_vietnamese_is_the_default_whatever_the_browser_asks(client, home):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi">' in response.content.decode()


def test_language_switcher_changes_the_language_and_back(client, home):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_unknown_language_cookie_falls_back_to_vietnamese(client, home):
    client.cookies["django_language"] = "xx"
    assert '<html lang="vi">' in client.get("/").content.decode()
