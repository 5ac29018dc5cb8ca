"""A task worker killed in the middle of a bulk certificate run: started again (after
`manage.py requeue_tasks` gives back what it was running), the run completes and every
certificate is issued exactly once. Real processes on a real PostgreSQL; skipped on SQLite,
whose test database lives in this process's memory where a worker cannot reach it."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from certificates.models import BulkIssue, BulkIssueStatus, Certificate
from certificates.services import bulk_issue_request
from certificates.tasks import bulk_issue_task
from certificates.tests.conftest import issuer_create
from training import roles
from training.models import StaffProfile, User, YearStatus, YearSummary

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = 60
SCHOOL_YEAR = "2025-2026"


def completed_years(school, count: int) -> None:
    """`count` teachers whose year is completed, written in bulk (as the certificates bench does:
    what is tested here is the issuing, not the years of training that lead to it)."""
    users = []
    for number in range(count):
        user = User(username=f"WF{number:04d}", last_name="Lò", first_name=f"Văn {number}")
        user.set_unusable_password()
        user.refresh_derived()
        users.append(user)
    User.objects.bulk_create(users)
    users = list(User.objects.filter(username__startswith="WF").order_by("pk"))
    Group.objects.get(name=roles.TEACHER).user_set.add(*users)
    StaffProfile.objects.bulk_create([StaffProfile(user=user, unit=school) for user in users])
    YearSummary.objects.bulk_create(
        [
            YearSummary(
                user=user,
                school_year=SCHOOL_YEAR,
                unit=school,
                audience="teacher",
                hours_01=40,
                hours_02=44,
                hours_03=40,
                plan_status="approved",
                status=YearStatus.COMPLETED,
            )
            for user in users
        ]
    )


def start_worker(worker_id: str) -> subprocess.Popen:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    command = [
        sys.executable,
        str(ROOT / "manage.py"),
        "db_worker",
        "--backend",
        "database",
        "--worker-id",
        worker_id,
        "--interval",
        "0.1",
        "--no-startup-delay",
    ]
    return subprocess.Popen(  # noqa: S603 (our own manage.py)
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )


def task_state(task_id) -> str:
    """What a timeout says of the task, so that a failure in CI tells why."""
    task = DBTaskResult.objects.get(pk=task_id)
    return f"{task.status} {task.exception_class_path} {(task.traceback or '')[-1500:]}".strip()


def wait_for(condition, *, seconds: float, what, worker: subprocess.Popen):
    """`what` names the awaited event (a string, or a function giving one when it fails)."""
    describe = what if callable(what) else lambda: what
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if worker.poll() is not None:
            pytest.fail(
                f"the worker stopped before {describe()}: {worker.stderr.read().decode()[-3000:]}"
            )
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {describe()}")


def test_a_killed_worker_started_again_issues_every_certificate_exactly_once(
    department, school, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database a second process can reach (make test-pg)")
    assert settings.MEDIA_ROOT  # the worker stores the PDFs under the test settings' media
    issuer_create(department)
    completed_years(school, PEOPLE)
    bulk = bulk_issue_request(
        unit=department, school_year=SCHOOL_YEAR, acting_user=None, enqueue=False
    )
    result = bulk_issue_task.using(backend="database").enqueue(bulk_issue_id=bulk.pk)

    worker = start_worker("worker-1")
    try:
        wait_for(
            lambda: Certificate.objects.count() >= 5,
            seconds=180,
            what=lambda: f"the first certificates (the task: {task_state(result.id)})",
            worker=worker,
        )
    finally:
        worker.kill()  # SIGKILL: no clean-up of any kind, as when a machine dies
        worker.wait()
    issued_when_killed = Certificate.objects.count()
    assert 5 <= issued_when_killed < PEOPLE, "the worker finished before it could be killed"
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING
    assert BulkIssue.objects.get(pk=bulk.pk).status == BulkIssueStatus.RUNNING

    call_command("requeue_tasks", "--worker-id", "worker-1", verbosity=0)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY

    worker = start_worker("worker-1")
    try:
        wait_for(
            lambda: BulkIssue.objects.get(pk=bulk.pk).status == BulkIssueStatus.DONE,
            seconds=300,
            what="the run to complete",
            worker=worker,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    bulk.refresh_from_db()
    assert (bulk.total, bulk.done) == (PEOPLE, PEOPLE)
    assert bulk.already == issued_when_killed and bulk.issued == PEOPLE - issued_when_killed
    certificates = Certificate.objects.filter(school_year=SCHOOL_YEAR)
    assert certificates.count() == PEOPLE
    assert certificates.values("holder").distinct().count() == PEOPLE
    assert not certificates.values("serial").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
