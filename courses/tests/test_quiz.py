from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from courses.blocks import QuizBlock
from courses.quiz import answers_from_form, quiz_block_data, quiz_public, quiz_score
from courses.tests.conftest import sample_quiz


def make_quiz(**kwargs):
    return QuizBlock().to_python(sample_quiz(**kwargs))


def ids(quiz):
    """{kind: (question id, {choice text: choice id})} of the sample quiz."""
    found = {}
    for question in quiz["questions"]:
        choices = {}
        if "choices" in question.value:
            choices = {c.value["text"]: c.id for c in question.value["choices"].bound_blocks}
        found[question.block_type] = (question.id, choices)
    return found


def right_answers(quiz):
    q = ids(quiz)
    return {
        q["single_choice"][0]: q["single_choice"][1]["Thang điểm 10"],
        q["multiple_choice"][0]: [
            q["multiple_choice"][1]["Chương trình 01"],
            q["multiple_choice"][1]["Chương trình 02"],
        ],
        q["true_false"][0]: "true",
        q["short_answer"][0]: "Bồi dưỡng thường xuyên",
    }


def test_all_right_scores_ten():
    quiz = make_quiz()
    score = quiz_score(quiz, right_answers(quiz))
    assert (score.earned, score.possible, score.value) == (5, 5, Decimal("10.00"))
    assert score.correct_count == 4
    assert score.passed(Decimal("5.0"))


def test_points_weight_the_ten_point_scale():
    quiz = make_quiz()
    q = ids(quiz)
    score = quiz_score(quiz, {q["single_choice"][0]: q["single_choice"][1]["Thang điểm 10"]})
    assert (score.earned, score.possible, score.value) == (2, 5, Decimal("4.00"))
    assert not score.passed(5)


def test_pass_mark_is_inclusive_and_scores_round_half_up():
    quiz = QuizBlock().to_python(
        quiz_block_data(
            questions=[
                {"type": "true_false", "prompt": f"Câu {n}", "answer": True} for n in range(3)
            ]
        )
    )
    first, second, _third = (question.id for question in quiz["questions"])
    one_of_three = quiz_score(quiz, {first: "true"})
    assert one_of_three.value == Decimal("3.33")
    two_of_three = quiz_score(quiz, {first: "true", second: True})
    assert two_of_three.value == Decimal("6.67")
    half = QuizBlock().to_python(
        quiz_block_data(questions=[{"type": "true_false", "prompt": "A", "answer": False}] * 2)
    )
    only = next(iter(half["questions"])).id
    assert quiz_score(half, {only: "false"}).value == Decimal("5.00")
    assert quiz_score(half, {only: "false"}).passed(Decimal("5.0"))


def test_multiple_choice_is_all_or_nothing():
    quiz = make_quiz()
    qid, choices = ids(quiz)["multiple_choice"]
    assert quiz_score(quiz, {qid: [choices["Chương trình 01"]]}).earned == 0
    assert (
        quiz_score(
            quiz,
            {
                qid: [
                    choices["Chương trình 01"],
                    choices["Chương trình 02"],
                    choices["Chương trình 09"],
                ]
            },
        ).earned
        == 0
    )
    assert (
        quiz_score(quiz, {qid: [choices["Chương trình 02"], choices["Chương trình 01"]]}).earned
        == 1
    )


@pytest.mark.parametrize(
    "answer",
    [
        "bồi dưỡng thường xuyên",
        "BOI DUONG THUONG XUYEN",
        "  boi   duong  thuong xuyen ",
        "Bồi dưỡng thường xuyên",
    ],
)
def test_short_answers_match_without_case_spaces_or_diacritics(answer):
    quiz = make_quiz()
    qid = ids(quiz)["short_answer"][0]
    # Given in decomposed form too: text arrives in NFC or NFD.
    import unicodedata

    for form in ("NFC", "NFD"):
        assert quiz_score(quiz, {qid: unicodedata.normalize(form, answer)}).earned == 1


def test_wrong_short_answer_scores_nothing():
    quiz = make_quiz()
    qid = ids(quiz)["short_answer"][0]
    assert quiz_score(quiz, {qid: "bồi dưỡng"}).earned == 0
    assert quiz_score(quiz, {qid: ""}).earned == 0


def test_unanswered_questions_score_nothing():
    score = quiz_score(make_quiz(), {})
    assert (score.earned, score.value) == (0, Decimal("0.00"))
    assert not any(result.answered for result in score.results)


def test_unknown_question_is_refused():
    with pytest.raises(ValidationError) as error:
        quiz_score(make_quiz(), {"not-a-question": "true"})
    assert error.value.code == "unknown_question"


