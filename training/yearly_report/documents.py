"""The yearly BDTX result report as an official document (Nghị định 30/2020): its printed data,
and that data drawn as a PDF (A4 landscape) and as a spreadsheet.

`report_data()` gathers everything printed into one JSON-safe dict; `render_pdf()` and
`render_xlsx()` draw exactly that dict and nothing else, so a submission keeps the dict and
the two files it produced. The fixed words are the Vietnamese an official document carries
whatever language the person producing it reads the site in."""

import io
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, datetime

from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from courses.exports import mark_text
from training.models import Unit, User
from training.official import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    MOTTO,
    NATION,
    REGULAR,
    register_fonts,
    vietnamese_date_line,
)
from training.selectors import closed_years
from training.yearly_report.selectors import PROGRAMMES, yearly_figures

TITLE = "BÁO CÁO"
COLUMN_HEADINGS = {
    "number": "TT",
    "level": "Cấp học",
    "teachers": "Tổng số GV, CBQL",
    "completed": "Hoàn thành",
    "not_completed": "Chưa hoàn thành",
    "in_progress": "Chưa đánh giá",
    "count": "SL",
    "percent": "%",
}
NOTES = [
    "Hoàn thành: hoàn thành kế hoạch BDTX năm học (đủ số tiết các chương trình, học đủ các "
    "nội dung, các điểm thành phần đạt từ 5 trở lên).",
    "Đạt CT 01, CT 02, CT 03: số tiết đã hoàn thành của chương trình đạt số tiết theo kế hoạch.",
    "Chưa đánh giá: năm học chưa kết thúc hoặc chưa đóng sổ.",
]


class Delegation:
    """How the signer signs for the head (Nghị định 30/2020, Phụ lục I)."""

    CHOICES = [
        ("", "—"),
        ("KT.", "KT."),
        ("TM.", "TM."),
        ("TL.", "TL."),
        ("TUQ.", "TUQ."),
    ]


@dataclass(frozen=True)
class Header:
    """The parts of the document a person writes before exporting or sending it."""

    parent_body_name: str
    body_name: str
    number: str
    place: str
    day: date
    recipient: str
    head_title: str
    delegation: str
    signer_title: str
    signer_name: str

    def as_data(self) -> dict:
        data = {key: _nfc(value) for key, value in asdict(self).items() if key != "day"}
        return {**data, "day": self.day.isoformat()}


def _nfc(text) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip()


def default_header(*, unit: Unit, user: User, previous: dict | None = None) -> dict:
    """What the form starts with: the unit's last submitted header when there is one (place,
    signer and number carry over from year to year), else the unit and its parent's names."""
    parent = unit.get_parent()
    values = {
        "parent_body_name": parent.name.upper() if parent else "",
        "body_name": unit.name.upper(),
        "number": "",
        "place": "",
        "day": timezone.localdate(),
        "recipient": parent.name if parent else "",
        "head_title": "HIỆU TRƯỞNG" if unit.is_school else "",
        "delegation": "",
        "signer_title": "",
        "signer_name": user.full_name if user.is_authenticated else "",
    }
    if previous:
        for key in ("number", "place", "head_title", "delegation", "signer_title", "signer_name"):
            if previous.get(key):
                values[key] = previous[key]
    return values


def report_data(*, user: User, unit: Unit, school_year: str, header: Header) -> dict:
    """Everything the document prints, as JSON-safe values (labels in Vietnamese, whatever
    language the person reads the site in)."""
    with translation.override("vi"):
        rows, total = yearly_figures(user=user, unit=unit, school_year=school_year)
    closed = bool(closed_years(unit_paths=[unit.path], years=[school_year]))
    return {
        "school_year": school_year,
        "unit": {"id": unit.pk, "name": unit.name, "code": unit.code},
        "header": header.as_data(),
        "rows": rows,
        "total": total,
        "as_of": timezone.localtime().isoformat(timespec="minutes"),
        "year_closed": closed,
    }


def signer_lines(header: dict) -> list[str]:
    if header.get("delegation"):
        lines = [f"{header['delegation']} {header['head_title']}".strip()]
        if header.get("signer_title"):
            lines.append(header["signer_title"])
        return lines
    return [header["head_title"]]


