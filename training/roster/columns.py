"""The columns of a roster file and the values they accept.

Headings are matched on their folded form (`courses.text.fold`): "MÃ CÁN BỘ", "mã cán bộ",
"Ma can bo" and "Staff code" are one column. Choice values likewise: "Nữ", "nu", "Female"."""

from dataclasses import dataclass
from functools import cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from courses.text import fold
from training.models import EmploymentStatus, Gender, Position, SchoolLevel, UnitKind

UNITS = "units"
STAFF = "staff"


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # a lazy translation: the heading the template prints
    aliases: tuple[str, ...] = ()


UNIT_COLUMNS = (
    Column("code", _("Unit code"), ("Mã đơn vị", "Mã ĐV")),
    Column("name", _("Unit name"), ("Tên đơn vị", "Đơn vị", "Tên trường")),
    Column(
        "parent",
        _("Parent unit code"),
        ("Mã đơn vị cấp trên", "Đơn vị cấp trên", "Mã cấp trên", "Cấp trên"),
    ),
    Column(
        "kind",
        _("Kind of unit"),
        ("Loại đơn vị", "Loại hình", "Loại hình đơn vị", "Cấp học", "Loại"),
    ),
)

STAFF_COLUMNS = (
    Column(
        "staff_code", _("Staff code"), ("Mã cán bộ", "Mã CB", "Mã CBGV", "Mã giáo viên", "Mã GV")
    ),
    Column("family_name", _("Family name"), ("Họ",)),
    Column("given_names", _("Middle and given names"), ("Tên đệm và tên", "Tên")),
    Column("full_name", _("Full name"), ("Họ tên", "Họ và tên")),
    Column("date_of_birth", _("Date of birth"), ("Ngày tháng năm sinh", "Ngày sinh")),
    Column("gender", _("Gender"), ("Giới tính", "Giới")),
    Column("email", _("E-mail"), ("Email", "Thư điện tử", "Địa chỉ e-mail")),
    Column("unit", _("Unit code"), ("Mã đơn vị", "Mã ĐV", "Mã trường")),
    Column("position", _("Position"), ("Chức vụ",)),
    Column("school_level", _("School level"), ("Cấp học", "Cấp dạy")),
    Column("subjects", _("Subjects"), ("Môn dạy", "Môn")),
    Column("ethnicity", _("Ethnicity"), ("Dân tộc",)),
    Column("employment_status", _("Employment status"), ("Tình trạng công tác", "Loại hình")),
)

COLUMNS = {UNITS: UNIT_COLUMNS, STAFF: STAFF_COLUMNS}

#: Columns that make a heading row a table of that kind (staff first: a staff table also has a
#: "Mã đơn vị" column, and one that lacks its staff-code column must still read as staff).
IDENTIFYING = {
    STAFF: frozenset({"staff_code", "full_name", "family_name", "given_names"}),
    UNITS: frozenset({"code"}),
}


def _labels(label) -> set[str]:
    names = set()
    for language in ("vi", "en"):
        with translation.override(language):
            names.add(fold(str(label)))
    return names


@cache
def heading_keys(table: str) -> dict[str, str]:
    """folded heading -> column key, for one table."""
    keys: dict[str, str] = {}
    for column in COLUMNS[table]:
        for name in (*_labels(column.label), *(fold(a) for a in column.aliases)):
            keys.setdefault(name, column.key)
    return keys


def heading_label(table: str, key: str) -> str:
    return str(next(c.label for c in COLUMNS[table] if c.key == key))


# Choice values -----------------------------------------------------------------------------

#: Extra spellings offices use, beside each choice's value and its Vietnamese and English labels.
_CHOICE_ALIASES = {
    "kind": {
        UnitKind.DEPARTMENT: ("Sở GD&ĐT", "Sở", "Sở giáo dục"),
        UnitKind.COMMUNE: ("UBND xã", "Xã", "UBND phường", "Phường"),
        UnitKind.OFFICE: ("Phòng GD&ĐT", "Phòng"),
        UnitKind.PRESCHOOL: ("Mầm non", "MN", "Trường mầm non"),
        UnitKind.PRIMARY: ("Tiểu học", "TH"),
        UnitKind.LOWER_SECONDARY: ("THCS", "Trung học cơ sở"),
        UnitKind.PRIMARY_LOWER_SECONDARY: ("TH&THCS", "TH và THCS", "Liên cấp TH&THCS"),
        UnitKind.ETHNIC_BOARDING: ("PTDTBT", "Trường PTDTBT", "Bán trú"),
        UnitKind.UPPER_SECONDARY: ("THPT", "Trung học phổ thông"),
        UnitKind.CONTINUING_EDUCATION: ("GDNN-GDTX", "TT GDNN-GDTX", "GDTX"),
        UnitKind.OTHER: ("Khác",),
    },
    "gender": {Gender.FEMALE: ("Nữ", "F", "Nu"), Gender.MALE: ("Nam", "M")},
    "position": {
        Position.TEACHER: ("GV", "Giáo viên"),
        Position.PRINCIPAL: ("HT", "Hiệu trưởng"),
        Position.VICE_PRINCIPAL: ("PHT", "Phó hiệu trưởng", "Phó HT"),
        Position.OFFICE_HEAD: ("Trưởng phòng", "TP"),
        Position.OFFICE_DEPUTY: ("Phó trưởng phòng", "PTP"),
        Position.OFFICE_SPECIALIST: ("CV", "Chuyên viên"),
        Position.STAFF: ("NV", "Nhân viên"),
    },
    "school_level": {
        SchoolLevel.PRESCHOOL: ("MN", "Mầm non"),
        SchoolLevel.PRIMARY: ("TH", "Tiểu học"),
        SchoolLevel.LOWER_SECONDARY: ("THCS", "Trung học cơ sở"),
        SchoolLevel.UPPER_SECONDARY: ("THPT", "Trung học phổ thông"),
        SchoolLevel.CONTINUING: ("GDTX", "GDNN-GDTX"),
    },
    "employment_status": {
        EmploymentStatus.PERMANENT: ("Biên chế", "BC"),
        EmploymentStatus.CONTRACT: ("Hợp đồng", "HĐ"),
        EmploymentStatus.PROBATION: ("Tập sự",),
        EmploymentStatus.LEAVE: ("Nghỉ phép", "Nghỉ dài hạn"),
        EmploymentStatus.RETIRED: ("Nghỉ hưu",),
    },
}

CHOICES = {
    "kind": UnitKind,
    "gender": Gender,
    "position": Position,
    "school_level": SchoolLevel,
    "employment_status": EmploymentStatus,
}


@cache
def choice_values(field: str) -> dict[str, str]:
    """folded spelling -> stored value, for one choice field."""
    values: dict[str, str] = {}
    for choice in CHOICES[field]:
        names = {fold(choice.value), *_labels(choice.label)}
        names |= {fold(a) for a in _CHOICE_ALIASES[field].get(choice, ())}
        for name in names:
            values.setdefault(name, choice.value)
    return values


def choice_labels(field: str) -> list[str]:
    """The labels a person may write, in the current language, for help texts and errors."""
    return [str(choice.label) for choice in CHOICES[field]]