def test_unknown_choice_is_refused():
    quiz = make_quiz()
    single, _ = ids(quiz)["single_choice"]
    multiple, choices = ids(quiz)["multiple_choice"]
    with pytest.raises(ValidationError) as error:
        quiz_score(quiz, {single: "made-up-choice"})
    assert error.value.code == "unknown_choice"
    with pytest.raises(ValidationError):
        quiz_score(quiz, {multiple: [choices["Chương trình 01"], "made-up-choice"]})


def test_a_choice_of_another_question_is_refused():
    quiz = make_quiz()
    single, _ = ids(quiz)["single_choice"]
    _, other_choices = ids(quiz)["multiple_choice"]
    with pytest.raises(ValidationError):
        quiz_score(quiz, {single: other_choices["Chương trình 01"]})


@pytest.mark.parametrize(
    ("kind", "answer"),
    [
        ("single_choice", ["a", "b"]),
        ("true_false", "maybe"),
        ("true_false", ["true"]),
        ("short_answer", 5),
    ],
)
def test_answers_of_the_wrong_shape_are_refused(kind, answer):
    quiz = make_quiz()
    with pytest.raises(ValidationError) as error:
        quiz_score(quiz, {ids(quiz)[kind][0]: answer})
    assert error.value.code == "answer_shape"


def test_answers_must_be_a_mapping():
    with pytest.raises(ValidationError):
        quiz_score(make_quiz(), [("a", "b")])


def test_the_public_view_holds_no_answer():
    quiz = make_quiz()
    public = quiz_public(quiz)
    text = repr(public)
    assert "Bồi dưỡng thường xuyên" not in text  # the accepted short answer
    assert "correct" not in text and "True" not in text
    kinds = [question.kind for question in public.questions]
    assert kinds == ["single_choice", "multiple_choice", "true_false", "short_answer"]
    assert public.total_points == 5
    choice_ids = {c.id for c in public.questions[0].choices}
    assert choice_ids == set(ids(quiz)["single_choice"][1].values())


def test_shuffled_order_depends_only_on_the_seed():
    quiz = QuizBlock().to_python(
        quiz_block_data(
            shuffle=True,
            questions=[
                {"type": "true_false", "prompt": f"Câu {n}", "answer": True} for n in range(8)
            ],
        )
    )
    order = lambda seed: [q.prompt for q in quiz_public(quiz, seed=seed).questions]  # noqa: E731
    editor_order = [f"Câu {n}" for n in range(8)]
    assert quiz_public(quiz).questions[0].prompt == "Câu 0"  # no seed: the editor's order
    assert order("quiz:1") == order("quiz:1")
    orders = {tuple(order(f"quiz:{user}")) for user in range(6)}
    assert len(orders) > 1
    assert all(sorted(o) == sorted(editor_order) for o in orders)


def test_unshuffled_quiz_keeps_the_editor_order_for_every_seed():
    quiz = make_quiz()
    assert [q.kind for q in quiz_public(quiz, seed="x").questions][0] == "single_choice"


def test_answers_are_read_from_a_form():
    quiz = make_quiz()
    q = ids(quiz)
    data = QueryDict(mutable=True)
    data["quiz"] = "ignored"
    data[f"q-{q['single_choice'][0]}"] = q["single_choice"][1]["Thang điểm 10"]
    data.setlist(
        f"q-{q['multiple_choice'][0]}",
        [q["multiple_choice"][1]["Chương trình 01"], q["multiple_choice"][1]["Chương trình 02"]],
    )
    data[f"q-{q['true_false'][0]}"] = "true"
    data[f"q-{q['short_answer'][0]}"] = " boi duong thuong xuyen "
    answers = answers_from_form(quiz, data)
    assert quiz_score(quiz, answers).value == Decimal("10.00")


def test_a_form_naming_an_unknown_question_is_refused_when_scored():
    quiz = make_quiz()
    data = QueryDict("q-forged=1")
    with pytest.raises(ValidationError):
        quiz_score(quiz, answers_from_form(quiz, data))


def test_builder_refuses_unknown_question_types():
    with pytest.raises(ValueError, match="essay"):
        quiz_block_data(questions=[{"type": "essay", "prompt": "?"}])


def test_block_validation_requires_a_correct_choice():
    block = QuizBlock()
    bad = quiz_block_data(
        questions=[
            {"type": "single_choice", "prompt": "?", "choices": [("a", False), ("b", False)]}
        ]
    )
    with pytest.raises(ValidationError):
        block.clean(block.to_python(bad))
    two = quiz_block_data(
        questions=[{"type": "single_choice", "prompt": "?", "choices": [("a", True), ("b", True)]}]
    )
    with pytest.raises(ValidationError):
        block.clean(block.to_python(two))
    good = quiz_block_data(
        questions=[{"type": "single_choice", "prompt": "?", "choices": [("a", True), ("b", False)]}]
    )
    assert block.clean(block.to_python(good))["questions"]
