"""Applying a roster file: all or nothing, idempotent, updates rather than duplicates; new
accounts with readable initial passwords that must be changed; an audit trail."""

import os
import time
import tracemalloc

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from training import roles
from training.models import StaffProfile, Unit, User
from training.roster.passwords import ALPHABET, LENGTH
from training.roster.planning import CREATE, UNCHANGED, UPDATE
from training.roster.uploads import UPLOAD_TTL, upload_find
from training.tests.roster.conftest import (
    STAFF_HEADINGS,
    UNIT_HEADINGS,
    apply,
    csv_bytes,
    dry_run,
    keep,
    xlsx_bytes,
)

WORKBOOK = {
    "Đơn vị": [
        UNIT_HEADINGS,
        ["TR-MN-SSH", "Trường Mầm non Sin Suối Hồ", "XA-PT", "Mầm non"],
    ],
    "Cán bộ": [
        ["DANH SÁCH CÁN BỘ, GIÁO VIÊN NĂM HỌC 2025-2026"],
        [],
        STAFF_HEADINGS,
        ["GV300", "Lò Thị Mai", "05/09/1985", "Nữ", "mai@example.vn", "TR-MN-SSH", "GV", "MN"],
        ["GV301", "Tẩn Láo Sành", "", "Nam", "", "TR-SSH", "Hiệu trưởng", "TH"],
    ],
}


def test_apply_creates_units_people_roles_and_must_change_passwords(office_staff, commune, school):
    report = apply(xlsx_bytes(WORKBOOK), office_staff, name="danh-sach.xlsx")
    unit = Unit.objects.get(code="TR-MN-SSH")
    assert unit.get_parent() == commune
    mai = User.objects.get(username="GV300")
    assert (mai.last_name, mai.first_name, mai.email) == ("Lò", "Thị Mai", "mai@example.vn")
    assert mai.must_change_password
    assert mai.profile.unit == unit and mai.profile.gender == "female"
    assert mai.profile.date_of_birth.isoformat() == "1985-09-05"
    assert [g.name for g in mai.groups.all()] == [roles.TEACHER]
    principal = User.objects.get(username="GV301")
    assert [g.name for g in principal.groups.all()] == [roles.SCHOOL_MANAGER]
    # Each new account's password is on the sheet, readable, and it works.
    accounts = {a.staff_code: a for a in report.accounts}
    assert set(accounts) == {"GV300", "GV301"}
    for account in accounts.values():
        assert len(account.password) == LENGTH
        assert set(account.password) <= set(ALPHABET)
        assert not set(account.password) & set("0O1lIo")
    assert mai.check_password(accounts["GV300"].password)
    assert accounts["GV300"].unit_name == "Trường Mầm non Sin Suối Hồ"


def test_audit_entries_for_the_import_and_each_account(office_staff, school):
    apply(xlsx_bytes(WORKBOOK), office_staff, name="danh-sach.xlsx")
    entry = ModelLogEntry.objects.get(action="hoctap.roster_import")
    assert entry.user == office_staff
    assert entry.data["file"] == "danh-sach.xlsx"
    assert entry.data["staff_create"] == 2 and entry.data["units_create"] == 1
    assert entry.message == (
        "Đã nhập tệp danh sách “danh-sach.xlsx”: thêm 2 người, cập nhật 0 người."
    )
    created = ModelLogEntry.objects.filter(action="wagtail.create", user=office_staff)
    labels = set(created.values_list("label", flat=True))
    assert {"Lò Thị Mai", "Tẩn Láo Sành", "Trường Mầm non Sin Suối Hồ"} <= labels
    assert {e.uuid for e in created} | {entry.uuid} == {entry.uuid}


def test_reimporting_the_same_file_changes_nothing(office_staff, school):
    content = xlsx_bytes(WORKBOOK)
    apply(content, office_staff, name="danh-sach.xlsx")
    users, logs = (
        User.objects.count(),
        ModelLogEntry.objects.exclude(action="hoctap.roster_import").count(),
    )
    report = dry_run(content, office_staff, name="danh-sach.xlsx")
    assert {o.action for o in report.rows} == {UNCHANGED}
    report = apply(content, office_staff, name="danh-sach.xlsx")
    assert report.accounts == []
    assert User.objects.count() == users
    assert ModelLogEntry.objects.exclude(action="hoctap.roster_import").count() == logs


