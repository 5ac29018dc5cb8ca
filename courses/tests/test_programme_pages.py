"""Programmes, modules and lessons as teachers see them, quizzes as the browser receives them,
and the names the training app relies on."""

import copy
import re
from datetime import date
from decimal import Decimal

import pytest
from django.http import HttpResponse, QueryDict
from wagtail import hooks

from courses.hooks import LESSON_CONTEXT, MODULE_CONTEXT, QUIZ_SUBMITTED
from courses.models import Criterion, LessonPage, ModulePage
from courses.quiz import quiz_score
from courses.selectors import ModuleFilters, module_browse
from courses.services import standards_load
from courses.tests.conftest import publish, sample_quiz
from courses.tests.services.test_standards_load import TEACHERS


def quiz_section(html: str) -> str:
    """The quiz's HTML, without what differs between any two pages (address, CSRF token)."""
    match = re.search(r'<section class="quiz".*?</section>', html, re.S)
    assert match, "no quiz on the page"
    section = re.sub(r'action="[^"]*"', "", match.group(0))
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", section)


def answers_for(quiz, *, right=True) -> dict:
    """Form fields answering every question of the sample quiz, right or wrong."""
    data = {"quiz": quiz.id}
    for question in quiz.value["questions"]:
        field = f"q-{question.id}"
        if question.block_type in ("single_choice", "multiple_choice"):
            chosen = [
                c.id for c in question.value["choices"].bound_blocks if c.value["correct"] == right
            ]
            data[field] = chosen if question.block_type == "multiple_choice" else chosen[0]
        elif question.block_type == "true_false":
            data[field] = question.value["answer"] if right else "false"
        else:
            data[field] = "boi duong thuong xuyen" if right else "không biết"
    return data


@pytest.fixture
def criteria(db):
    framework = standards_load(path=TEACHERS).framework
    return {c.code: c for c in Criterion.objects.filter(framework=framework)}


def test_correct_answers_never_reach_the_browser(client, make_lesson):
    """Two lessons whose quizzes differ only in which answers are right render identically."""
    data = sample_quiz(title="Tự kiểm tra")
    flipped = copy.deepcopy(data)
    for question in flipped["questions"]:
        value = question["value"]
        if "choices" in value:
            for choice in value["choices"]:
                choice["value"]["correct"] = not choice["value"]["correct"]
        if "answer" in value:
            value["answer"] = "false"
        if "accepted_answers" in value:
            value["accepted_answers"][0]["value"] = "Một đáp án khác hẳn"
    first = make_lesson(title="Bài A", body=[{"type": "quiz", "id": "q1", "value": data}])
    second = make_lesson(title="Bài B", body=[{"type": "quiz", "id": "q1", "value": flipped}])
    html_first = client.get(first.url).content.decode()
    html_second = client.get(second.url).content.decode()
    assert quiz_section(html_first) == quiz_section(html_second)
    for html in (html_first, html_second):
        assert "Bồi dưỡng thường xuyên" not in html and "Một đáp án khác hẳn" not in html
        assert "correct" not in html.lower()


