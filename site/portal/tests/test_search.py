"""The site search (/tim-kiem/) folds diacritics as the library does — "boi duong thuong xuyen"
finds what "bồi dưỡng thường xuyên" finds, in titles, introductions and bodies — on SQLite and
PostgreSQL alike; and any query string is safe (issue 12, findings 8 and 9)."""

import datetime

import pytest
from django.urls import reverse

from portal.models import HomePage, NewsIndexPage, NewsPage

ARTICLES = {
    "Triển khai bồi dưỡng thường xuyên năm học 2026–2027": ("", ""),
    "Gương tự học": ("Cô giáo Sùng Thị Mỷ ở Đồng Văn", ""),
    "Tập huấn mô-đun mới": ("", "Chuyên đề bồi dưỡng thường xuyên cho giáo viên Tiểu học"),
    "Lịch nghỉ Tết": ("Học sinh nghỉ Tết Nguyên đán", ""),
}


@pytest.fixture
def articles(db):
    home = HomePage.objects.get()
    index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    for day, (title, (intro, paragraph)) in enumerate(ARTICLES.items(), start=1):
        body = [("paragraph", f"<p>{paragraph}</p>")] if paragraph else []
        index.add_child(
            instance=NewsPage(
                title=title, date=datetime.date(2026, 10, day), intro=intro, body=body
            )
        )
    return index


def found(client, query: str) -> list[str]:
    response = client.get(reverse("portal:search"), {"q": query})
    assert response.status_code == 200
    return sorted(page.title for page in response.context["results"])


@pytest.mark.parametrize(
    "query",
    ["bồi dưỡng thường xuyên", "boi duong thuong xuyen", "BOI DUONG", "Bồi Dưỡng thuong xuyen"],
)
def test_with_or_without_diacritics_the_same_pages(client, articles, query):
    assert found(client, query) == [
        "Triển khai bồi dưỡng thường xuyên năm học 2026–2027",
        "Tập huấn mô-đun mới",
    ]


def test_every_word_counts_and_d_is_d(client, articles):
    assert found(client, "dong van") == ["Gương tự học"]
    assert found(client, "Đồng Văn") == ["Gương tự học"]
    assert found(client, "tet nguyen dan") == ["Lịch nghỉ Tết"]
    assert found(client, "tet dong van") == []


@pytest.mark.parametrize(
    "query",
    ['"', "'", "(", ")", "*", "AND", "OR", "NOT", "-", "-tet", "a:b", "^", "\x00", "bồi\x00dưỡng",
     "   ", "_", "%", "NEAR(tet)", '"tet', "tet*", "x" * 5000, "tết " * 500],
)  # fmt: skip
def test_any_query_string_is_safe(client, articles, query):
    response = client.get(reverse("portal:search"), {"q": query})
    assert response.status_code == 200
