"""The dry run: what each row would do, and every row-level error with its row and column."""

import unicodedata

from training.models import User
from training.roster.planning import CREATE
from training.tests.roster.conftest import STAFF_HEADINGS, csv_bytes, dry_run


def _errors(report):
    return {(o.row, e.column): e.message for o in report.errors for e in o.errors}


def test_excel_csv_with_bom_semicolons_nfd_names_and_dates(office_staff, school):
    nfd = unicodedata.normalize("NFD", "Lò Thị  Mai ")
    content = csv_bytes(
        [
            STAFF_HEADINGS,
            ["GV100", nfd, "05/09/1985", "Nữ", "Mai@Example.vn", "TR-SSH", "Giáo viên", "TH"],
            [" GV101 ", "Tẩn Láo Sành", "1990-01-31", "nam", "", "tr-ssh", "PHT", "THCS"],
        ]
    )
    before = User.objects.count()
    report = dry_run(content, office_staff)
    assert _errors(report) == {}
    assert [(o.row, o.action, o.label) for o in report.rows] == [
        (2, CREATE, "Lò Thị Mai"),
        (3, CREATE, "Tẩn Láo Sành"),
    ]
    assert not report.has_errors
    assert User.objects.count() == before  # a dry run writes nothing


def test_every_kind_of_row_error_names_row_and_column(commune_officer, school, teacher, far_unit):
    content = csv_bytes(
        [
            STAFF_HEADINGS,
            ["", "Lò Thị Mai", "", "", "", "TR-SSH", "", ""],
            ["GV200", "", "", "", "", "TR-SSH", "", ""],
            ["GV201", "Lò Văn A", "31/02/1990", "", "", "TR-SSH", "", ""],
            ["GV202", "Lò Văn B", "", "", "khong-phai-email", "TR-SSH", "", ""],
            ["GV203", "Lò Văn C", "", "", "huong@example.vn", "TR-SSH", "", ""],
            ["GV204", "Lò Văn D", "", "", "", "KHONG-CO", "", ""],
            ["GV205", "Lò Văn E", "", "", "", far_unit.code, "", ""],
            ["gv205", "Lò Văn F", "", "", "", "TR-SSH", "", ""],
            ["GV206", "Lò Văn G", "", "Khác", "", "TR-SSH", "Thủ quỹ", ""],
        ]
    )
    errors = _errors(dry_run(content, commune_officer))
    assert errors == {
        (2, "Mã cán bộ"): "Ô này không được để trống.",
        (3, "Họ và tên"): "Cần có họ và tên (hoặc họ và tên đệm, tên).",
        (4, "Ngày sinh"): "“31/02/1990” không phải là ngày: hãy viết theo dạng ngày/tháng/năm, "
        "ví dụ 05/09/1985.",
        (5, "E-mail"): "“khong-phai-email” không phải là địa chỉ e-mail hợp lệ.",
        (6, "E-mail"): "E-mail “huong@example.vn” đã thuộc về một tài khoản khác.",
        (7, "Mã đơn vị"): "Không có đơn vị nào mang mã “KHONG-CO”: hãy thêm đơn vị vào bảng đơn "
        "vị hoặc sửa lại mã.",
        (8, "Mã đơn vị"): "Đơn vị “XA-DS” nằm ngoài các đơn vị bạn quản lý.",
        (9, "Mã cán bộ"): "Mã cán bộ “gv205” đã có ở dòng 8.",
        (10, "Giới tính"): "“Khác” không thuộc các giá trị: Nữ, Nam.",
        (10, "Chức vụ"): "“Thủ quỹ” không thuộc các giá trị: Giáo viên, Hiệu trưởng, Phó hiệu "
        "trưởng, Trưởng phòng, Phó trưởng phòng, Chuyên viên, Nhân viên khác.",
    }


def test_a_staff_file_without_its_staff_code_column_says_so_on_every_row(office_staff, school):
    content = csv_bytes([["Họ và tên", "Mã đơn vị"], ["Lò Thị Mai", "TR-SSH"]])
    report = dry_run(content, office_staff)
    assert report.tables == [("staff", "danh-sach.csv")]
    assert _errors(report) == {(2, "Mã cán bộ"): "Ô này không được để trống."}