def number_line(header: dict) -> str:
    return f"Số: {header['number']}" if header.get("number") else "Số:        /BC"


def date_line(header: dict) -> str:
    return vietnamese_date_line(header["place"], date.fromisoformat(header["day"]))


def subject_line(data: dict) -> str:
    return f"Kết quả bồi dưỡng thường xuyên giáo viên, cán bộ quản lý năm học {data['school_year']}"


def intro_line(data: dict) -> str:
    return (
        f"{data['unit']['name']} báo cáo kết quả bồi dưỡng thường xuyên (BDTX) năm học "
        f"{data['school_year']} như sau:"
    )


def as_of_line(data: dict) -> str:
    moment = datetime.fromisoformat(data["as_of"])
    text = f"Số liệu tính đến {moment:%H:%M} ngày {moment:%d/%m/%Y}"
    if not data.get("year_closed"):
        text += " (năm học chưa đóng sổ: số liệu có thể còn thay đổi)"
    return text + "."


def table_rows(data: dict) -> list[list]:
    """The table's body rows and the total row, as printed (both in PDF and spreadsheet)."""

    def cells(row: dict) -> list:
        values = [
            row["teachers"],
            row["completed"],
            row["completed_percent"],
            row["not_completed"],
            row["not_completed_percent"],
            row["in_progress"],
        ]
        for programme in PROGRAMMES:
            values += [row[f"reached_{programme}"], row[f"reached_{programme}_percent"]]
        return values

    body = [[str(index), row["label"], *cells(row)] for index, row in enumerate(data["rows"], 1)]
    return [*body, ["", "Tổng cộng", *cells(data["total"])]]


def printed(value) -> str:
    """A cell as printed: percentages with the decimal comma ("33,3")."""
    return value.replace(".", ",") if isinstance(value, str) else str(value)


# PDF ---------------------------------------------------------------------------------------------

PAGE = landscape(A4)
MARGIN = 15 * mm


def _style(name, font=REGULAR, size=13, align=TA_CENTER, leading=None, **kwargs):
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.25,
        alignment=align,
        **kwargs,
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    escaped = _nfc(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, style)


class _Rule(Flowable):
    """The short line under the issuing body's name."""

    def __init__(self, width: float):
        super().__init__()
        self.width, self.height = width, 3

    def wrap(self, available_width, available_height):
        self._available = available_width
        return available_width, self.height

    def draw(self):
        start = (self._available - self.width) / 2
        self.canv.setLineWidth(0.7)
        self.canv.line(start, 1.5, start + self.width, 1.5)


def render_pdf(data: dict) -> bytes:
    register_fonts()
    header = data["header"]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=_nfc(f"Báo cáo kết quả BDTX năm học {data['school_year']} · {data['unit']['name']}"),
        author=_nfc(header["body_name"]),
        subject=_nfc(number_line(header)),
        creator="Học Tập",
        invariant=1,
    )
    width = PAGE[0] - 2 * MARGIN
    small = _style("small", size=12.5)
    bold = _style("bold", BOLD, 12.5)
    left = [
        _p(header["parent_body_name"].upper(), small)
        if header["parent_body_name"]
        else Spacer(1, 0),
        _p(header["body_name"].upper(), bold),
        Spacer(1, 2),
        _Rule(40 * mm),
        Spacer(1, 4),
        _p(number_line(header), _style("number", size=13)),
    ]
    right = [
        _p(NATION, bold),
        Paragraph(f"<u>{MOTTO}</u>", _style("motto", BOLD, 13.5)),
        Spacer(1, 6),
        _p(date_line(header), _style("date", ITALIC, 13)),
    ]
    top = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))

    story = [
        top,
        Spacer(1, 5 * mm),
        _p(TITLE, _style("title", BOLD, 15)),
        _p(subject_line(data), _style("subject", BOLD, 13.5)),
        Spacer(1, 3 * mm),
    ]
    if header.get("recipient"):
        story.append(_p(f"Kính gửi: {header['recipient']}", _style("to", REGULAR, 13.5)))
        story.append(Spacer(1, 3 * mm))
    story += [
        _p(intro_line(data), _style("intro", size=13, align=TA_LEFT, firstLineIndent=10 * mm)),
        Spacer(1, 3 * mm),
        _table(data, width),
        Spacer(1, 2 * mm),
        _p(as_of_line(data), _style("asof", ITALIC, 11, align=TA_LEFT)),
    ]
    note_style = _style("note", ITALIC, 10.5, align=TA_LEFT)
    story += [_p("Ghi chú: " + NOTES[0], note_style), *[_p(n, note_style) for n in NOTES[1:]]]
    story.append(Spacer(1, 2 * mm))
    story.append(KeepTogether(_signature(header, width)))
    document.build(story)
    return buffer.getvalue()


