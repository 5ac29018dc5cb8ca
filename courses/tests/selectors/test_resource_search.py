import unicodedata

import pytest
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from courses.selectors import RESOURCES_PER_PAGE, ResourceFilters, resource_search


def search(library, query=""):
    filters = ResourceFilters.from_query(QueryDict(query))
    return resource_search(index=library, filters=filters, page=QueryDict(query).get("page"))


def titles(result):
    return sorted(page.title for page in result.page)


def facet(result, param):
    group = next(g for g in result.facets if g.param == param)
    return {option.code: (option.count, option.selected) for option in group.options}


@pytest.fixture
def shelf(make_resource):
    make_resource(
        title="Bồi dưỡng thường xuyên: hướng dẫn tự học",
        type="document",
        subjects=["general"],
        levels=["primary", "lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-4-0",
    )
    make_resource(
        title="Truyện kể song ngữ Mông – Việt",
        type="document",
        subjects=["vietnamese"],
        levels=["primary"],
        languages=["vietnamese", "hmong"],
        licence="cc-by-sa-4-0",
        tags=["song ngữ"],
    )
    make_resource(
        title="Video tiết dạy mẫu Toán lớp 6",
        type="video",
        subjects=["mathematics"],
        levels=["lower_secondary"],
        languages=["vietnamese"],
        licence="cc-by-nc-4-0",
        summary="Quay tại Trường PTDTBT TH&THCS Sin Suối Hồ.",
    )
    make_resource(
        title="Thẻ từ vựng tiếng Dao",
        type="exercise-set",
        subjects=["ethnic-language"],
        levels=["primary"],
        languages=["dao"],
        licence="cc0-1-0",
        author="",
        source_name="Tổ chuyên môn Tiểu học",
    )


@pytest.mark.parametrize(
    "query",
    [
        "boi duong",
        "Bồi dưỡng",
        "BOI DUONG THUONG",
        "bồi   dưỡng",
        "huong dan tu hoc",
        "HƯỚNG dẫn",
        "duong thuong",
    ],
)
def test_search_matches_with_or_without_diacritics(library, shelf, query):
    for form in ("NFC", "NFD"):
        q = QueryDict(mutable=True)
        q["q"] = unicodedata.normalize(form, query)
        assert titles(search(library, q.urlencode())) == [
            "Bồi dưỡng thường xuyên: hướng dẫn tự học"
        ]


def test_words_match_from_their_start(library, shelf):
    assert titles(search(library, "q=duong")) == ["Bồi dưỡng thường xuyên: hướng dẫn tự học"]
    assert titles(search(library, "q=uong")) == []
    assert titles(search(library, "q=lop+6")) == ["Video tiết dạy mẫu Toán lớp 6"]


def test_every_word_must_match(library, shelf):
    assert titles(search(library, "q=boi+duong+toan")) == []
    assert titles(search(library, "q=toan+lop+6")) == ["Video tiết dạy mẫu Toán lớp 6"]


def test_search_reads_summary_tags_people_and_subjects(library, shelf):
    assert titles(search(library, "q=sin+suoi+ho")) == ["Video tiết dạy mẫu Toán lớp 6"]
    assert titles(search(library, "q=song+ngu")) == ["Truyện kể song ngữ Mông – Việt"]
    assert titles(search(library, "q=to+chuyen+mon+tieu+hoc")) == ["Thẻ từ vựng tiếng Dao"]
    assert titles(search(library, "q=tieng+dan+toc")) == ["Thẻ từ vựng tiếng Dao"]


def test_search_text_is_refreshed_when_a_new_revision_is_published(library, shelf):
    from courses.models import ResourcePage

    page = ResourcePage.objects.get(title="Thẻ từ vựng tiếng Dao")
    page.title = "Thẻ từ vựng tiếng Dao cho lớp 1"
    page.summary = "Bộ thẻ có hình minh họa con vật trong bản."
    revision = page.save_revision()
    assert titles(search(library, "q=con+vat")) == []  # a draft is not yet what readers see
    revision.publish()
    assert titles(search(library, "q=con+vat")) == ["Thẻ từ vựng tiếng Dao cho lớp 1"]


def test_without_filters_every_live_resource_and_every_facet_count(library, shelf, make_resource):
    make_resource(title="Bản nháp chưa duyệt", live=False)
    result = search(library)
    assert result.count == 4
    assert facet(result, "type") == {
        "document": (2, False),
        "video": (1, False),
        "exercise-set": (1, False),
    }
    assert facet(result, "level") == {"primary": (3, False), "lower_secondary": (2, False)}
    assert facet(result, "lang")["vietnamese"] == (3, False)
    assert facet(result, "lang")["hmong"] == (1, False)
    assert facet(result, "licence") == {
        "cc-by-4-0": (1, False),
        "cc-by-sa-4-0": (1, False),
        "cc-by-nc-4-0": (1, False),
        "cc0-1-0": (1, False),
    }


def test_facets_combine_and_counts_follow_the_other_filters(library, shelf):
    result = search(library, "level=primary")
    assert titles(result) == [
        "Bồi dưỡng thường xuyên: hướng dẫn tự học",
        "Thẻ từ vựng tiếng Dao",
        "Truyện kể song ngữ Mông – Việt",
    ]
    # The level facet itself still offers the other levels, counted without the level filter…
    assert facet(result, "level") == {"primary": (3, True), "lower_secondary": (2, False)}
    # …while the other facets count only primary resources.
    assert facet(result, "type") == {"document": (2, False), "exercise-set": (1, False)}

    both = search(library, "level=primary&type=document&lang=hmong")
    assert titles(both) == ["Truyện kể song ngữ Mông – Việt"]
    assert facet(both, "lang") == {"vietnamese": (2, False), "hmong": (1, True)}
    assert facet(both, "type") == {"document": (1, True)}


def test_values_of_one_facet_combine_with_or(library, shelf):
    result = search(library, "type=video&type=exercise-set")
    assert titles(result) == ["Thẻ từ vựng tiếng Dao", "Video tiết dạy mẫu Toán lớp 6"]


def test_search_and_facets_together(library, shelf):
    # "tieng" is in the title of one and the subject ("Tiếng Việt") of another.
    result = search(library, "q=tieng&licence=cc0-1-0")
    assert titles(result) == ["Thẻ từ vựng tiếng Dao"]
    assert facet(result, "licence") == {"cc0-1-0": (1, True), "cc-by-sa-4-0": (1, False)}


def test_a_selected_value_without_results_still_shows(library, shelf):
    result = search(library, "lang=english")
    assert result.count == 0
    assert facet(result, "lang")["english"] == (0, True)


def test_unknown_or_malformed_values_are_ignored(library, shelf):
    assert search(library, "type=no-such-type").count == 0
    assert search(library, "type=%3Cscript%3E").count == 4
    assert ResourceFilters.from_query(QueryDict("type=%3Cscript%3E")).selected == {}


def test_restricted_resources_stay_out_of_the_library(library, make_resource):
    page = make_resource(title="Chỉ dành cho giáo viên trong trường")
    make_resource(title="Công khai")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles(search(library)) == ["Công khai"]


def test_pages_of_results(library, make_resource):
    for n in range(RESOURCES_PER_PAGE + 1):
        make_resource(title=f"Phiếu học tập số {n:02d}", type="exercise-set")
    first, second = (
        search(library, "type=exercise-set"),
        search(library, "type=exercise-set&page=2"),
    )
    assert first.count == RESOURCES_PER_PAGE + 1
    assert len(first.page) == RESOURCES_PER_PAGE
    assert len(second.page) == 1
    # Newest first.
    assert second.page[0].title == "Phiếu học tập số 00"
    assert (
        search(library, "page=999").page.number
        == 1 + (RESOURCES_PER_PAGE + 1) // RESOURCES_PER_PAGE
    )


def test_query_count_does_not_grow_with_resources_or_facet_values(
    library, make_resource, django_assert_max_num_queries
):
    for n in range(20):
        make_resource(
            title=f"Học liệu {n}",
            type=["document", "video", "slides"][n % 3],
            subjects=["mathematics", "vietnamese", "science"][: 1 + n % 3],
            levels=["primary", "lower_secondary"][: 1 + n % 2],
            languages=["vietnamese", "hmong", "dao"][: 1 + n % 3],
        )
    with django_assert_max_num_queries(12):
        result = search(library, "level=primary&lang=hmong&q=hoc+lieu")
        list(result.page)
        for page in result.page:
            list(page.languages.all()), list(page.levels.all()), page.licence, page.resource_type
