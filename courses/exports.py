"""The one path for every CSV or XLSX file the system writes. Lives in `courses`, the bottom
of the app stack, so every app's exports use it (`training.reports.exports` gives the same names).

Every cell a spreadsheet program would run as a formula (text starting with = + - @, a tab or a
carriage return) is made plain text: in CSV with a leading apostrophe, in XLSX as a text cell
with Excel's own "quote prefix" mark (the value stays as it is and stays text when edited).
A CSV file starts with a UTF-8 byte order mark (Excel shows Vietnamese only then); choice
values are written by their label, yes/no in words, dates as Vietnamese write them; the file
name is Vietnamese (an ASCII slug in `filename`, the Vietnamese in RFC 5987 `filename*`).
Rows go out one by one: CSV is streamed, XLSX is written by openpyxl in write-only mode to a
temporary file that spills to disk, so memory stays flat whatever the number of rows.

- `SafeSpreadsheetExportMixin`: Wagtail's listing exports (report views, model and snippet
  viewsets' index views, Wagtail's own reports).
- `SpreadsheetFile` / `spreadsheet_response`: any other file (roster files, index of a ZIP).
- `mark_text`: a cell of a formatted workbook drawn with openpyxl (the yearly report).
"""

import csv
import datetime
import io
import shutil
import tempfile
from collections import OrderedDict
from decimal import Decimal
from urllib.parse import quote

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin
from wagtail.coreutils import multigetattr

from courses.text import fold

#: A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Excel reads a CSV file as UTF-8 (and shows Vietnamese correctly) only after this mark.
UTF8_BOM = "\ufeff"

CSV = "csv"
XLSX = "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

#: Past this size a file being written moves from memory to a temporary file on disk.
SPOOL_BYTES = 1024 * 1024

DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
XLSX_DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

#: Values a cell holds as they are; anything else is written as its text.
NATIVE_TYPES = (int, float, Decimal, str, datetime.date, datetime.time)


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise(value):
    """Text that a spreadsheet would run as a formula, made plain text with a leading quote
    (CSV). Numbers, dates and empty values are left as they are."""
    if is_formula_like(value):
        return "'" + value
    return value


def plain_value(value):
    """A value as a spreadsheet cell holds it: numbers, text, dates and times as they are; yes/no
    in words; a list joined by commas; anything else (a model instance, a lazy text) as text."""
    if isinstance(value, bool):
        return yes_no(value)
    if value is None or isinstance(value, NATIVE_TYPES):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(force_str(part) for part in value)
    return force_str(value)


def csv_value(value):
    """A value as a CSV cell: dates as Vietnamese write them, in Vietnam's time; formulas
    neutralised."""
    value = plain_value(value)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if value is None:
        return ""
    return neutralise(value)


def yes_no(value: bool) -> str:
    return gettext("Yes") if value else gettext("No")


def mark_text(cell):
    """An openpyxl cell holding text kept as text: never a formula (openpyxl would make one of
    any text starting with "="), marked with Excel's quote prefix when it starts like one."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if is_formula_like(cell.value):
            cell.quotePrefix = True
    return cell


def xlsx_cell(worksheet, value, *, font=None):
    """A write-only XLSX cell: text marked as text, yes/no in words, times in Vietnam's time
    with a Vietnamese number format, anything else that is not a number as its text."""
    from openpyxl.cell import WriteOnlyCell

    value = plain_value(value)
    number_format = None
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        number_format = XLSX_DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        number_format = XLSX_DATE_FORMAT
    cell = mark_text(WriteOnlyCell(worksheet, value))
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


# File names -----------------------------------------------------------------------------------


def dated_name(title, day: datetime.date | None = None) -> str:
    """A file's name without its extension: the title and the day, "Danh sách nhân sự
    2026-12-03"."""
    return f"{force_str(title)} {(day or timezone.localdate()):%Y-%m-%d}"


def ascii_name(name: str) -> str:
    """The name in ASCII for the plain `filename`: "danh-sach-nhan-su-2026-12-03"."""
    return slugify(fold(name)) or "bang-tinh"


def content_disposition(name: str, extension: str) -> str:
    """`attachment` with the ASCII slug as `filename` and the Vietnamese name in `filename*`
    (RFC 5987/6266): browsers show the Vietnamese, older clients the slug."""
    name = force_str(name).replace("/", "-").replace("\\", "-").strip()
    plain = f"{ascii_name(name)}.{extension}"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(f'{name}.{extension}')}"


def attach(response, name: str, export_format: str):
    response["Content-Disposition"] = content_disposition(name, export_format)
    return response


# Files written row by row ---------------------------------------------------------------------


