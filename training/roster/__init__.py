"""Roster import (issue #6): units and staff from a CSV or XLSX file, checked in a dry run,
then applied all at once.

- `columns`: the file's columns and the values they accept (headings in Vietnamese or English,
  matched without regard to case or diacritics).
- `reader`: the tables of an uploaded file, row by row (CSV in UTF-8 with or without a BOM or in
  Windows-1258, `;`, `,` or tab separated; XLSX).
- `planning`: what each row would do (create / update / unchanged / error), and doing it.
- `uploads`: the uploaded file, kept privately between the dry run and the apply step.
- `services`: `roster_apply`, the one write.
- `views`: the Organisation → Import roster screens of the Wagtail admin."""
