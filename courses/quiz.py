"""Quizzes: scoring on the 10-point scale, the answer-free view templates render, and reading
answers from a submitted form.

For training (attempts and completions):

    score = quiz_score(quiz, answers)      # quiz: a QuizBlock value (or the StreamField child)
    score.value                            # Decimal on the 10-point scale, two places
    score.passed(module.pass_mark)         # the pass rule: value >= pass mark

`answers` maps question ids (the StreamField block ids of the questions) to an answer:
a choice id for single choice, a list of choice ids for multiple choice, "true"/"false" (or a
bool) for true/false, and text for a short answer. A question left out scores nothing. A
question id, choice id or answer shape the quiz does not know raises ValidationError: a form
that names them was not made from this quiz.

Multiple choice scores all-or-nothing: the chosen set must equal the correct set. A short answer
matches an accepted answer after normalising letter case, spaces and diacritics
(courses.text.fold), so "boi duong" matches "Bồi dưỡng".
"""

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from courses.text import fold

SCALE = Decimal(10)
SINGLE_CHOICE, MULTIPLE_CHOICE = "single_choice", "multiple_choice"
TRUE_FALSE, SHORT_ANSWER = "true_false", "short_answer"
#: Form fields carrying answers are named FIELD_PREFIX + question id.
FIELD_PREFIX = "q-"

ERROR_UNKNOWN_QUESTION = _("The answer names a question “%(id)s” that is not in this quiz.")
ERROR_UNKNOWN_CHOICE = _("The answer to question “%(id)s” names a choice that it does not have.")
ERROR_ANSWER_SHAPE = _("The answer to question “%(id)s” is not in a form this question accepts.")
ERROR_ANSWERS_NOT_MAPPING = _("Answers must map question ids to answers.")

_TRUE, _FALSE = {"true", True}, {"false", False}


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    points: int
    earned: int
    answered: bool

    @property
    def correct(self) -> bool:
        return self.earned == self.points


@dataclass(frozen=True)
class Score:
    earned: int
    possible: int
    value: Decimal
    results: tuple[QuestionResult, ...]

    def passed(self, pass_mark: Decimal | int | float) -> bool:
        return self.value >= Decimal(str(pass_mark))

    @property
    def correct_count(self) -> int:
        return sum(1 for result in self.results if result.correct)


@dataclass(frozen=True)
class PublicChoice:
    id: str
    text: str


@dataclass(frozen=True)
class PublicQuestion:
    """A question as the browser may see it: no correct flags, no accepted answers."""

    id: str
    kind: str
    prompt: str
    points: int
    choices: tuple[PublicChoice, ...] = ()

    @property
    def field_name(self) -> str:
        return f"{FIELD_PREFIX}{self.id}"


@dataclass(frozen=True)
class PublicQuiz:
    title: str
    instructions: str
    questions: tuple[PublicQuestion, ...]

    @property
    def total_points(self) -> int:
        return sum(question.points for question in self.questions)


def _quiz_value(quiz):
    # Accept the StreamField child (which has an id and a block type) as well as its value.
    return quiz.value if hasattr(quiz, "block_type") else quiz


def _choices(question) -> list[tuple[str, str, bool]]:
    return [
        (child.id, child.value["text"], bool(child.value["correct"]))
        for child in question.value["choices"].bound_blocks
    ]


def _earned(question, answer) -> int:
    kind, points, qid = question.block_type, question.value["points"], question.id
    if kind in (SINGLE_CHOICE, MULTIPLE_CHOICE):
        choices = {cid: correct for cid, _text, correct in _choices(question)}
        if kind == SINGLE_CHOICE:
            if not isinstance(answer, str):
                raise ValidationError(ERROR_ANSWER_SHAPE % {"id": qid}, code="answer_shape")
            chosen = {answer} if answer else set()
        else:
            if isinstance(answer, str):
                answer = [answer] if answer else []
            if not isinstance(answer, list | tuple | set | frozenset) or not all(
                isinstance(item, str) for item in answer
            ):
                raise ValidationError(ERROR_ANSWER_SHAPE % {"id": qid}, code="answer_shape")
            chosen = set(answer)
        if chosen - choices.keys():
            raise ValidationError(ERROR_UNKNOWN_CHOICE % {"id": qid}, code="unknown_choice")
        correct = {cid for cid, is_correct in choices.items() if is_correct}
        return points if chosen and chosen == correct else 0
    if kind == TRUE_FALSE:
        if answer == "":
            return 0
        if not isinstance(answer, str | bool) or answer not in _TRUE | _FALSE:
            raise ValidationError(ERROR_ANSWER_SHAPE % {"id": qid}, code="answer_shape")
        return points if (answer in _TRUE) == (question.value["answer"] == "true") else 0
    if kind == SHORT_ANSWER:
        if not isinstance(answer, str):
            raise ValidationError(ERROR_ANSWER_SHAPE % {"id": qid}, code="answer_shape")
        given = fold(answer)
        accepted = {fold(text) for text in question.value["accepted_answers"] if fold(text)}
        return points if given and given in accepted else 0
    raise ValidationError(ERROR_ANSWER_SHAPE % {"id": qid}, code="answer_shape")


