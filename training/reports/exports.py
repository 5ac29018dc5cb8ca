"""The one export path, as the reports import it: everything is in `courses.exports` (the
bottom of the app stack, so the library's lists use it too)."""

from courses.exports import (
    CONTENT_TYPES,
    CSV,
    FORMULA_STARTS,
    UTF8_BOM,
    XLSX,
    SafeSpreadsheetExportMixin,
    SpreadsheetFile,
    attach,
    content_disposition,
    dated_name,
    mark_text,
    neutralise,
    spreadsheet_response,
)

__all__ = [
    "CONTENT_TYPES",
    "CSV",
    "FORMULA_STARTS",
    "UTF8_BOM",
    "XLSX",
    "SafeSpreadsheetExportMixin",
    "SpreadsheetFile",
    "attach",
    "content_disposition",
    "dated_name",
    "mark_text",
    "neutralise",
    "spreadsheet_response",
]
