from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from courses.models import Criterion, Framework, RatingLevel, Standard
from courses.services import StandardsFileError, standards_load

STANDARDS = Path(__file__).resolve().parents[2] / "standards"
TEACHERS = STANDARDS / "gvpt-tt20-2018.yaml"
PRINCIPALS = STANDARDS / "htpt-tt14-2018.yaml"

GOOD = """\
framework:
  code: TEST
  version: "1"
  name: Chuẩn thử
  legal_basis: Thông tư 1/2030/TT-BGDĐT
  audience: teacher
  effective_from: 2030-01-01
levels:
  - {code: chua_dat, name: Chưa đạt}
  - {code: dat, name: Đạt}
standards:
  - {code: "1", name: Tiêu chuẩn một}
  - {code: "2", name: Tiêu chuẩn hai}
criteria:
  - {code: "1", standard: "1", name: Tiêu chí một}
  - {code: "2", standard: "2", name: Tiêu chí hai}
"""


@pytest.fixture(autouse=True)
def in_english():
    """The messages are asserted in English, their msgids; Vietnamese is the default."""
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_errors_read_in_vietnamese_by_default(tmp_path):
    with translation.override("vi"), pytest.raises(StandardsFileError) as error:
        standards_load(path=write(tmp_path, GOOD.replace('standard: "2", name', "name")))
    assert error.value.messages == [
        "chuan.yaml, dòng 16: tiêu chí “2” không thuộc tiêu chuẩn nào: hãy ghi “standard” cho "
        "tiêu chí."
    ]


