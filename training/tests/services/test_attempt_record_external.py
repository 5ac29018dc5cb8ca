"""Scores reported by external content (xAPI) count as attempts at the module, like our own
quiz's: same pass mark, attempt limit, completion rule, snapshot and year summary."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from training.models import Attempt, Completion, YearSummary
from training.selectors import module_rule_progress
from training.services import (
    ERROR_ALREADY_COMPLETED,
    ERROR_ASSESSED_ON_PLATFORM,
    ERROR_ATTEMPT_LIMIT,
    ERROR_NOT_YOURS,
    ERROR_SCORE,
    ERROR_SOURCE_REF,
    ERROR_YEAR_CLOSED,
    attempt_record_external,
    enrolment_self,
    lesson_view_record,
    year_close,
)


def record(enrolment, person, score, ref="3f1c6a52-6a0b-4e0e-9d55-0b7f3c1a9e01", success=None):
    return attempt_record_external(
        enrolment=enrolment, score=score, success=success, source_ref=ref, acting_user=person
    )


@pytest.fixture
def h5p_module(make_module):
    """A module without its own final assessment: its content reports scores."""
    return make_module(quiz=False, lessons=2, hours=10, pass_mark=Decimal("6.0"))


def test_a_passing_score_and_every_lesson_complete_the_module_with_the_score(h5p_module, teacher):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    first, second = h5p_module.lessons()
    lesson_view_record(lesson=first, acting_user=teacher)
    attempt = record(enrolment, teacher, Decimal("8.5"), success=False)
    assert (attempt.number, attempt.score, attempt.pass_mark) == (
        1,
        Decimal("8.50"),
        Decimal("6.00"),
    )
    # Our pass mark decides; the content's own verdict is kept.
    assert attempt.passed is True and attempt.answers["success"] is False
    assert attempt.completion is None
    lesson_view_record(lesson=second, acting_user=teacher)
    completion = Completion.objects.get(enrolment=enrolment)
    assert (completion.score, completion.pass_mark, completion.attempt) == (
        Decimal("8.50"),
        Decimal("6.00"),
        attempt,
    )
    summary = YearSummary.objects.get(user=teacher, school_year=enrolment.school_year)
    assert summary.score_average == Decimal("8.50")
    entry = ModelLogEntry.objects.get(action="hoctap.attempt_external")
    assert entry.user == teacher and entry.data["score"] == "8.50"


def test_the_last_score_completes_the_module_when_the_lessons_are_studied(h5p_module, teacher):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    for lesson in h5p_module.lessons()[:1]:
        lesson_view_record(lesson=lesson, acting_user=teacher)
    record(enrolment, teacher, Decimal("3"), ref="a")
    lesson_view_record(lesson=h5p_module.lessons()[1], acting_user=teacher)
    # A score was reported: the module is assessed, and a failed attempt does not complete it.
    assert not Completion.objects.exists()
    progress = module_rule_progress(enrolment=enrolment, module=h5p_module)
    assert progress.has_assessment and not progress.met and progress.percent == 67
    attempt = record(enrolment, teacher, Decimal("6"), ref="b")
    assert attempt.number == 2 and attempt.passed
    assert attempt.completion == Completion.objects.get(enrolment=enrolment)
    assert attempt.completion.score == Decimal("6.00")


def test_the_same_reference_records_once(h5p_module, teacher):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    first = record(enrolment, teacher, Decimal("4"))
    again = record(enrolment, teacher, Decimal("9"))
    assert again.pk == first.pk and again.score == Decimal("4.00")
    assert Attempt.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="hoctap.attempt_external").count() == 1


def test_the_attempt_limit_counts_external_scores(make_module, teacher):
    module = make_module(quiz=False, attempt_limit=1)
    enrolment = enrolment_self(module=module, acting_user=teacher)
    record(enrolment, teacher, Decimal("2"), ref="a")
    with pytest.raises(ValidationError) as error:
        record(enrolment, teacher, Decimal("9"), ref="b")
    assert error.value.code == "attempt_limit"
    assert error.value.messages == [ERROR_ATTEMPT_LIMIT % {"limit": 1}]
    assert Attempt.objects.count() == 1


def test_a_module_with_its_own_assessment_refuses_external_scores(module, teacher):
    enrolment = enrolment_self(module=module, acting_user=teacher)
    with pytest.raises(ValidationError) as error:
        record(enrolment, teacher, Decimal("10"))
    assert error.value.messages == [ERROR_ASSESSED_ON_PLATFORM]
    assert not Attempt.objects.exists()


def test_after_completion_a_score_is_refused(h5p_module, teacher):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    for lesson in h5p_module.lessons():
        lesson_view_record(lesson=lesson, acting_user=teacher)
    assert Completion.objects.filter(enrolment=enrolment, score=None).exists()
    with pytest.raises(ValidationError) as error:
        record(enrolment, teacher, Decimal("9"))
    assert error.value.messages == [ERROR_ALREADY_COMPLETED]
    assert not Attempt.objects.exists()


def test_a_closed_year_refuses_scores(h5p_module, teacher, school):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    year_close(school_year=enrolment.school_year, unit=school, acting_user=None)
    with pytest.raises(ValidationError) as error:
        record(enrolment, teacher, Decimal("9"))
    assert error.value.messages == [ERROR_YEAR_CLOSED % {"year": enrolment.school_year}]
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("score", [None, "", "abc", Decimal("-0.5"), Decimal("10.01"), "NaN"])
def test_a_score_outside_0_to_10_is_refused(h5p_module, teacher, score):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    with pytest.raises(ValidationError) as error:
        record(enrolment, teacher, score)
    assert error.value.message_dict == {"score": [ERROR_SCORE]}
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("ref", ["", "   ", "x" * 61])
def test_a_missing_or_long_reference_is_refused(h5p_module, teacher, ref):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    with pytest.raises(ValidationError) as error:
        record(enrolment, teacher, Decimal("7"), ref=ref)
    assert error.value.message_dict == {"source_ref": [ERROR_SOURCE_REF]}
    assert not Attempt.objects.exists()


def test_nobody_records_a_score_on_somebody_elses_enrolment(h5p_module, teacher, school_manager):
    enrolment = enrolment_self(module=h5p_module, acting_user=teacher)
    with pytest.raises(PermissionDenied) as error:
        record(enrolment, school_manager, Decimal("9"))
    assert str(error.value) == str(ERROR_NOT_YOURS)
    assert not Attempt.objects.exists()
