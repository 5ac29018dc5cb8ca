"""Wagtail's search, folded as the library's is: every page we define also indexes its searched
text without diacritics (courses.text.words), and the site search looks for the folded words
of the query, so "boi duong" finds "bồi dưỡng" and the other way round. Done in Python at both
ends, it behaves the same on SQLite (FTS5) and PostgreSQL (tsvector), whatever their own
tokenisers do with Vietnamese. Pages indexed before this field existed are found again after
`manage.py update_index` (docs/operations.md).

Lives in `courses`, the bottom of the app stack, so the portal's pages use it too."""

from wagtail.search import index

from courses.text import words

#: The indexed method of a page that holds its searched text, folded.
FOLDED = "folded_search_text"
#: More words than this in a query are dropped; longer words are cut (a query is never costly).
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 40


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return str(value)


class FoldedSearchMixin:
    """A page whose searched fields (title, intro, body…) are also indexed folded: its
    search_fields end with folded_search_field()."""

    def folded_search_text(self) -> str:
        texts = [
            _text(field.get_value(self))
            for field in self.get_search_fields()
            if isinstance(field, index.SearchField) and field.field_name != FOLDED
        ]
        return " ".join(words(" ".join(texts)))


def folded_search_field() -> index.SearchField:
    """The last of a FoldedSearchMixin page's search_fields."""
    return index.SearchField(FOLDED)


def folded_query(query: str) -> str:
    """The words to search for: folded, punctuation and operators' signs dropped, bounded.
    "" when nothing is left to search for."""
    return " ".join(word[:MAX_WORD_LENGTH] for word in words(query)[:MAX_QUERY_WORDS])
