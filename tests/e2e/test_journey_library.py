"""Journey 5: anyone, signed in or not, browses the open library, filters it, searches without
diacritics as people type on a phone, and downloads a resource's file (which is counted)."""

from courses.models import ResourceDownload, ResourcePage
from tests.e2e.world import library_with_resources


def result_titles(page) -> list[str]:
    return sorted(page.locator(".resource-cards h2").all_inner_texts())


def test_anonymous_visitor_filters_searches_and_downloads(page, screenshot):
    library_with_resources()

    page.goto("/thu-vien/")
    assert page.locator("main h1").inner_text() == "Thư viện học liệu mở"
    assert page.locator(".result-count").inner_text().startswith("3 ")
    screenshot(page, "library")

    # Filter: resources in Mông.
    page.locator("details.facets summary").click()
    page.get_by_label("Tiếng Mông").check()
    page.get_by_role("button", name="Lọc").click()
    assert "lang=hmong" in page.url
    assert result_titles(page) == ["Phiếu bài tập phân số"]
    screenshot(page, "filtered")

    # Search without diacritics, filters cleared.
    page.get_by_role("link", name="Bỏ tất cả bộ lọc").click()
    page.fill("#library-q", "giao an tieng viet")
    page.locator(".library-search button").click()
    assert result_titles(page) == ["Giáo án Tiếng Việt lớp 3"]
    screenshot(page, "searched-without-diacritics")

    page.fill("#library-q", "phan so")
    page.locator(".library-search button").click()
    page.get_by_role("link", name="Phiếu bài tập phân số").click()
    assert page.locator("main h1").inner_text() == "Phiếu bài tập phân số"
    screenshot(page, "resource")

    with page.expect_download() as download_info:
        page.locator("a.file-link").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    assert open(download.path(), encoding="utf-8").read().startswith("câu,đáp án")

    page.reload()
    assert "1 lượt tải" in page.locator("main").inner_text()
    resource = ResourcePage.objects.get(title="Phiếu bài tập phân số")
    assert ResourceDownload.objects.get(page=resource).count == 1