def _is_answered(answer) -> bool:
    if isinstance(answer, bool):
        return True
    return bool(answer)


def quiz_score(quiz, answers: Mapping) -> Score:
    """Score `answers` against `quiz` (see the module docstring for both shapes)."""
    if not isinstance(answers, Mapping):
        raise ValidationError(ERROR_ANSWERS_NOT_MAPPING, code="answers_not_mapping")
    questions = list(_quiz_value(quiz)["questions"])
    known = {question.id for question in questions}
    for qid in answers:
        if qid not in known:
            raise ValidationError(ERROR_UNKNOWN_QUESTION % {"id": qid}, code="unknown_question")
    results = []
    for question in questions:
        answer = answers.get(question.id, "")
        results.append(
            QuestionResult(
                question_id=question.id,
                points=question.value["points"],
                earned=_earned(question, answer),
                answered=_is_answered(answer),
            )
        )
    earned = sum(result.earned for result in results)
    possible = sum(result.points for result in results)
    value = (SCALE * earned / possible) if possible else Decimal(0)
    return Score(
        earned=earned,
        possible=possible,
        value=value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        results=tuple(results),
    )


def quiz_public(quiz, *, seed: str | None = None) -> PublicQuiz:
    """What a page may show of a quiz. When the quiz shuffles its questions and a `seed` is
    given (e.g. the viewer and the quiz id), the order is shuffled, the same way every time for
    the same seed."""
    value = _quiz_value(quiz)
    questions = []
    for question in value["questions"]:
        choices = ()
        if question.block_type in (SINGLE_CHOICE, MULTIPLE_CHOICE):
            choices = tuple(PublicChoice(id=cid, text=text) for cid, text, _c in _choices(question))
        questions.append(
            PublicQuestion(
                id=question.id,
                kind=question.block_type,
                prompt=question.value["prompt"],
                points=question.value["points"],
                choices=choices,
            )
        )
    if value["shuffle"] and seed is not None:
        # An order for reading, not a secret: a seeded Mersenne Twister is what is wanted.
        random.Random(seed).shuffle(questions)  # noqa: S311
    return PublicQuiz(
        title=value["title"] or "",
        instructions=value["instructions"] or "",
        questions=tuple(questions),
    )


def answers_from_form(quiz, data) -> dict:
    """Read the answers in a submitted form (a QueryDict) for `quiz`. Fields named after
    questions the quiz does not have are kept, so that quiz_score refuses them."""
    kinds = {question.id: question.block_type for question in _quiz_value(quiz)["questions"]}
    answers = {}
    for name in data:
        if not name.startswith(FIELD_PREFIX):
            continue
        qid = name.removeprefix(FIELD_PREFIX)
        if kinds.get(qid) == MULTIPLE_CHOICE:
            answers[qid] = [item for item in data.getlist(name) if item]
        else:
            answers[qid] = data.get(name, "").strip()
    return answers


def quiz_block_data(
    *, questions: list[dict], title: str = "", instructions: str = "", shuffle: bool = False
) -> dict:
    """The raw StreamField value of a quiz built in code (the demo, imports, tests), with an id
    on every question and choice so that they stay stable once saved.

    Each question is a dict with "type" (single_choice, multiple_choice, true_false,
    short_answer), "prompt", optional "points" (default 1) and, by type, "choices" as
    (text, correct) pairs, "answer" (bool) or "accepted_answers" (list of text)."""
    items = []
    for question in questions:
        kind = question["type"]
        value = {"prompt": question["prompt"], "points": question.get("points", 1)}
        if kind in (SINGLE_CHOICE, MULTIPLE_CHOICE):
            value["choices"] = [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"text": text, "correct": ok}}
                for text, ok in question["choices"]
            ]
        elif kind == TRUE_FALSE:
            value["answer"] = "true" if question["answer"] else "false"
        elif kind == SHORT_ANSWER:
            value["accepted_answers"] = [
                {"type": "item", "id": str(uuid.uuid4()), "value": text}
                for text in question["accepted_answers"]
            ]
        else:
            raise ValueError(f"Unknown question type {kind!r}")
        items.append({"type": kind, "id": str(uuid.uuid4()), "value": value})
    return {"title": title, "instructions": instructions, "shuffle": shuffle, "questions": items}
