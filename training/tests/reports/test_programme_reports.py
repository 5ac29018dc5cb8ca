"""The reports by programme, by module and of the people behind their plan, as the managers
see them: the numbers on screen, the same numbers in both exports, the filters, the charts, and
nothing from outside a manager's reach."""

from datetime import date

from django.utils.html import escape

from training.reports.exports import neutralise
from training.reports.views import INDENT
from training.tests.conftest import this_year
from training.tests.reports.screen import as_text, csv_rows, get, screen_rows, xlsx_rows

PROGRAMMES = "training_reports:programmes"
MODULES = "training_reports:modules"
BEHIND = "training_reports:behind"
COMPLETION = "training_reports:completion"
REPORTS = (PROGRAMMES, MODULES, BEHIND)
COMPLETED_LABEL = "Hoàn thành kế hoạch BDTX"
IN_PROGRESS_LABEL = "Đang thực hiện"
NOT_COMPLETED_LABEL = "Không hoàn thành"


def the_end_of_the_study_year(monkeypatch):
    """Today is 31 May of the current school year: the whole target is due."""
    end = date(int(this_year()[5:]), 5, 31)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: end)


def exports_agree_with_the_screen(client, user, name, screen, **params):
    """Both files hold the screen's rows and columns (rates without their % sign; formulas
    neutralised: in CSV by a leading quote, in XLSX the text as it is, in a text cell)."""
    on_screen = [[cell.removesuffix(" %") for cell in row] for row in screen]
    csv_file = csv_rows(get(client, user, name, export="csv", **params))
    assert csv_file == [[neutralise(cell) for cell in row] for row in on_screen]
    sheet = xlsx_rows(get(client, user, name, export="xlsx", **params))
    assert as_text(sheet) == [[_as_number_text(cell) for cell in row] for row in on_screen]


def _as_number_text(cell: str) -> str:
    """How openpyxl gives back a number written as text on screen: 10.00 -> 10, 9.33 -> 9.33."""
    try:
        number = float(cell)
    except ValueError:
        return cell
    return str(int(number)) if number.is_integer() else str(number)


def test_by_programme_on_screen_and_in_both_exports(client, more):
    w = more.world
    response = get(client, w.office_staff, PROGRAMMES, unit=w.commune.pk)
    assert response.status_code == 200
    rows = screen_rows(response)
    assert rows[0] == [
        "Chương trình",
        "Lượt đăng ký mô-đun",
        "Mô-đun đã hoàn thành",
        "Điểm trung bình",
        "Số tiết được tính",
        "Số người có tiết",
    ]
    assert rows[1:] == [
        ["Chương trình 01", "0", "0", "", "40", "1"],
        ["Chương trình 02", "1", "1", "10.00", "55", "2"],
        # Three completions: 10, 10 and 8.
        ["Chương trình 03", "4", "3", "9.33", "60", "2"],
        ["Bồi dưỡng khác", "0", "0", "", "0", "0"],
    ]
    exports_agree_with_the_screen(client, w.office_staff, PROGRAMMES, rows, unit=w.commune.pk)
    # The hours chart: drawn on the server, titled, described, and also given as text.
    html = response.text
    start = html.index('aria-labelledby="hours-chart-title hours-chart-desc"')
    chart = html[start : html.index("</figure>", start)]
    assert "<script" not in chart
    assert "Số tiết được tính theo chương trình" in chart
    assert "Chương trình 03: 60 tiết" in chart

    narrowed = get(client, w.office_staff, PROGRAMMES, unit=w.commune.pk, programme="03")
    assert screen_rows(narrowed)[1:] == [["Chương trình 03", "4", "3", "9.33", "60", "2"]]
    # Filters combine: the primary-school teachers of the closed school have nothing.
    primary = get(client, w.office_staff, PROGRAMMES, unit=w.commune.pk, school_level="primary")
    assert [row[1:] for row in screen_rows(primary)[1:]] == [["0", "0", "", "0", "0"]] * 4


def test_by_module_on_screen_and_in_both_exports(client, more):
    w = more.world
    response = get(client, w.office_staff, MODULES, unit=w.commune.pk)
    rows = screen_rows(response)
    assert rows[0] == [
        "Chương trình",
        "Mã mô-đun",
        "Mô-đun",
        "Đăng ký",
        "Đã hoàn thành",
        "Tỉ lệ hoàn thành (%)",
        "Điểm trung bình",
        "Số tiết được tính",
    ]
    codes = [row[1] for row in rows[1:]]
    assert codes == ["GVPT 31", "GVPT 01", "GVPT 02", "GVPT 11", "GVPT 12"]
    assert rows[1][3:] == ["1", "1", "100.0 %", "10.00", "15"]
    assert rows[4][3:] == ["1", "1", "100.0 %", "8.00", "20"]
    assert rows[5][3:] == ["1", "0", "0.0 %", "", "0"]
    exports_agree_with_the_screen(client, w.office_staff, MODULES, rows, unit=w.commune.pk)

    by_status = get(client, w.office_staff, MODULES, unit=w.commune.pk, status="completed")
    assert [row[1] for row in screen_rows(by_status)[1:]] == ["GVPT 01", "GVPT 02"]
    none = get(client, w.office_staff, MODULES, unit=w.commune.pk, programme="01")
    assert screen_rows(none)[1:] == []


