"""Units in the file, and the importer's reach (`units_visible_to`)."""

from training.models import Unit, User
from training.roster.planning import CREATE, UNCHANGED, UPDATE
from training.services import staff_create
from training.tests.roster.conftest import STAFF_HEADINGS, UNIT_HEADINGS, apply, csv_bytes, dry_run


def _errors(report):
    return {(o.row, e.column): e.message for o in report.errors for e in o.errors}


def test_units_create_update_unchanged(commune_officer, school):
    content = csv_bytes(
        [
            UNIT_HEADINGS,
            ["TR-SSH", "Trường PTDTBT TH&THCS Sin Suối Hồ", "XA-PT", "PTDTBT"],
            ["TR-MN-SSH", "Trường Mầm non Sin Suối Hồ", "XA-PT", "Mầm non"],
            ["TR-MN-SSH-2", "Điểm trường Nậm Cáy", "TR-MN-SSH", "Khác"],
        ]
    )
    report = apply(content, commune_officer)
    assert [o.action for o in report.rows] == [UNCHANGED, CREATE, CREATE]
    child = Unit.objects.get(code="TR-MN-SSH-2")
    assert child.get_parent().code == "TR-MN-SSH"
    renamed = csv_bytes([UNIT_HEADINGS, ["tr-ssh", "Trường PTDTBT Sin Suối Hồ", "", ""]])
    assert [o.action for o in apply(renamed, commune_officer).rows] == [UPDATE]
    school.refresh_from_db()
    assert school.name == "Trường PTDTBT Sin Suối Hồ" and school.kind == "ethnic_boarding"


def test_unit_rows_outside_reach_or_moving_are_errors(commune_officer, school, far_unit):
    content = csv_bytes(
        [
            UNIT_HEADINGS,
            ["XA-DS", "UBND xã Dào San mới", "", ""],
            ["TR-NEW", "Trường mới", "XA-DS", "TH"],
            ["TR-SSH", "Trường PTDTBT TH&THCS Sin Suối Hồ", "SGD-LC", ""],
            ["TR-ROOT", "Đơn vị gốc", "", "Sở"],
            ["TR-X", "Trường X", "KHONG-CO", ""],
            ["TR-X", "Trường X lần hai", "XA-PT", "TH"],
        ]
    )
    before = Unit.objects.count()
    errors = _errors(dry_run(content, commune_officer))
    assert errors == {
        (2, "Mã đơn vị"): "Đơn vị “XA-DS” nằm ngoài các đơn vị bạn quản lý.",
        (3, "Mã đơn vị cấp trên"): "Đơn vị “XA-DS” nằm ngoài các đơn vị bạn quản lý.",
        (4, "Mã đơn vị cấp trên"): "Việc nhập danh sách không chuyển đơn vị: “TR-SSH” đang trực "
        "thuộc đơn vị khác. Hãy chuyển đơn vị trong mục Tổ chức → Đơn vị.",
        (5, "Mã đơn vị cấp trên"): "Hãy ghi mã đơn vị cấp trên: đơn vị mới phải trực thuộc một "
        "đơn vị bạn quản lý.",
        (6, "Loại đơn vị"): "Ô này không được để trống.",
        (6, "Mã đơn vị cấp trên"): "Không có đơn vị nào mang mã “KHONG-CO”: hãy thêm đơn vị vào "
        "bảng đơn vị hoặc sửa lại mã.",
        (7, "Mã đơn vị"): "Mã đơn vị “TR-X” đã có ở dòng 6.",
    }
    assert Unit.objects.count() == before


def test_a_person_outside_reach_cannot_be_updated_or_moved_in(commune_officer, school, far_unit):
    far_school = Unit.objects.get(pk=far_unit.pk).add_child(
        name="Trường Tiểu học Dào San 2", code="TR-DS2", kind="primary"
    )
    staff_create(staff_code="GV900", full_name="Giàng A Páo", unit=far_school, acting_user=None)
    content = csv_bytes([STAFF_HEADINGS, ["GV900", "Giàng A Páo", "", "", "", "TR-SSH", "", ""]])
    errors = _errors(dry_run(content, commune_officer))
    assert errors == {
        (2, "Mã cán bộ"): "Mã cán bộ này đã thuộc về một người ở đơn vị nằm ngoài các đơn vị "
        "bạn quản lý."
    }
    assert User.objects.get(username="GV900").profile.unit == far_school


def test_school_manager_has_no_unit_permissions(school_manager, school):
    content = csv_bytes([UNIT_HEADINGS, ["TR-NEW", "Trường mới", "TR-SSH", "TH"]])
    report = dry_run(content, school_manager)
    assert report.errors[0].errors[0].message == "Bạn không có quyền thêm hoặc sửa đơn vị."
