"""Two simultaneous requests for the same certificate create one; two for different people
never share a serial number. Run on PostgreSQL (`make test-pg`), where requests really run at
the same time; SQLite serialises every write, so there is nothing to race there."""

import threading

import pytest
from django.db import connection, connections

from certificates.models import Certificate, SerialCounter
from certificates.services import certificate_issue_year
from certificates.tests.conftest import (  # noqa: F401 (fixtures)
    _media_in_tmp,
    completed_year,
    issuer_create,
    make_module,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrency is tested on PostgreSQL"
    ),
]


def run_together(calls):
    """Start every call at the same moment, each on its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


def test_two_simultaneous_issues_create_one_certificate(teacher, department, completed_year):  # noqa: F811
    summary = completed_year(teacher)
    issuer_create(department)  # after the year: nothing was issued automatically

    first, second = run_together(
        [lambda: certificate_issue_year(summary=summary, acting_user=None)] * 2
    )

    assert first.pk == second.pk
    assert Certificate.objects.count() == 1
    assert SerialCounter.objects.get().last_number == 1


def test_simultaneous_issues_never_share_a_serial(school, make_person, department, completed_year):  # noqa: F811
    people = [make_person(unit=school, full_name=f"Giáo Viên Số {n}") for n in range(4)]
    summaries = [completed_year(person) for person in people]
    issuer_create(department)

    certificates = run_together(
        [lambda s=s: certificate_issue_year(summary=s, acting_user=None) for s in summaries]
    )

    assert sorted(c.serial_number for c in certificates) == [1, 2, 3, 4]
    assert len({(c.status_list_id, c.status_index) for c in certificates}) == 4