class SpreadsheetFile:
    """A CSV or XLSX file written row by row to a temporary file that spills to disk past
    SPOOL_BYTES. CSV is one table; XLSX holds one or more sheets (`sheet()`)."""

    def __init__(self, export_format: str, headings=None, *, title: str = "", delimiter=","):
        if export_format not in CONTENT_TYPES:
            raise ValueError(export_format)
        self.format = export_format
        self.spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        if export_format == CSV:
            self.text = io.TextIOWrapper(self.spool, encoding="utf-8", newline="")
            self.text.write(UTF8_BOM)
            self.writer = csv.writer(self.text, delimiter=delimiter)
        else:
            from openpyxl import Workbook

            self.workbook = Workbook(write_only=True)
            self.worksheet = None
        if headings is not None:
            self.sheet(title or gettext("Sheet 1"), headings)

    def sheet(self, title, headings=(), *, widths=None):
        """A new sheet (XLSX) starting with its headings in bold, frozen as the top row; in a
        CSV file the headings are the first row."""
        if self.format == CSV:
            if headings:
                self.writerow(headings)
            return
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.worksheet = self.workbook.create_sheet(force_str(title)[:31])
        for index, width in enumerate(widths or [], 1):
            self.worksheet.column_dimensions[get_column_letter(index)].width = width
        if headings:
            self.worksheet.freeze_panes = "A2"
            bold = Font(bold=True)
            self.worksheet.append([xlsx_cell(self.worksheet, h, font=bold) for h in headings])

    def writerow(self, cells):
        if self.format == CSV:
            self.writer.writerow([csv_value(c) for c in cells])
        else:
            self.worksheet.append([xlsx_cell(self.worksheet, c) for c in cells])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def finish(self):
        """The finished file, at its start."""
        if self.format == CSV:
            self.text.flush()
            self.text.detach()
        else:
            self.workbook.save(self.spool)
        self.spool.seek(0)
        return self.spool

    def copy_to(self, destination):
        shutil.copyfileobj(self.finish(), destination)

    def response(self, name: str) -> FileResponse:
        """The file as a download named `name` (Vietnamese, without extension)."""
        response = FileResponse(self.finish(), content_type=CONTENT_TYPES[self.format])
        return attach(response, name, self.format)


def spreadsheet_response(rows, headings, name: str, export_format: str, **options):
    """`rows` (an iterable of sequences, read one at a time) under `headings`, as a download
    named `name` (Vietnamese, without extension) in `export_format` ("csv" or "xlsx")."""
    file = SpreadsheetFile(export_format, headings, **options)
    file.writerows(rows)
    return file.response(name)


# Wagtail's listing exports --------------------------------------------------------------------


def _model_field(model, path: str):
    """The model field a dotted path ends on, or None (a property, a method, a dict key)."""
    *relations, name = path.split(".")
    for step in relations:
        try:
            model = model._meta.get_field(step).related_model
        except (FieldDoesNotExist, AttributeError):
            return None
        if model is None:
            return None
    try:
        return model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return None


def export_value(item, path: str):
    """The value at `path` as the screen shows it: a field with choices by its label."""
    *relations, name = path.split(".")
    owner = multigetattr(item, ".".join(relations)) if relations else item
    if owner is None:
        return None
    if isinstance(owner, models.Model):
        try:
            field = owner._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if field is not None and not field.is_relation and getattr(field, "choices", None):
            return getattr(owner, f"get_{field.attname}_display")()
    return multigetattr(owner, name)


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's XLSX and CSV export through the one path: formula-safe cells (headings
    included), a BOM on CSV, choice values by their label, headings from the verbose names,
    dates in Vietnam's time, a Vietnamese file name, XLSX written row by row to a spooled file.
    Wagtail itself only stops openpyxl from writing XLSX formula cells; its CSV cells go out as
    they are, with raw choice values, "Depth"-like headings and a file named after the table."""

    #: Wagtail's default names ("spreadsheet-export", a model viewset's db_table) are replaced
    #: by the page's title.
    export_filename = None

    def to_row_dict(self, item):
        return OrderedDict((field, export_value(item, field)) for field in self.list_export)

    def preprocess_field_value(self, field, value, export_format):
        function = self.custom_field_preprocess.get(field, {}).get(export_format)
        if function is not None:
            value = function(value)
        return csv_value(value) if export_format == CSV else value

    def get_heading(self, queryset, field):
        heading = self.export_headings.get(field)
        if not heading:
            model = getattr(queryset, "model", None)
            found = _model_field(model, field) if model is not None else None
            if found is not None and hasattr(found, "verbose_name"):
                heading = capfirst(found.verbose_name)
            elif model is not None and "." not in field:
                try:
                    heading = capfirst(force_str(label_for_field(field, model)))
                except (AttributeError, FieldDoesNotExist):
                    heading = field
            else:
                heading = field
        return force_str(heading)

    def get_filename(self):
        """The page's title (or `export_filename` where a view sets a Vietnamese one) and the
        day; the response adds the extension and the ASCII slug."""
        title = self.export_filename
        model = getattr(self, "model", None)
        if title in (None, "", "spreadsheet-export") or (
            model is not None and title == model._meta.db_table
        ):
            title = self.get_page_title()
        return dated_name(title)

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield UTF8_BOM.encode("utf-8")
        yield writer.writerow(
            {field: neutralise(self.get_heading(queryset, field)) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=force_str(self.get_page_title())[:31] or "1")
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        sheet.append(
            [xlsx_cell(sheet, self.get_heading(queryset, f), font=bold) for f in self.list_export]
        )
        for item in queryset:
            sheet.append(
                [
                    xlsx_cell(sheet, self.preprocess_field_value(field, value, XLSX))
                    for field, value in self.to_row_dict(item).items()
                ]
            )
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        self.write_xlsx(queryset, spool)
        spool.seek(0)
        return attach(
            FileResponse(spool, content_type=CONTENT_TYPES[XLSX]), self.get_filename(), XLSX
        )

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type=CONTENT_TYPES[CSV])
        return attach(response, self.get_filename(), CSV)