def test_the_final_assessment_hides_its_answers_too(client, module):
    response = client.get(f"{module.url}kiem-tra/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thang điểm 10" in html  # the choices are shown…
    assert "Bồi dưỡng thường xuyên" not in html  # …never the accepted short answer
    assert "correct" not in html.lower()


def test_lesson_quiz_self_check_scores_without_revealing_answers(client, lesson):
    quiz = next(iter(lesson.quizzes().values()))
    response = client.post(lesson.url, answers_for(quiz, right=True))
    assert response.status_code == 200
    submitted = response.context["submitted"]
    assert submitted.score.value == Decimal("10.00") and submitted.passed is None
    wrong = client.post(lesson.url, answers_for(quiz, right=False))
    assert wrong.context["submitted"].score.value == Decimal("0.00")
    html = wrong.content.decode()
    assert "Bồi dưỡng thường xuyên" not in html
    assert 'value="không biết"' in html  # the reader's own answer is kept


def test_the_final_assessment_self_check_applies_the_pass_mark(client, module):
    quiz = module.final_quiz()
    passed = client.post(f"{module.url}kiem-tra/", answers_for(quiz, right=True))
    assert passed.context["submitted"].passed is True
    failed = client.post(f"{module.url}kiem-tra/", answers_for(quiz, right=False))
    assert failed.context["submitted"].passed is False


def test_forged_submissions_are_refused(client, lesson):
    quiz = next(iter(lesson.quizzes().values()))
    assert client.post(lesson.url, {"quiz": "nope"}).status_code == 400
    assert client.post(lesson.url, {"quiz": quiz.id, "q-forged": "x"}).status_code == 400
    first = next(iter(quiz.value["questions"]))
    assert (
        client.post(lesson.url, {"quiz": quiz.id, f"q-{first.id}": "forged-choice"}).status_code
        == 400
    )


def test_a_hook_can_take_over_quiz_submissions(client, module):
    seen = {}

    def record(request, *, page, quiz, answers):
        seen.update(page=page.pk, quiz=quiz.id, score=quiz_score(quiz, answers).value)
        return HttpResponse("recorded")

    with hooks.register_temporarily(QUIZ_SUBMITTED, record):
        response = client.post(
            f"{module.url}kiem-tra/", answers_for(module.final_quiz(), right=True)
        )
    assert response.content == b"recorded"
    assert seen == {"page": module.pk, "quiz": module.final_quiz().id, "score": Decimal("10.00")}


def test_module_page_shows_progress_only_when_a_hook_gives_it(client, module, lesson):
    html = client.get(module.url).content.decode()
    assert "<progress" not in html

    class Progress:
        percent, summary = 50, "1 / 2"

    def progress(request, *, module):
        return {"progress": Progress()}

    with hooks.register_temporarily(MODULE_CONTEXT, progress):
        html = client.get(module.url).content.decode()
    assert '<progress max="100" value="50">' in html
    with hooks.register_temporarily(
        LESSON_CONTEXT, lambda request, *, lesson: {"progress": Progress()}
    ):
        assert '<progress max="100" value="50">' in client.get(lesson.url).content.decode()


def test_module_page_shows_hours_criteria_and_lessons(
    client, make_module, make_lesson, criteria, programme
):
    module = make_module(code="GVPT 06", criteria=[criteria["6"]], levels=["primary"], hours=15)
    make_lesson(parent=module, title="Bài 1. Đánh giá thường xuyên")
    make_lesson(parent=module, title="Bài 2. Ma trận đề", live=False)
    response = client.get(module.url)
    html = response.content.decode()
    assert "GVPT 06" in html and "Kiểm tra, đánh giá theo hướng phát triển phẩm chất" in html
    assert "Bài 1. Đánh giá thường xuyên" in html and "Bài 2. Ma trận đề" not in html
    assert [lesson.title for lesson in response.context["lessons"]] == [
        "Bài 1. Đánh giá thường xuyên"
    ]
    assert response.context["final_quiz"].total_points == 5


def test_lesson_page_links_its_neighbours(client, module, make_lesson):
    first, second, third = (make_lesson(title=f"Bài {n}") for n in (1, 2, 3))
    response = client.get(second.url)
    assert response.context["previous_lesson"].pk == first.pk
    assert response.context["next_lesson"].pk == third.pk
    assert (response.context["lesson_number"], response.context["lesson_total"]) == (2, 3)


def test_names_training_relies_on(module, make_lesson, programme, make_module):
    second = make_lesson(title="Bài 2")
    first_draft = make_lesson(title="Nháp", live=False)
    third = make_lesson(title="Bài 3")
    assert [lesson.pk for lesson in module.lessons()] == [second.pk, third.pk]
    assert first_draft.pk not in [lesson.pk for lesson in module.lessons()]
    assert module.programme.pk == programme.pk and module.school_year == "2026-2027"
    assert module.programme.kind == "03"
    assert (module.hours, module.pass_mark, module.attempt_limit) == (10, Decimal("5.0"), None)
    assert module.has_final_assessment
    assert not make_module(code="GVPT 99", quiz=False).has_final_assessment


def test_question_and_choice_ids_are_stable_across_reloads_and_revisions(module):
    def ids(page):
        quiz = page.final_quiz()
        return [quiz.id] + [
            (q.id, [c.id for c in q.value["choices"].bound_blocks] if "choices" in q.value else [])
            for q in quiz.value["questions"]
        ]

    before = ids(ModulePage.objects.get(pk=module.pk))
    assert before == ids(ModulePage.objects.get(pk=module.pk))
    page = ModulePage.objects.get(pk=module.pk)
    page.title = "Tên mới"
    publish(page)
    assert ids(ModulePage.objects.get(pk=module.pk)) == before


def test_database_refuses_impossible_module_rules(module):
    from django.db import IntegrityError, transaction

    for field, value in (("pass_mark", Decimal("11")), ("hours", 0), ("attempt_limit", 0)):
        with pytest.raises(IntegrityError), transaction.atomic():
            ModulePage.objects.filter(pk=module.pk).update(**{field: value})


def test_browse_by_year_programme_level_and_criterion(make_programme, make_module, criteria):
    this_03 = make_programme(kind="03", school_year="2026-2027")
    this_01 = make_programme(kind="01", school_year="2026-2027", title="Chương trình 01")
    last_03 = make_programme(kind="03", school_year="2025-2026", title="Chương trình 03 năm trước")
    a = make_module(parent=this_03, code="GVPT 01", criteria=[criteria["1"]], levels=["primary"])
    b = make_module(
        parent=this_03, code="GVPT 15", criteria=[criteria["15"]], levels=["lower_secondary"]
    )
    c = make_module(parent=this_01, code="CT01-01", criteria=[criteria["1"]], levels=["primary"])
    old = make_module(parent=last_03, code="GVPT 01", criteria=[criteria["1"]])
    index = this_03.get_parent()

    def codes(query="", today=date(2026, 11, 28)):
        browse = module_browse(
            index=index, filters=ModuleFilters.from_query(QueryDict(query)), today=today
        )
        return browse, sorted(m.pk for group in browse.groups for m in group.modules)

    browse, found = codes()
    assert browse.year == "2026-2027" and browse.years == ("2026-2027", "2025-2026")
    assert found == sorted([a.pk, b.pk, c.pk])
    assert codes("year=2025-2026")[1] == [old.pk]
    assert codes("programme=01")[1] == [c.pk]
    assert codes("level=primary")[1] == sorted([a.pk, c.pk])
    assert codes(f"criterion={criteria['15'].pk}")[1] == [b.pk]
    assert codes(f"programme=03&criterion={criteria['1'].pk}&level=primary")[1] == [a.pk]
    # In the summer the new year has no programme yet: the latest year that has one is shown.
    assert codes(today=date(2027, 9, 15))[0].year == "2026-2027"
    # Nonsense in the address is ignored.
    assert codes("year=20x&programme=9&criterion=abc")[1] == sorted([a.pk, b.pk, c.pk])
    assert [m.lesson_count for g in browse.groups for m in g.modules] == [0, 0, 0]


def test_programme_index_and_programme_pages_render(client, make_module, make_lesson, programme):
    module = make_module(code="GVPT 02")
    make_lesson(parent=module, title="Bài 1")
    index_html = client.get(programme.get_parent().url).content.decode()
    assert "GVPT 02" in index_html and programme.title in index_html
    response = client.get(programme.url)
    assert response.status_code == 200
    modules = response.context["modules"]
    assert [m.code for m in modules] == ["GVPT 05", "GVPT 02"]  # the lesson fixture's module first
    assert response.context["total_hours"] == 20
    assert [m.lesson_count for m in modules] == [0, 1]


def test_lessons_index_their_questions_but_not_their_answers(lesson):
    content = LessonPage.body.field.stream_block.get_searchable_content(lesson.body)
    text = " ".join(content)
    assert "Thang điểm đánh giá bồi dưỡng thường xuyên là bao nhiêu?" in text
    assert "Bồi dưỡng thường xuyên" not in text.replace("bồi dưỡng thường xuyên là", "")
