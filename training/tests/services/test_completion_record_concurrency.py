"""The same completion recorded at once from many requests (double clicks, two tabs, retries):
one completion, counted once in the summary. Real threads, each with its own database
connection, released together by a barrier."""

import threading

import pytest
from django.db import connection, connections
from wagtail.models import ModelLogEntry

from training.models import Completion, Enrolment, LessonView, YearSummary
from training.services import completion_record, lesson_view_record

THREADS = 8

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite has no row locks and refuses concurrent writers ('database table is "
        "locked'): the idempotency itself is tested without threads in test_completion_record.",
    ),
]


def at_once(fn) -> list:
    barrier = threading.Barrier(THREADS)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=30)
            results.append(fn())
        except Exception as error:  # noqa: BLE001 — reported by the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


def test_eight_concurrent_completion_records_make_one_completion(make_module, teacher):
    module = make_module(lessons=3, quiz=False, hours=10)
    lessons = list(module.lessons())
    for lesson in lessons[:2]:
        lesson_view_record(lesson=lesson, acting_user=teacher)
    # The editor withdraws the lesson the teacher had not opened: the rule is now met, and
    # nothing has recorded the completion yet.
    lessons[2].unpublish()
    enrolment = Enrolment.objects.get()
    assert not Completion.objects.exists()

    results = at_once(lambda: completion_record(enrolment=enrolment, acting_user=teacher).pk)

    completion = Completion.objects.get()
    assert results == [completion.pk] * THREADS
    summary = YearSummary.objects.get(user=teacher)
    assert (summary.hours_03, summary.modules_completed) == (10, 1)
    assert ModelLogEntry.objects.filter(action="hoctap.complete").count() == 1


def test_the_last_lesson_opened_in_eight_tabs_at_once(make_module, teacher):
    module = make_module(lessons=2, quiz=False, hours=15, kind="02")
    first, last = module.lessons()
    lesson_view_record(lesson=first, acting_user=teacher)

    at_once(lambda: lesson_view_record(lesson=last, acting_user=teacher))

    assert Completion.objects.count() == 1
    view = LessonView.objects.get(lesson=last)
    assert view.view_count == THREADS
    assert YearSummary.objects.get(user=teacher).hours_02 == 15
