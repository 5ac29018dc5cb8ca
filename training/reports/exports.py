"""Spreadsheet exports that are safe to open: the one place where exported cells are
neutralised against formula injection and CSV is written for Excel."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

#: A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Excel reads a CSV file as UTF-8 (and shows Vietnamese correctly) only after this mark.
UTF8_BOM = "\ufeff"


def neutralise(value):
    """Text that a spreadsheet would run as a formula, made plain text with a leading quote.
    Numbers, dates and empty values are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's XLSX and CSV export, with every text cell (headings included) neutralised and
    the CSV file starting with a UTF-8 byte order mark. Wagtail itself only stops openpyxl from
    writing XLSX formula cells; its CSV cells go out as they are."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))

    def stream_csv(self, queryset):
        yield UTF8_BOM.encode("utf-8")
        yield from super().stream_csv(queryset)