def test_behind_the_plan_says_who_and_how_far(client, more, monkeypatch):
    the_end_of_the_study_year(monkeypatch)
    w = more.world
    response = get(client, w.office_staff, BEHIND, unit=w.commune.pk)
    assert response.status_code == 200
    rows = screen_rows(response)
    assert rows[0][4:] == [
        "Kế hoạch",
        "Tiết theo kế hoạch",
        "Tiết đã đạt",
        "Thiếu so với kế hoạch",
        "Chỉ tiêu (tiết)",
        "Cần đạt đến nay",
        "Thiếu so với chỉ tiêu",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    # Completed the year: not behind. The others, furthest first.
    assert w.teacher.full_name not in by_name
    assert set(by_name) == {
        "Lò Văn Thanh",
        "Đặng Văn Dũng",
        "Vàng Thị Mai",
        '=HYPERLINK("http://x")',
        "Sùng Thị Dợ",
        "Lý Thị Xuân",
    }
    assert by_name["Sùng Thị Dợ"][4:] == ["Đã duyệt", "40", "20", "20", "120", "120", "100"]
    assert by_name["Lò Văn Thanh"][4:] == ["Chưa có kế hoạch", "0", "0", "0", "120", "120", "120"]
    assert by_name["Lý Thị Xuân"][6:] == ["15", "0", "120", "120", "105"]
    assert [row[0] for row in rows[1:]][-2:] == ["Lý Thị Xuân", "Sùng Thị Dợ"]
    exports_agree_with_the_screen(client, w.office_staff, BEHIND, rows, unit=w.commune.pk)

    # One programme: its own target and hours.
    only_03 = screen_rows(get(client, w.office_staff, BEHIND, unit=w.commune.pk, programme="03"))
    assert {row[0]: row[5:] for row in only_03[1:]}["Sùng Thị Dợ"] == [
        "40",
        "20",
        "20",
        "40",
        "40",
        "20",
    ]
    # Found by name with or without diacritics.
    for query in ("sung thi do", "Sùng Thị"):
        found = screen_rows(get(client, w.office_staff, BEHIND, unit=w.commune.pk, q=query))
        assert [row[0] for row in found[1:]] == ["Sùng Thị Dợ"]
    none = screen_rows(get(client, w.office_staff, BEHIND, unit=w.commune.pk, q="khong ai"))
    assert none[1:] == []


def test_nobody_is_behind_on_the_first_day_of_the_year(client, more, monkeypatch):
    first = date(int(this_year()[:4]), 9, 1)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: first)
    w = more.world
    response = get(client, w.office_staff, BEHIND, unit=w.commune.pk)
    # The closed school's year is over for its people, but the pace is the calendar's.
    assert screen_rows(response)[1:] == []


def test_a_school_manager_reaches_nothing_of_another_school(client, more, monkeypatch):
    the_end_of_the_study_year(monkeypatch)
    w = more.world
    for name in (*REPORTS, COMPLETION, "training_reports:teachers"):
        for unit in (w.other_school.pk, w.commune.pk, more.third_school.pk, "x", 10**12):
            assert get(client, w.school_manager, name, unit=unit).status_code == 404, name
            assert get(client, w.school_manager, name, unit=unit, export="csv").status_code == 404
    behind = screen_rows(get(client, w.school_manager, BEHIND))
    assert {row[0] for row in behind[1:]} == {"Lò Văn Thanh", "Sùng Thị Dợ", "Đặng Văn Dũng"}
    for query in ("vang thi mai", "ly thi xuan"):
        assert screen_rows(get(client, w.school_manager, BEHIND, q=query))[1:] == []
    modules = screen_rows(get(client, w.school_manager, MODULES))
    assert "GVPT 31" not in {row[1] for row in modules[1:]}
    exported = csv_rows(get(client, w.school_manager, MODULES, export="csv"))
    assert "GVPT 31" not in {row[1] for row in exported[1:]}
    programmes = screen_rows(get(client, w.school_manager, PROGRAMMES))
    assert programmes[2] == ["Chương trình 02", "0", "0", "", "40", "1"]


def test_the_unit_menu_reads_as_the_tree_within_reach(client, more):
    w = more.world
    html = get(client, w.office_staff, PROGRAMMES).text
    assert f"{INDENT}{escape(w.commune.name)} ({w.commune.code})" in html
    assert f"{INDENT * 2}{escape(w.school.name)} ({w.school.code})" in html
    own = get(client, w.school_manager, PROGRAMMES).text
    assert f"{escape(w.school.name)} ({w.school.code})" in own
    assert f"({w.other_school.code})" not in own and f"({w.commune.code})" not in own


def test_the_completion_page_shows_the_status_distribution(client, more):
    w = more.world
    html = get(client, w.office_staff, COMPLETION, unit=w.commune.pk).text
    start = html.index('aria-labelledby="status-chart-title status-chart-desc"')
    chart = html[start : html.index("</figure>", start)]
    assert "<script" not in chart
    # 7 people: 1 completed; the planner, Lò Văn Thanh, the principal and Lý Thị Xuân in
    # progress; the two of the closed school not completed.
    assert f"{COMPLETED_LABEL}: 1 (14.3 %)" in chart
    assert f"{IN_PROGRESS_LABEL}: 4 (57.1 %)" in chart
    assert f"{NOT_COMPLETED_LABEL}: 2 (28.6 %)" in chart