def test_an_updated_file_updates_rather_than_duplicates(office_staff, school, other_school):
    apply(xlsx_bytes(WORKBOOK), office_staff, name="danh-sach.xlsx")
    before = User.objects.count()
    content = csv_bytes(
        [
            STAFF_HEADINGS,
            # staff code in another letter case, a new school, a corrected name; a different
            # e-mail is left out (an import never changes an account's e-mail, issue #12)
            ["gv300", "Lò Thị Mây", "05/09/1985", "Nữ", "may@example.vn", "TR-DS", "GV", "TH"],
            ["GV301", "Tẩn Láo Sành", "", "Nam", "", "TR-SSH", "Hiệu trưởng", "TH"],
        ]
    )
    report = apply(content, office_staff)
    assert [o.action for o in report.rows] == [UPDATE, UNCHANGED]
    assert User.objects.count() == before
    mai = User.objects.get(username="GV300")
    assert (mai.first_name, mai.email, mai.profile.unit) == ("Thị Mây", "mai@example.vn",
                                                             other_school)  # fmt: skip
    assert [n.column for n in report.rows[0].notes] == ["E-mail"]
    assert mai.name_folded == "lo thi may"
    edit = ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(mai.pk)).get()
    assert edit.user == office_staff
    assert set(edit.data["changed"]) == {"first_name", "unit", "school_level"}


def test_one_bad_row_and_nothing_is_applied(office_staff, school):
    workbook = {**WORKBOOK, "Cán bộ": [*WORKBOOK["Cán bộ"], ["GV302", "Lò Văn Páo", "32/13/1990",
                                                            "", "", "TR-SSH", "", ""]]}  # fmt: skip
    units, users, logs = Unit.objects.count(), User.objects.count(), ModelLogEntry.objects.count()
    with pytest.raises(ValidationError):
        apply(xlsx_bytes(workbook), office_staff, name="danh-sach.xlsx")
    assert (Unit.objects.count(), User.objects.count(), ModelLogEntry.objects.count()) == (
        units,
        users,
        logs,
    )


def test_only_the_same_person_and_the_same_unchanged_file_can_be_applied(
    office_staff, commune_officer, school, settings, tmp_path
):
    upload = keep(csv_bytes([STAFF_HEADINGS]), office_staff)
    with pytest.raises(ValidationError):
        upload_find(token=upload.token, user=commune_officer)
    with pytest.raises(ValidationError):
        upload_find(token=upload.token[:-2] + "xx", user=office_staff)
    assert upload_find(token=upload.token, user=office_staff) == upload
    with upload.open() as f:
        path = f.name
    with open(path, "ab") as f:
        f.write(b"GV999;Someone;;;;TR-SSH;;\r\n")
    with pytest.raises(ValidationError):
        upload_find(token=upload.token, user=office_staff)


def test_ten_thousand_rows_cost_a_bounded_number_of_queries(office_staff, school):
    rows = [STAFF_HEADINGS] + [
        [
            f"GV{n:05d}",
            f"Nguyễn Văn {n}",
            "01/01/1990",
            "Nam",
            f"gv{n}@example.vn",
            "TR-SSH",
            "GV",
            "TH",
        ]  # fmt: skip
        for n in range(10_000)
    ]
    content = csv_bytes(rows)
    with CaptureQueriesContext(connection) as dry:
        report = dry_run(content, office_staff)
    assert report.count("staff", CREATE) == 10_000
    assert len(dry) < 120  # 20 batches of 500 rows, a few queries each
    assert len(report.rows) == 1000  # the page shows the first thousand, counts cover all
    with CaptureQueriesContext(connection) as applied:
        apply(content, office_staff)
    assert StaffProfile.objects.filter(unit=school).count() == 10_000
    assert len(applied) < 400


class _AnHourAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - int(UPLOAD_TTL.total_seconds()) - 60)


def test_a_dry_run_expires_and_its_file_is_deleted(office_staff, school):
    upload = keep(csv_bytes([STAFF_HEADINGS]), office_staff)
    data = {"p": upload.path, "n": upload.name, "h": upload.sha256, "u": upload.user_id}
    old_token = _AnHourAgo(salt="training.roster.upload").sign_object(data)
    with pytest.raises(ValidationError):
        upload_find(token=old_token, user=office_staff)
    with upload.open() as f:
        path = f.name
    old = time.time() - UPLOAD_TTL.total_seconds() - 60
    os.utime(path, (old, old))
    fresh = keep(csv_bytes([STAFF_HEADINGS]), office_staff)  # an upload sweeps old files
    assert not os.path.exists(path)
    assert upload_find(token=fresh.token, user=office_staff) == fresh


def test_memory_stays_flat_for_a_large_file(office_staff, school):
    """The dry run of 10,000 rows holds one batch, not the file: its peak is far below what
    10,000 planned rows with their outcomes would take, and close to that of 2,000 rows."""

    def peak(rows: int) -> int:
        content = csv_bytes(
            [STAFF_HEADINGS]
            + [
                [f"GV{n:05d}", f"Nguyễn Văn {n}", "01/01/1990", "Nam", "", "TR-SSH", "GV", "TH"]
                for n in range(rows)
            ]
        )
        tracemalloc.start()
        try:
            dry_run(content, office_staff)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(2_000), peak(10_000)
    assert large < 2 * small
