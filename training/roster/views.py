"""Organisation → Import roster, in the Wagtail admin.

GET: the upload form and the templates. POST with a file: keep it, dry-run it, show every row's
outcome and error; when there is none, an Apply button carrying the signed token of that file.
POST apply: `roster_apply`, then the password sheet for the new accounts as the response itself
(print it now: the passwords are not stored anywhere and are not shown again)."""

from itertools import groupby
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter

from courses.exports import CSV, XLSX, SpreadsheetFile, spreadsheet_response
from training.admin_records import AdminPage
from training.forms import errors_to_form
from training.roster.columns import STAFF, STAFF_COLUMNS, UNIT_COLUMNS, UNITS, choice_labels
from training.roster.planning import CREATE, ERROR, UNCHANGED, UPDATE, roster_plan
from training.roster.reader import RosterFileError, read_tables
from training.roster.services import IMPORT_PERMISSIONS, roster_apply
from training.roster.uploads import (
    MAX_BYTES,
    UPLOAD_TTL,
    upload_discard,
    upload_find,
    upload_keep,
)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roster file"),
        help_text=_("CSV or Excel workbook (.xlsx), up to 10 MB, filled in from the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class RosterImportView(AdminPage):
    permission_required = IMPORT_PERMISSIONS
    template_name = "training/admin/roster/index.html"
    page_title = _("Import roster")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["ttl_minutes"] = int(UPLOAD_TTL.total_seconds() // 60)
        context["max_mb"] = MAX_BYTES // (1024 * 1024)
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.apply(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            upload = upload_keep(file=form.cleaned_data["file"], user=request.user)
        except ValidationError as error:
            errors_to_form(form, ValidationError({"file": error.messages}))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            with upload.open() as binary:
                report = roster_plan(
                    tables=read_tables(binary, name=upload.name),
                    acting_user=request.user,
                    file_name=upload.name,
                )
        except RosterFileError as exc:
            upload_discard(upload)
            form.add_error("file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        if not report.has_errors and not report.changes:
            upload_discard(upload)  # nothing to apply or to export: the file need not be kept
        labels = outcome_labels()
        return self.render_to_response(
            self.get_context_data(
                report=report,
                upload=upload,
                form=UploadForm(),
                outcome_labels=list(labels.items()),
                count_rows=[
                    (gettext("Units"), [report.count(UNITS, a) for a in labels]),
                    (gettext("Staff"), [report.count(STAFF, a) for a in labels]),
                ],
                total_rows=sum(report.counts.values()),
            )
        )

    def apply(self, request):
        try:
            upload = upload_find(token=request.POST["token"], user=request.user)
            report = roster_apply(upload=upload, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("roster_import:index")
        messages.success(request, applied_message(report))
        if not report.accounts:
            return redirect("roster_import:index")
        return password_sheet(request, report)


def applied_message(report) -> str:
    created = report.count(STAFF, CREATE)
    updated = report.count(STAFF, UPDATE)
    units = report.count(UNITS, CREATE) + report.count(UNITS, UPDATE)
    return gettext(
        "The roster is imported: %(created)d people added, %(updated)d updated, %(units)d units "
        "added or updated."
    ) % {"created": created, "updated": updated, "units": units}


def password_sheet(request, report) -> HttpResponse:
    """A print-friendly page: one section per unit, each account with its initial password."""
    accounts = sorted(report.accounts, key=lambda a: a.sort_key)
    groups = [
        (unit, list(people))
        for unit, people in groupby(accounts, key=lambda a: (a.unit_name, a.unit_code))
    ]
    response = render(
        request,
        "training/admin/roster/password_sheet.html",
        {
            "groups": groups,
            "count": len(accounts),
            "login_url": request.build_absolute_uri(reverse("portal:login")),
            "file_name": report.file_name,
            "printed_at": timezone.localtime(),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def dry_run_csv(request):
    """Every row's outcome and every error of a kept file, as CSV (the page lists the first
    thousand). Written to a spooled temporary file, so a large file stays out of memory."""
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise Http404
    try:
        upload = upload_find(token=request.GET.get("token", ""), user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("roster_import:index")
    labels = outcome_labels()
    writer = SpreadsheetFile(
        CSV,
        [gettext("Sheet"), gettext("Row"), gettext("Code"), gettext("Name"), gettext("Outcome"),
         gettext("Column"), gettext("Problem"), gettext("Changes")],
    )  # fmt: skip

    def write(outcome):
        cells = [outcome.sheet, outcome.row, outcome.key, outcome.label, labels[outcome.action]]
        for error in outcome.errors or [None]:
            detail = (
                [error.column, error.message, ""] if error else ["", "", ", ".join(outcome.changed)]
            )
            writer.writerow(cells + detail)
        for note in outcome.notes if not outcome.errors else ():
            writer.writerow([*cells, note.column, note.message, ""])

    try:
        with upload.open() as binary:
            roster_plan(
                tables=read_tables(binary, name=upload.name),
                acting_user=request.user,
                file_name=upload.name,
                on_row=write,
            )
    except RosterFileError as exc:
        messages.error(request, str(exc))
        return redirect("roster_import:index")
    return writer.response(gettext("%(file)s, check") % {"file": PurePath(upload.name).stem})


# Templates ------------------------------------------------------------------------------------


def _instructions() -> list[list[str]]:
    rows = [
        [gettext("How to fill in this file")],
        [gettext("One row per unit on the sheet of units, one row per person on the sheet "
                 "of staff.")],
        [gettext("Dates as dd/mm/yyyy (05/09/1985). Empty cells leave what is already recorded.")],
        [gettext("A person is matched by staff code, a unit by its code: importing the file again "
                 "updates them, never duplicates them.")],
        [gettext("Use either “Full name” or “Family name” with “Middle and given names”.")],
        [],
        [gettext("Values accepted")],
    ]  # fmt: skip
    for label, field in (
        (_("Kind of unit"), "kind"),
        (_("Gender"), "gender"),
        (_("Position"), "position"),
        (_("School level"), "school_level"),
        (_("Employment status"), "employment_status"),
    ):
        rows.append([str(label), ", ".join(choice_labels(field))])
    return rows


def _headings(columns, *, skip=("full_name",)) -> list[str]:
    return [str(c.label) for c in columns if c.key not in skip]


def template_download(request, kind: str):
    """The template: an XLSX with a sheet of units, a sheet of staff and instructions, or one
    CSV per table (UTF-8 with BOM and `;`, as Excel in Vietnamese saves it)."""
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        raise Http404
    unit_headings = _headings(UNIT_COLUMNS)
    staff_headings = _headings(STAFF_COLUMNS)
    if kind == "xlsx":
        file = SpreadsheetFile(XLSX)
        file.sheet(gettext("Units"), unit_headings, widths=[22] * len(unit_headings))
        file.sheet(gettext("Staff"), staff_headings, widths=[22] * len(staff_headings))
        file.sheet(gettext("Instructions"), widths=[30, 100])
        file.writerows(_instructions())
        return file.response(gettext("Roster template"))
    if kind == "units.csv":
        return spreadsheet_response(
            [], unit_headings, gettext("Roster template, units"), CSV, delimiter=";"
        )
    if kind == "staff.csv":
        return spreadsheet_response(
            [], staff_headings, gettext("Roster template, staff"), CSV, delimiter=";"
        )
    raise Http404


# Registration -----------------------------------------------------------------------------------


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(IMPORT_PERMISSIONS)


class RosterImportViewSet(ViewSet):
    """The import's screens, as an item of the Organisation menu."""

    icon = "upload"
    menu_label = _("Import roster")
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("", RosterImportView.as_view(), name="index"),
            path("template/<str:kind>", template_download, name="template"),
            path("dry-run.csv", dry_run_csv, name="dry_run_csv"),
        ]

    def get_menu_item(self, order=None):
        return _ImportMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name="roster-import",
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


class RosterImportFormatter(LogFormatter):
    label = _("Import roster")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        created = data.get("staff_create", 0)
        return ngettext(
            "Imported the roster file “%(file)s”: %(created)d person added, %(updated)d updated.",
            "Imported the roster file “%(file)s”: %(created)d people added, %(updated)d updated.",
            created,
        ) % {
            "file": data.get("file", ""),
            "created": created,
            "updated": data.get("staff_update", 0),
        }


def outcome_labels() -> dict[str, str]:
    return {
        CREATE: pgettext("roster row outcome", "Create"),
        UPDATE: pgettext("roster row outcome", "Update"),
        UNCHANGED: pgettext("roster row outcome", "Unchanged"),
        ERROR: pgettext("roster row outcome", "Error"),
    }
