from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from courses.quiz import ERROR_UNKNOWN_CHOICE, ERROR_UNKNOWN_QUESTION
from training.models import Attempt, Completion
from training.services import (
    ERROR_ALREADY_COMPLETED,
    ERROR_ATTEMPT_LIMIT,
    ERROR_NOT_ENROLLED,
    attempt_submit,
    enrolment_self,
)
from training.tests.conftest import answers, study


def test_answers_are_scored_on_the_server_on_the_10_point_scale(module, teacher):
    enrolment_self(module=module, acting_user=teacher)
    attempt = attempt_submit(module=module, answers=answers(module, right=1), acting_user=teacher)
    assert (attempt.number, attempt.score, attempt.passed) == (1, Decimal("4.00"), False)
    assert attempt.pass_mark == Decimal("5.00")
    attempt = attempt_submit(module=module, answers=answers(module, right=2), acting_user=teacher)
    assert (attempt.number, attempt.score, attempt.passed) == (2, Decimal("6.00"), True)


def test_a_question_the_quiz_does_not_have_is_refused_and_nothing_recorded(module, teacher):
    enrolment_self(module=module, acting_user=teacher)
    given = {**answers(module), "not-a-question": "x"}
    with pytest.raises(ValidationError) as error:
        attempt_submit(module=module, answers=given, acting_user=teacher)
    assert error.value.messages == [ERROR_UNKNOWN_QUESTION % {"id": "not-a-question"}]
    assert not Attempt.objects.exists()


def test_a_choice_the_question_does_not_have_is_refused(module, teacher):
    enrolment_self(module=module, acting_user=teacher)
    given = answers(module)
    first = module.final_quiz().value["questions"][0].id
    given[first] = "not-a-choice"
    with pytest.raises(ValidationError) as error:
        attempt_submit(module=module, answers=given, acting_user=teacher)
    assert error.value.messages == [ERROR_UNKNOWN_CHOICE % {"id": first}]
    assert not Attempt.objects.exists()


def test_an_attempt_without_enrolment_is_refused(module, teacher):
    with pytest.raises(ValidationError) as error:
        attempt_submit(module=module, answers=answers(module), acting_user=teacher)
    assert error.value.messages == [ERROR_NOT_ENROLLED]
    assert not Attempt.objects.exists()


def test_the_attempt_limit_is_enforced(make_module, teacher):
    module = make_module(attempt_limit=2)
    enrolment_self(module=module, acting_user=teacher)
    for _ in range(2):
        attempt_submit(module=module, answers=answers(module, right=0), acting_user=teacher)
    with pytest.raises(ValidationError) as error:
        attempt_submit(module=module, answers=answers(module), acting_user=teacher)
    assert error.value.messages == [ERROR_ATTEMPT_LIMIT % {"limit": 2}]
    assert Attempt.objects.count() == 2
    assert not Completion.objects.exists()


def test_no_attempt_after_the_module_is_completed(module, teacher):
    study(module, teacher)
    with pytest.raises(ValidationError) as error:
        attempt_submit(module=module, answers=answers(module), acting_user=teacher)
    assert error.value.messages == [ERROR_ALREADY_COMPLETED]
    assert Attempt.objects.count() == 1


def test_passing_after_every_lesson_completes_with_the_best_score(module, teacher):
    enrolment_self(module=module, acting_user=teacher)
    attempt_submit(module=module, answers=answers(module, right=0), acting_user=teacher)
    attempt = study(module, teacher, right=3)
    assert attempt.number == 2
    assert attempt.completion.score == Decimal("8.00")
