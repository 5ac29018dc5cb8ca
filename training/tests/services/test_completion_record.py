from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import hooks
from wagtail.models import ModelLogEntry

from training.hooks import COMPLETION_RECORDED
from training.models import Completion, Enrolment, YearSummary
from training.services import (
    ERROR_RULE_NOT_MET,
    ERROR_YEAR_CLOSED,
    completion_record,
    enrolment_self,
    lesson_view_record,
    year_close,
)
from training.tests.conftest import study


def test_studying_every_lesson_and_passing_completes_with_a_snapshot(
    make_module, teacher, criteria
):
    module = make_module(hours=15, pass_mark=Decimal("6.5"), criteria=criteria[2:4])
    attempt = study(module, teacher, right=3)  # the first three questions: 4 of 5 points
    completion = Completion.objects.get()
    assert attempt.completion == completion
    assert completion.user == teacher and completion.module == module
    assert (completion.hours, completion.pass_mark, completion.score) == (
        15,
        Decimal("6.50"),
        Decimal("8.00"),
    )
    assert completion.attempt == attempt
    assert completion.module_revision_id == module.live_revision_id is not None
    assert (completion.module_code, completion.module_title) == (module.code, module.title)
    assert completion.completed_at.tzinfo is not None
    assert completion.completed_on == timezone.localdate(completion.completed_at)
    assert set(completion.criteria.all()) == set(criteria[2:4])
    assert completion.programme == "03" and completion.school_year == module.school_year
    entry = ModelLogEntry.objects.for_instance(completion).get()
    assert (entry.action, entry.user) == ("hoctap.complete", teacher)


def test_editing_the_module_later_changes_nothing_recorded(module, teacher):
    study(module, teacher)
    module.hours, module.pass_mark = 30, Decimal("9")
    module.save_revision().publish()
    completion = Completion.objects.get()
    assert (completion.hours, completion.pass_mark) == (10, Decimal("5.00"))
    assert YearSummary.objects.get(user=teacher).hours_03 == 10


def test_recording_twice_gives_one_completion_counted_once(module, teacher):
    study(module, teacher)
    enrolment = Enrolment.objects.get()
    first = Completion.objects.get()
    again = completion_record(enrolment=enrolment, acting_user=teacher)
    assert again == first
    assert Completion.objects.count() == 1
    assert YearSummary.objects.get(user=teacher).hours_03 == 10


def test_a_module_is_not_completed_before_its_rule_is_met(module, teacher):
    lesson_view_record(lesson=module.lessons().first(), acting_user=teacher)
    enrolment = Enrolment.objects.get()
    with pytest.raises(ValidationError) as error:
        completion_record(enrolment=enrolment, acting_user=teacher)
    assert error.value.messages == [ERROR_RULE_NOT_MET]
    assert not Completion.objects.exists()


def test_the_last_lesson_completes_when_the_assessment_was_passed_first(module, teacher):
    from training.services import attempt_submit
    from training.tests.conftest import answers

    enrolment_self(module=module, acting_user=teacher)
    attempt = attempt_submit(module=module, answers=answers(module), acting_user=teacher)
    assert attempt.passed and attempt.completion is None
    lessons = list(module.lessons())
    lesson_view_record(lesson=lessons[0], acting_user=teacher)
    assert not Completion.objects.exists()
    lesson_view_record(lesson=lessons[1], acting_user=teacher)
    assert Completion.objects.get().score == Decimal("10.00")


def test_a_module_without_assessment_completes_when_every_lesson_is_studied(make_module, teacher):
    module = make_module(quiz=False, lessons=3, kind="01", hours=12)
    study(module, teacher)
    completion = Completion.objects.get()
    assert (completion.score, completion.pass_mark, completion.programme) == (None, None, "01")
    assert YearSummary.objects.get(user=teacher).hours_01 == 12


def test_nothing_completes_in_a_closed_year(module, teacher, school):
    enrolment = enrolment_self(module=module, acting_user=teacher)
    for lesson in module.lessons():
        lesson_view_record(lesson=lesson, acting_user=teacher)
    year_close(school_year=module.school_year, unit=school, acting_user=None)
    with pytest.raises(ValidationError) as error:
        completion_record(enrolment=enrolment, acting_user=teacher)
    assert error.value.messages == [ERROR_YEAR_CLOSED % {"year": module.school_year}]


def test_later_apps_hear_of_each_completion_once_committed(
    module, teacher, django_capture_on_commit_callbacks
):
    heard = []

    def listener(completion):
        heard.append(completion)

    with hooks.register_temporarily(COMPLETION_RECORDED, listener):
        with django_capture_on_commit_callbacks(execute=True):
            study(module, teacher)
        completion_record(enrolment=Enrolment.objects.get(), acting_user=teacher)
    assert heard == [Completion.objects.get()]
