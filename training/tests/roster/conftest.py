"""Roster files as offices send them, and the dry run / apply steps run the way the screens
run them (upload kept, planned, applied)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from training import roles
from training.roster.planning import roster_plan
from training.roster.reader import read_tables
from training.roster.services import roster_apply
from training.roster.uploads import upload_keep
from training.services import unit_create

STAFF_HEADINGS = ["Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "E-mail", "Mã đơn vị",
                  "Chức vụ", "Cấp học"]  # fmt: skip
UNIT_HEADINGS = ["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Loại đơn vị"]


def csv_bytes(rows, *, sep=";", bom=True, encoding="utf-8") -> bytes:
    text = "\r\n".join(sep.join(str(c) for c in row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(sheets: dict[str, list[list]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def dry_run(content: bytes, user, name="danh-sach.csv"):
    return roster_plan(tables=read_tables(io.BytesIO(content), name=name), acting_user=user,
                       file_name=name)  # fmt: skip


def keep(content: bytes, user, name="danh-sach.csv"):
    return upload_keep(file=SimpleUploadedFile(name, content), user=user)


def apply(content: bytes, user, name="danh-sach.csv"):
    return roster_apply(upload=keep(content, user, name), acting_user=user)


@pytest.fixture
def far_unit(department):
    """A commune outside the reach of an officer of another commune."""
    return unit_create(
        name="UBND xã Dào San", code="XA-DS", kind="commune", parent=department, acting_user=None
    )


@pytest.fixture
def commune_officer(commune, make_person):
    return make_person(
        unit=commune,
        role=roles.OFFICE_STAFF,
        full_name="Vàng Thị Dung",
        staff_code="CV100",
        position="office_specialist",
    )