def write(tmp_path, text, name="chuan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts():
    return (
        Framework.objects.count(),
        RatingLevel.objects.count(),
        Standard.objects.count(),
        Criterion.objects.count(),
    )


@pytest.mark.django_db
def test_the_teachers_standard_loads_with_its_five_standards_and_fifteen_criteria():
    result = standards_load(path=TEACHERS)
    framework = result.framework
    assert result.created and (result.standards, result.criteria) == (5, 15)
    assert (framework.code, framework.version, framework.legal_basis) == (
        "GVPT",
        "2018",
        "Thông tư 20/2018/TT-BGDĐT",
    )
    assert [level.name for level in framework.levels.order_by("sort_order")] == [
        "Chưa đạt",
        "Đạt",
        "Khá",
        "Tốt",
    ]
    assert list(framework.standards.values_list("code", flat=True)) == ["1", "2", "3", "4", "5"]
    codes_by_standard = {
        standard.code: list(standard.criteria.order_by("sort_order").values_list("code", flat=True))
        for standard in framework.standards.all()
    }
    assert codes_by_standard == {
        "1": ["1", "2"],
        "2": ["3", "4", "5", "6", "7"],
        "3": ["8", "9", "10"],
        "4": ["11", "12", "13"],
        "5": ["14", "15"],
    }
    assert framework.criteria.get(code="7").name == "Tư vấn và hỗ trợ học sinh"
    assert all(framework.criteria.values_list("confirmed", flat=True))


@pytest.mark.django_db
def test_the_principals_standard_marks_its_unconfirmed_criteria():
    result = standards_load(path=PRINCIPALS)
    framework = result.framework
    assert framework.audience == "principal" and result.standards == 5
    assert all(framework.standards.values_list("confirmed", flat=True))
    assert not any(framework.criteria.values_list("confirmed", flat=True))
    assert framework.notes


@pytest.mark.django_db
def test_loading_the_same_file_again_changes_nothing():
    standards_load(path=TEACHERS)
    before = counts(), list(Criterion.objects.values_list("pk", "name", "standard_id"))
    again = standards_load(path=TEACHERS)
    assert not again.created and again.changes == 0
    assert (counts(), list(Criterion.objects.values_list("pk", "name", "standard_id"))) == before


@pytest.mark.django_db
def test_a_new_version_loads_beside_the_old_one(tmp_path):
    first = standards_load(path=write(tmp_path, GOOD))
    second = standards_load(
        path=write(tmp_path, GOOD.replace('version: "1"', 'version: "2"'), "v2.yaml")
    )
    assert second.created and second.framework.pk != first.framework.pk
    assert Framework.objects.filter(code="TEST").count() == 2
    assert Criterion.objects.filter(framework=first.framework).count() == 2


@pytest.mark.django_db
def test_a_corrected_text_under_the_same_version_is_updated_in_place(tmp_path):
    standards_load(path=write(tmp_path, GOOD))
    criterion = Criterion.objects.get(framework__code="TEST", code="2")
    result = standards_load(
        path=write(tmp_path, GOOD.replace("Tiêu chí hai", "Tiêu chí hai (sửa)"))
    )
    assert result.changes == 1
    criterion.refresh_from_db()
    assert criterion.name == "Tiêu chí hai (sửa)"


@pytest.mark.django_db
def test_a_criterion_removed_from_a_loaded_version_is_refused(tmp_path):
    standards_load(path=write(tmp_path, GOOD))
    shorter = GOOD.replace('  - {code: "2", standard: "2", name: Tiêu chí hai}\n', "")
    with pytest.raises(StandardsFileError, match="no longer in the file"):
        standards_load(path=write(tmp_path, shorter))
    assert Criterion.objects.filter(framework__code="TEST").count() == 2


BAD_FILES = {
    "unknown framework key": (
        GOOD.replace("  audience: teacher\n", "  audience: teacher\n  legal_basiss: x\n"),
        "line 7: unknown key “legal_basiss” in the framework",
    ),
    "unknown top-level key": (GOOD + "extras: 1\n", "line 17: unknown key “extras” in the file"),
    "criterion without a standard": (
        GOOD.replace(
            '{code: "2", standard: "2", name: Tiêu chí hai}', '{code: "2", name: Tiêu chí hai}'
        ),
        "line 16: criterion “2” belongs to no standard",
    ),
    "criterion naming a missing standard": (
        GOOD.replace('standard: "2", name: Tiêu chí hai', 'standard: "9", name: Tiêu chí hai'),
        "line 16: criterion “2” names the standard “9”, which this file does not define",
    ),
    "duplicate criterion code": (
        GOOD.replace('{code: "2", standard: "2"', '{code: "1", standard: "2"'),
        "line 16: two criteria have the code “1” (the first on line 15)",
    ),
    "duplicate standard code": (
        GOOD.replace('{code: "2", name: Tiêu chuẩn hai}', '{code: "1", name: Tiêu chuẩn hai}'),
        "line 13: two standards have the code “1” (the first on line 12)",
    ),
    "missing framework field": (
        GOOD.replace("  legal_basis: Thông tư 1/2030/TT-BGDĐT\n", ""),
        "the framework has no “legal_basis”",
    ),
    "bad audience": (
        GOOD.replace("audience: teacher", "audience: pupils"),
        "“audience” cannot be “pupils”",
    ),
    "bad date": (
        GOOD.replace("effective_from: 2030-01-01", "effective_from: 31/12/2030"),
        "“effective_from” cannot be “31/12/2030”",
    ),
    "duplicate key": (
        GOOD.replace("  name: Chuẩn thử\n", "  name: Chuẩn thử\n  name: Lặp lại\n"),
        "the key “name” appears twice",
    ),
    "not yaml": ("framework: [unclosed\n", "is not valid YAML or JSON"),
    "one level": (
        GOOD.replace("  - {code: dat, name: Đạt}\n", ""),
        "needs at least two rating levels",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_with_its_line_and_nothing_is_loaded(tmp_path, case):
    text, message = BAD_FILES[case]
    before = counts()
    with pytest.raises(StandardsFileError) as error:
        standards_load(path=write(tmp_path, text))
    assert any(message in line for line in error.value.messages), error.value.messages
    assert all(line.startswith("chuan.yaml, ") for line in error.value.messages)
    assert counts() == before


@pytest.mark.django_db
def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    text = GOOD.replace("audience: teacher", "audience: x").replace(
        'standard: "2"', 'standard: "7"'
    )
    with pytest.raises(StandardsFileError) as error:
        standards_load(path=write(tmp_path, text))
    assert len(error.value.messages) == 2


@pytest.mark.django_db
def test_json_files_load_too(tmp_path):
    path = write(
        tmp_path,
        '{"framework": {"code": "J", "version": "1", "name": "Chuẩn JSON", '
        '"legal_basis": "TT", "audience": "other"}, '
        '"levels": [{"code": "a", "name": "A"}, {"code": "b", "name": "B"}], '
        '"standards": [{"code": "1", "name": "Một"}], '
        '"criteria": [{"code": "1", "standard": "1", "name": "Tiêu chí"}]}',
        "chuan.json",
    )
    assert standards_load(path=path).criteria == 1


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StandardsFileError, match="does not exist"):
        standards_load(path=tmp_path / "khong-co.yaml")


@pytest.mark.django_db
def test_the_command_reports_what_it_did(capsys):
    call_command("load_standards", str(TEACHERS), str(PRINCIPALS))
    call_command("load_standards", str(TEACHERS))
    out = capsys.readouterr().out
    assert "Thông tư 20/2018/TT-BGDĐT" in out and "Thông tư 14/2018/TT-BGDĐT" in out
    assert out.count("\n") == 3


@pytest.mark.django_db
def test_the_command_fails_on_a_bad_file_naming_the_problem(tmp_path):
    path = write(tmp_path, GOOD.replace('standard: "2", name', "name"))
    with pytest.raises(CommandError, match="belongs to no standard"):
        call_command("load_standards", str(path))
    assert not Framework.objects.filter(code="TEST").exists()
