import csv
import io

import pytest
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from training.reports.exports import UTF8_BOM
from training.tests.conftest import this_year
from training.tests.reports.world import build_world

COMPLETION = "training_reports:completion"
TEACHERS = "training_reports:teachers"


@pytest.fixture
def world(
    department,
    commune,
    school,
    other_school,
    teacher,
    school_manager,
    office_staff,
    make_person,
    make_module,
):
    return build_world(**locals())


def get(client, user, name, **params):
    client.force_login(user)
    return client.get(reverse(name), params)


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith(UTF8_BOM)
    return list(csv.reader(io.StringIO(body.removeprefix(UTF8_BOM))))


def xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_office_staff_drill_down_from_the_department_to_a_school(client, world):
    top = get(client, world.office_staff, COMPLETION)
    assert top.status_code == 200
    assert escape(world.commune.name) in top.text
    by_commune = get(client, world.office_staff, COMPLETION, unit=world.commune.pk)
    assert by_commune.status_code == 200
    html = by_commune.text
    assert escape(world.school.name) in html and escape(world.other_school.name) in html
    # At a school, the row leads to the list of its people.
    assert f"{reverse(TEACHERS)}?school_year={this_year()}&amp;unit={world.school.pk}" in html
    assert "33.3 %" in html
    # The chart is drawn on the server: SVG, and no script.
    start = html.index('aria-labelledby="completion-chart-title completion-chart-desc"')
    chart = html[start : html.index("</svg>", start)]
    assert 'width="99.9"' in chart and "<script" not in chart
    assert "Tỉ lệ hoàn thành theo đơn vị" in chart


def test_a_school_manager_sees_their_school_and_nothing_else(client, world):
    own = get(client, world.school_manager, COMPLETION)
    assert own.status_code == 200 and escape(world.school.name) in own.text
    assert escape(world.other_school.name) not in own.text
    for name in (COMPLETION, TEACHERS):
        assert (
            get(client, world.school_manager, name, unit=world.other_school.pk).status_code == 404
        )
        assert get(client, world.school_manager, name, unit=world.commune.pk).status_code == 404
        assert get(client, world.school_manager, name, unit="x").status_code == 404


def test_people_without_the_permission_get_no_report(client, world):
    response = get(client, world.teacher, COMPLETION)
    assert response.status_code in (302, 403)


def test_the_unit_export_holds_the_rows_and_columns_on_screen(client, world):
    params = {"unit": world.commune.pk, "school_year": this_year()}
    rows = csv_rows(get(client, world.office_staff, COMPLETION, export="csv", **params))
    # Headings in the admin's language, Vietnamese by default.
    assert rows[0] == [
        "Đơn vị",
        "Giáo viên",
        "Đã hoàn thành",
        "Đang thực hiện",
        "Không hoàn thành",
        "Tỉ lệ hoàn thành (%)",
    ]
    assert rows[1:] == [
        [world.school.name, "3", "1", "2", "0", "33.3"],
        [world.other_school.name, "2", "0", "0", "2", "0.0"],
    ]
    sheet = xlsx_rows(get(client, world.office_staff, COMPLETION, export="xlsx", **params))
    assert sheet[0] == rows[0]
    assert [row[0] for row in sheet[1:]] == [world.school.name, world.other_school.name]
    assert sheet[1][1:5] == [3, 1, 2, 0]


def test_filters_narrow_the_report_and_its_export(client, world):
    rows = csv_rows(
        get(
            client,
            world.office_staff,
            COMPLETION,
            unit=world.commune.pk,
            status="not_completed",
            school_level="primary",
            export="csv",
        )
    )
    assert [row[:2] for row in rows[1:]] == [
        [world.school.name, "0"],
        [world.other_school.name, "2"],
    ]


def test_the_people_report_neutralises_formulas_in_both_exports(client, world):
    params = {"unit": world.other_school.pk}
    rows = csv_rows(get(client, world.office_staff, TEACHERS, export="csv", **params))
    names = [row[0] for row in rows[1:]]
    assert names == ['\'=HYPERLINK("http://x")', "Vàng Thị Mai"] or sorted(names) == sorted(
        ['\'=HYPERLINK("http://x")', "Vàng Thị Mai"]
    )
    assert all(len(row) == 9 for row in rows)
    response = get(client, world.office_staff, TEACHERS, export="xlsx", **params)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # In XLSX the name stays as it is, a text cell marked as text (Excel's quote prefix).
    assert sorted(c.value for c in cells) == sorted(name.removeprefix("'") for name in names)
    formula = next(c for c in cells if c.value.startswith("="))
    assert (formula.data_type, formula.quotePrefix) == ("s", True)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_people_are_found_with_or_without_diacritics(client, world):
    for query in ("vang thi mai", "Vàng Thị"):
        response = get(client, world.office_staff, TEACHERS, unit=world.commune.pk, q=query)
        assert response.status_code == 200
        assert "Vàng Thị Mai" in response.text
        assert world.behind.full_name not in response.text
    school = get(client, world.school_manager, TEACHERS)
    assert world.behind.full_name in school.text and "Vàng Thị Mai" not in school.text
