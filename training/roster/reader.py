"""The tables of a roster file, read row by row so that a large file never sits in memory.

CSV: UTF-8 with or without a byte order mark (what Excel writes as "CSV UTF-8"), else
Windows-1258 (what Excel writes as plain "CSV" on a Vietnamese Windows); separated by `;`
(Excel in Vietnamese and most European locales), `,` or tab, whichever the heading line uses
most. One CSV file is one table, units or staff, told apart by its headings.
XLSX: every sheet whose headings name a table is read; other sheets (instructions) are skipped.
The heading row may sit below a few title rows, as in the lists offices print."""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from courses.text import fold, nfc
from courses.upload_checks import archive_check
from training.roster.columns import IDENTIFYING, STAFF, UNITS, heading_keys

#: Rows scanned for the heading row before giving up on a sheet.
HEADING_SEARCH_ROWS = 10
#: More rows than this in one file is refused (a province has about 11,000 staff).
MAX_ROWS = 20_000
_CHUNK = 64 * 1024

ERROR_NOT_A_TABLE = _(
    "No table of units or staff was found: the first rows must hold the column headings of "
    "the template (for instance “Mã cán bộ” or “Mã đơn vị”)."
)
ERROR_UNREADABLE = _(
    "This file could not be read as %(kind)s. Save it from Excel as “CSV UTF-8” or as an "
    "Excel workbook (.xlsx) and try again."
)
ERROR_TOO_MANY_ROWS = _("A file may hold at most %(max)d rows. Split it into smaller files.")
ERROR_DUPLICATE_COLUMN = _("The column “%(heading)s” appears twice.")


class RosterFileError(Exception):
    """The file as a whole cannot be read: nothing in it is imported."""


@dataclass
class Table:
    kind: str  # UNITS or STAFF
    title: str  # the sheet's name, or the file's
    headings: dict[str, str]  # column key -> the heading as written in the file
    ignored: list[str] = field(default_factory=list)  # headings we do not know
    rows: Iterator[tuple[int, dict]] = iter(())  # (row number in the file, key -> value)


def _cell(value):
    """A cell as text (dates stay dates): NFC, trimmed; 12345.0 from Excel becomes "12345"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


def _recognise(cells: list) -> tuple[str, dict[int, str], dict[str, str], list[str]] | None:
    """(table kind, index -> key, key -> heading, ignored headings) of a heading row, or None."""
    texts = [c if isinstance(c, str) else "" for c in cells]
    folded = [fold(t) for t in texts]
    for kind in (STAFF, UNITS):
        keys = heading_keys(kind)
        if not IDENTIFYING[kind] & {keys.get(f) for f in folded}:
            continue
        index, headings, ignored = {}, {}, []
        for position, (text, name) in enumerate(zip(texts, folded, strict=True)):
            key = keys.get(name)
            if key is None:
                if text:
                    ignored.append(text)
            elif key in headings:
                raise RosterFileError(ERROR_DUPLICATE_COLUMN % {"heading": text})
            else:
                index[position], headings[key] = key, text
        return kind, index, headings, ignored
    return None


def _tables(title: str, rows: Iterator[tuple[int, list]]) -> Iterator[Table]:
    """The one table of a sheet: its heading row found among the first rows, then its data."""
    for number, cells in rows:
        found = _recognise([_cell(c) for c in cells])
        if found is not None:
            break
        if number >= HEADING_SEARCH_ROWS:
            return
    else:
        return
    kind, index, headings, ignored = found

    def data() -> Iterator[tuple[int, dict]]:
        for row_number, raw in rows:
            values = {key: _cell(raw[i]) if i < len(raw) else "" for i, key in index.items()}
            if any(v != "" for v in values.values()):
                yield row_number, values

    yield Table(kind=kind, title=title, headings=headings, ignored=ignored, rows=data())


def _counted(rows: Iterator[tuple[int, dict]]) -> Iterator[tuple[int, dict]]:
    for count, row in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise RosterFileError(ERROR_TOO_MANY_ROWS % {"max": MAX_ROWS})
        yield row


# CSV ----------------------------------------------------------------------------------------


def csv_encoding(binary) -> str:
    """utf-8-sig when the file is UTF-8 (with or without BOM), else cp1258. Reads the file in
    chunks and rewinds it."""
    binary.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := binary.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "cp1258"
    binary.seek(0)
    return encoding


def _delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines() if line.strip()][:HEADING_SEARCH_ROWS]
    counts = {d: sum(line.count(d) for line in lines) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ";"))


def csv_tables(binary, *, title: str) -> Iterator[Table]:
    encoding = csv_encoding(binary)
    text = io.TextIOWrapper(binary, encoding=encoding, newline="")
    sample = text.read(_CHUNK)
    text.seek(0)
    reader = csv.reader(text, delimiter=_delimiter(sample))

    def rows():
        try:
            for cells in reader:
                yield reader.line_num, cells
        except csv.Error as exc:
            raise RosterFileError(ERROR_UNREADABLE % {"kind": "CSV"}) from exc

    try:
        for table in _tables(title, rows()):
            table.rows = _counted(table.rows)
            yield table
    finally:
        text.detach()  # closing the wrapper would close the uploaded file too


# XLSX ---------------------------------------------------------------------------------------


def xlsx_tables(binary, *, title: str) -> Iterator[Table]:
    from openpyxl import load_workbook

    try:  # bounded by what it unpacks to before openpyxl opens it (a zip bomb)
        archive_check(binary, name=title)
    except ValidationError as exc:
        raise RosterFileError(*exc.messages) from exc
    try:
        workbook = load_workbook(binary, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise RosterFileError(ERROR_UNREADABLE % {"kind": "XLSX"}) from exc
    try:
        counted = 0
        for sheet in workbook.worksheets:
            rows = ((n, list(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), 1))
            for table in _tables(sheet.title, rows):
                inner = table.rows

                def limited(inner=inner):
                    nonlocal counted
                    for row in inner:
                        counted += 1
                        if counted > MAX_ROWS:
                            raise RosterFileError(ERROR_TOO_MANY_ROWS % {"max": MAX_ROWS})
                        yield row

                table.rows = limited()
                yield table
    finally:
        workbook.close()


def is_xlsx(binary) -> bool:
    binary.seek(0)
    head = binary.read(4)
    binary.seek(0)
    return head == b"PK\x03\x04"


def read_tables(binary, *, name: str) -> Iterator[Table]:
    """Every table in the file, units before staff (so that new schools exist before their
    people). Raises RosterFileError when there is none."""
    reader = xlsx_tables if is_xlsx(binary) else csv_tables
    kinds = []
    for wanted in (UNITS, STAFF):
        for table in reader(binary, title=name):
            if table.kind == wanted:
                kinds.append(wanted)
                yield table
    if not kinds:
        raise RosterFileError(ERROR_NOT_A_TABLE)
