"""Reading a report back as a person would: the table on screen, and the exported files."""

import csv
import io
from html.parser import HTMLParser

from django.urls import reverse
from openpyxl import load_workbook

from training.reports.exports import UTF8_BOM


class _Table(HTMLParser):
    """The text of each row of the page's first listing table (headings, then cells)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in_table = self._done = False

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag == "table" and "listing" in (dict(attrs).get("class") or ""):
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self._in_table:
            self._in_table, self._done = False, True
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def screen_rows(response) -> list[list[str]]:
    """The listing's rows as text, headings first (Wagtail's own checkbox-less tables)."""
    parser = _Table()
    parser.feed(response.content.decode("utf-8"))
    return [row for row in parser.rows if row]


def get(client, user, name, **params):
    client.force_login(user)
    return client.get(reverse(name), params)


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith(UTF8_BOM)
    return list(csv.reader(io.StringIO(body.removeprefix(UTF8_BOM))))


def xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


def as_text(rows: list[list]) -> list[list[str]]:
    """Spreadsheet cells as the screen writes them (numbers without a trailing ".0")."""
    return [[str(cell) for cell in row] for row in rows]