def _table(data: dict, width: float) -> Table:
    cell = _style("cell", size=11, leading=13)
    head = _style("head", BOLD, 10.5, leading=12.5)
    programme_heads = []
    for programme in PROGRAMMES:
        programme_heads += [f"Đạt CT {programme}", ""]
    first = [
        COLUMN_HEADINGS["number"],
        COLUMN_HEADINGS["level"],
        COLUMN_HEADINGS["teachers"],
        COLUMN_HEADINGS["completed"],
        "",
        COLUMN_HEADINGS["not_completed"],
        "",
        COLUMN_HEADINGS["in_progress"],
        *programme_heads,
    ]
    count, percent = COLUMN_HEADINGS["count"], COLUMN_HEADINGS["percent"]
    second = ["", "", "", count, percent, count, percent, count]
    second += [count, percent] * len(PROGRAMMES)
    level_style = _style("level", size=11, leading=13, align=TA_LEFT)
    rows = table_rows(data)
    body = []
    for index, row in enumerate(rows):
        is_total = index == len(rows) - 1
        cells = [_p(printed(value), head if is_total else cell) for value in row]
        cells[1] = _p(row[1], head if is_total else level_style)
        body.append(cells)
    table_data = [[_p(t, head) for t in first], [_p(t, head) for t in second], *body]
    fixed = [10 * mm, 52 * mm, 22 * mm]
    rest = (width - sum(fixed)) / (len(first) - len(fixed))
    table = Table(table_data, colWidths=fixed + [rest] * (len(first) - len(fixed)), repeatRows=2)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (2, 0), (2, 1)),
        ("SPAN", (3, 0), (4, 0)),
        ("SPAN", (5, 0), (6, 0)),
        ("BACKGROUND", (0, 0), (-1, 1), colors.Color(0.93, 0.93, 0.93)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for offset in range(len(PROGRAMMES)):
        column = 8 + 2 * offset
        style.append(("SPAN", (column, 0), (column + 1, 0)))
    table.setStyle(TableStyle(style))
    return table


def _signature(header: dict, width: float) -> list:
    label = _style("recipients-label", BOLD_ITALIC, 12, align=TA_LEFT)
    item = _style("recipients", REGULAR, 11, align=TA_LEFT, leading=13)
    recipients = [_p("Nơi nhận:", label)]
    if header.get("recipient"):
        recipients.append(_p("- Như trên;", item))
    recipients.append(_p("- Lưu: VT.", item))
    sign_style = _style("sign", BOLD, 13)
    signer = [_p(line, sign_style) for line in signer_lines(header)]
    signer += [Spacer(1, 20 * mm), _p(header["signer_name"], _style("name", BOLD, 13.5))]
    block = Table([[recipients, signer]], colWidths=[width * 0.45, width * 0.55])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [block]


# Spreadsheet -------------------------------------------------------------------------------------


def render_xlsx(data: dict) -> bytes:
    header = data["header"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Báo cáo BDTX"
    moment = datetime.fromisoformat(data["as_of"])
    workbook.properties.creator = "Học Tập"
    workbook.properties.title = _nfc(subject_line(data))
    workbook.properties.created = workbook.properties.modified = moment.replace(tzinfo=None)
    columns = 2 + 6 + 2 * len(PROGRAMMES)
    half = columns // 2
    bold, italic = (
        Font(name="Times New Roman", bold=True, size=12),
        Font(name="Times New Roman", italic=True, size=12),
    )
    plain = Font(name="Times New Roman", size=12)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def put(row, column, value, font=plain, *, to_column=None, align=centred):
        # The header's fields are typed by the unit: text stays text, never a formula.
        cell = mark_text(sheet.cell(row=row, column=column, value=value))
        cell.font, cell.alignment = font, align
        if to_column and to_column > column:
            sheet.merge_cells(start_row=row, start_column=column, end_row=row, end_column=to_column)
        return cell

    put(1, 1, header["parent_body_name"].upper(), plain, to_column=half)
    put(2, 1, header["body_name"].upper(), bold, to_column=half)
    put(3, 1, number_line(header), plain, to_column=half)
    put(1, half + 1, NATION, bold, to_column=columns)
    put(
        2,
        half + 1,
        MOTTO,
        Font(name="Times New Roman", bold=True, underline="single", size=12),
        to_column=columns,
    )
    put(3, half + 1, date_line(header), italic, to_column=columns)
    put(5, 1, TITLE, Font(name="Times New Roman", bold=True, size=14), to_column=columns)
    put(6, 1, subject_line(data), bold, to_column=columns)
    line = 7
    if header.get("recipient"):
        put(line, 1, f"Kính gửi: {header['recipient']}", plain, to_column=columns)
        line += 1
    put(
        line,
        1,
        intro_line(data),
        plain,
        to_column=columns,
        align=Alignment(horizontal="left", wrap_text=True),
    )
    line += 2

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    first, second = line, line + 1
    heads = [
        (1, 1, COLUMN_HEADINGS["number"]),
        (2, 2, COLUMN_HEADINGS["level"]),
        (3, 3, COLUMN_HEADINGS["teachers"]),
        (4, 5, COLUMN_HEADINGS["completed"]),
        (6, 7, COLUMN_HEADINGS["not_completed"]),
        (8, 8, COLUMN_HEADINGS["in_progress"]),
    ]
    heads += [(9 + 2 * i, 10 + 2 * i, f"Đạt CT {p}") for i, p in enumerate(PROGRAMMES)]
    for start, end, text in heads:
        put(first, start, text, bold)
        if end > start:
            sheet.merge_cells(start_row=first, start_column=start, end_row=first, end_column=end)
            put(second, start, COLUMN_HEADINGS["count"], bold)
            put(second, end, COLUMN_HEADINGS["percent"], bold)
        elif start != 8:
            sheet.merge_cells(start_row=first, start_column=start, end_row=second, end_column=end)
        else:
            put(second, start, COLUMN_HEADINGS["count"], bold)
    line = second + 1
    rows = table_rows(data)
    for index, values in enumerate(rows):
        font = bold if index == len(rows) - 1 else plain
        for column, value in enumerate(values, 1):
            if isinstance(value, str) and column > 2:
                value = float(value)  # a percentage: a number the office can add up
            align = Alignment(horizontal="left", vertical="center", wrap_text=True)
            put(line, column, value, font, align=align if column == 2 else centred)
        line += 1
    for row in sheet.iter_rows(min_row=first, max_row=line - 1, max_col=columns):
        for cell in row:
            cell.border = border
    line += 1
    put(line, 1, as_of_line(data), italic, to_column=columns, align=Alignment(horizontal="left"))
    line += 1
    for index, note in enumerate(NOTES):
        text = ("Ghi chú: " if index == 0 else "") + note
        put(line, 1, text, italic, to_column=columns, align=Alignment(horizontal="left"))
        line += 1
    line += 1
    sign_row = line
    put(
        sign_row,
        1,
        "Nơi nhận:",
        Font(name="Times New Roman", bold=True, italic=True, size=12),
        to_column=half,
        align=Alignment(horizontal="left"),
    )
    recipients = (["- Như trên;"] if header.get("recipient") else []) + ["- Lưu: VT."]
    for offset, text in enumerate(recipients, 1):
        put(sign_row + offset, 1, text, plain, to_column=half, align=Alignment(horizontal="left"))
    for offset, text in enumerate(signer_lines(header)):
        put(sign_row + offset, half + 1, text, bold, to_column=columns)
    put(sign_row + 6, half + 1, header["signer_name"], bold, to_column=columns)

    widths = [5, 26, 12] + [9] * (columns - 3)
    for index, value in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = value
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
