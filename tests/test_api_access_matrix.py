"""Who gets what from every operation of the API.

The operations are read from the OpenAPI schema, so that a new endpoint cannot escape this
table: `test_every_operation_has_expectations` fails until it is added here. Each role then
calls every operation on one world (tests.api_support.build_world), each call inside a
savepoint rolled back afterwards, so that no call sees another's changes.

Roles: anonymous; the world's teacher (who owns its records); a teacher of another school; the
teacher's school manager; the other school's manager; office staff of the department above
both schools; a content editor. Statuses: 401 without credentials, 403 when the role may not
do it at all, 404 when the object is not within the caller's reach (or not theirs), 400 when
the caller may do it but the service refuses this case (the refusal is the service's own).
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from certificates.models import BulkIssue
from certificates.services import bulk_issue_request
from tests.api_support import (  # noqa: F401
    ROLES,
    api_media,
    api_world,
    client_for,
    if_match,
    quiz_answers,
    this_year,
)
from training.models import RecordStatus, TrainingPlan, TrainingRecord, YearClosure, YearTarget
from training.services import year_close

ANON, TEACHER, OTHER_TEACHER, MANAGER, OTHER_MANAGER, OFFICE, EDITOR = ROLES


def everyone(code: int) -> dict:
    return dict.fromkeys(ROLES, code)


def logged_in(code: int, **exceptions) -> dict:
    return {**everyone(code), ANON: 401, **exceptions}


#: An object of the teacher's own: they and the managers above them see it; nobody else does.
OWNERS_AND_MANAGERS = logged_in(
    200, other_teacher=404, other_manager=404, editor=404, manager=200, office=200
)
#: An object of the teacher's own that only they see (their enrolments, attempts, progress).
OWNER_ONLY = logged_in(404, teacher=200)


@dataclass(frozen=True)
class Call:
    expected: dict
    params: Any = None  # world -> {path parameter: value}
    body: Any = None  # world -> request body
    query: Any = None  # world -> query string parameters
    format: str = "json"
    headers: Any = field(default_factory=dict)  # {header: value}, or world -> {…}


def record_body(w):
    return {
        "school_year": w.record.school_year,
        "title": "Tập huấn sửa đổi",
        "organiser": "Phòng GD&ĐT",
        "start_date": w.record.start_date.isoformat(),
        "end_date": w.record.end_date.isoformat(),
        "hours": 8,
        "programme": "02",
    }


def statement(w):
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:huong@example.vn"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": f"https://hoctap.example.vn/xapi/activities/lessons/{w.lesson.pk}"},
    }


def yearly_report_body(w):
    return {
        "unit": w.school.pk,
        "school_year": this_year(),
        "body_name": w.school.name,
        "place": "Phong Thổ",
        "day": "2026-10-15",
        "head_title": "HIỆU TRƯỞNG",
        "signer_name": "Đặng Văn Dũng",
    }


def yearly_report(w):
    """The school's yearly report, sent by its manager the first time it is asked for."""
    from training.models import YearReportSubmission
    from training.yearly_report.services import year_report_submit

    body = yearly_report_body(w)
    found = YearReportSubmission.objects.filter(unit=w.school).first()
    return found or year_report_submit(
        unit=w.school,
        school_year=body.pop("school_year"),
        header={**body, "day": date(2026, 10, 15)},
        acting_user=w.manager,
    )


def shifted_year(years: int) -> str:
    start = int(this_year()[:4]) + years
    return f"{start}-{start + 1}"


def approved_record(w):
    """One of the graduate's approved records (the teacher's own record is still waiting)."""
    return TrainingRecord.objects.filter(user=w.graduate, status=RecordStatus.APPROVED).first()


def closure(w):
    """Last school year closed for the teacher's school (made once per world; a closed past
    year changes nothing the other calls do)."""
    year = shifted_year(-1)
    found = YearClosure.objects.filter(unit=w.school, school_year=year, reopened_at=None).first()
    return found or year_close(school_year=year, unit=w.school, acting_user=None)


def bulk_issue(w):
    found = BulkIssue.objects.filter(unit=w.school).first()
    return found or bulk_issue_request(
        unit=w.school, school_year=this_year(), acting_user=None, enqueue=False
    )


#: Managers within reach may; the other school's manager does not reach it; others may not.
REVIEWERS = logged_in(403, manager=200, office=200, other_manager=404)
#: Any manager may read (what is outside their reach is simply not listed).
MANAGERS_READ = logged_in(403, manager=200, other_manager=200, office=200)


def notification(w):
    """A notification of the teacher's (the reminders write them; none in the world yet)."""
    from training.models import Notification, NotificationKind

    found, _created = Notification.objects.get_or_create(
        recipient=w.teacher,
        kind=NotificationKind.HOURS_BEHIND,
        defaults={"params": {"school_year": this_year(), "hours": 16, "expected": 40}},
    )
    return found


XAPI = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
PUT_ID = "6f1c2a8e-3f0b-4c55-9a41-2d7f0e5b9c13"

EXPECTED: dict[tuple[str, str], Call] = {
    # Who I am
    ("GET", "/api/v1/me/"): Call(logged_in(200)),
    # Content: published, for everyone logged in; the library for anyone.
    ("GET", "/api/v1/programmes/"): Call(logged_in(200)),
    ("GET", "/api/v1/programmes/{id}/"): Call(
        logged_in(200), params=lambda w: {"id": w.programme.pk}
    ),
    ("GET", "/api/v1/modules/"): Call(logged_in(200)),
    ("GET", "/api/v1/modules/{id}/"): Call(logged_in(200), params=lambda w: {"id": w.module.pk}),
    ("GET", "/api/v1/lessons/"): Call(logged_in(200)),
    ("GET", "/api/v1/lessons/{id}/"): Call(logged_in(200), params=lambda w: {"id": w.lesson.pk}),
    ("POST", "/api/v1/lessons/{id}/self-check/"): Call(
        logged_in(200),
        params=lambda w: {"id": w.lesson.pk},
        body=lambda w: {"quiz": next(iter(w.lesson.quizzes())), "answers": {}},
    ),
    ("GET", "/api/v1/resources/"): Call(everyone(200)),
    ("GET", "/api/v1/resources/{id}/"): Call(everyone(200), params=lambda w: {"id": w.resource.pk}),
    ("GET", "/api/v1/standards/frameworks/"): Call(logged_in(200)),
    ("GET", "/api/v1/standards/frameworks/{id}/"): Call(
        logged_in(200), params=lambda w: {"id": w.framework.pk}
    ),
    ("GET", "/api/v1/standards/standards/"): Call(logged_in(200)),
    ("GET", "/api/v1/standards/standards/{id}/"): Call(
        logged_in(200), params=lambda w: {"id": w.framework.standards.first().pk}
    ),
    ("GET", "/api/v1/standards/criteria/"): Call(logged_in(200)),
    ("GET", "/api/v1/standards/criteria/{id}/"): Call(
        logged_in(200), params=lambda w: {"id": w.framework.criteria.first().pk}
    ),
    # Units and people within reach
    ("GET", "/api/v1/units/"): Call(logged_in(200)),
    ("GET", "/api/v1/units/{id}/"): Call(
        logged_in(404, manager=200, office=200), params=lambda w: {"id": w.school.pk}
    ),
    ("GET", "/api/v1/staff/"): Call(logged_in(200)),
    ("GET", "/api/v1/staff/{id}/"): Call(
        OWNERS_AND_MANAGERS, params=lambda w: {"id": w.teacher.pk}
    ),
    # Enrolments: mine; managers assign within reach
    ("GET", "/api/v1/enrolments/"): Call(logged_in(200)),
    ("GET", "/api/v1/enrolments/{id}/"): Call(OWNER_ONLY, params=lambda w: {"id": w.enrolment.pk}),
    ("POST", "/api/v1/enrolments/"): Call(
        logged_in(201, teacher=200), body=lambda w: {"module": w.module.pk}
    ),
    ("POST", "/api/v1/enrolments/assign/"): Call(
        logged_in(403, manager=201, office=201),
        body=lambda w: {"module": w.plain_module.pk, "units": [w.school.pk]},
    ),
    # Progress and attempts: one's own
    ("GET", "/api/v1/progress/"): Call(logged_in(200)),
    ("GET", "/api/v1/progress/{id}/"): Call(OWNER_ONLY, params=lambda w: {"id": w.lesson_view.pk}),
    ("POST", "/api/v1/progress/"): Call(logged_in(201), body=lambda w: {"lesson": w.lesson.pk}),
    ("GET", "/api/v1/attempts/"): Call(logged_in(200)),
    ("GET", "/api/v1/attempts/{id}/"): Call(OWNER_ONLY, params=lambda w: {"id": w.attempt.pk}),
    ("POST", "/api/v1/attempts/"): Call(
        # Only the teacher is enrolled in the module; the others are told to enrol first.
        logged_in(400, teacher=201),
        body=lambda w: {"module": w.module.pk, "answers": quiz_answers(w.module)},
    ),
    # Face-to-face records: mine; managers approve or reject within reach
    ("GET", "/api/v1/trainings/"): Call(logged_in(200)),
    ("POST", "/api/v1/trainings/"): Call(logged_in(201), body=record_body),
    ("GET", "/api/v1/trainings/{id}/"): Call(
        OWNERS_AND_MANAGERS, params=lambda w: {"id": w.record.pk}
    ),
    ("PUT", "/api/v1/trainings/{id}/"): Call(
        {**OWNERS_AND_MANAGERS, "manager": 403, "office": 403},
        params=lambda w: {"id": w.record.pk},
        body=record_body,
    ),
    ("PATCH", "/api/v1/trainings/{id}/"): Call(
        {**OWNERS_AND_MANAGERS, "manager": 403, "office": 403},
        params=lambda w: {"id": w.record.pk},
        body=lambda w: {"hours": 12},
    ),
    ("POST", "/api/v1/trainings/{id}/approve/"): Call(
        logged_in(403, manager=200, office=200, other_manager=404),
        params=lambda w: {"id": w.record.pk},
        body=lambda w: {"comment": "Đủ minh chứng."},
        headers=lambda w: if_match(w.record),
    ),
    ("POST", "/api/v1/trainings/{id}/reject/"): Call(
        logged_in(403, manager=200, office=200, other_manager=404),
        params=lambda w: {"id": w.record.pk},
        body=lambda w: {"reason": "Thiếu giấy chứng nhận."},
        headers=lambda w: if_match(w.record),
    ),
    ("GET", "/api/v1/trainings/{id}/evidence/{evidence_id}/"): Call(
        OWNERS_AND_MANAGERS,
        params=lambda w: {"id": w.record.pk, "evidence_id": w.record.evidence.get().pk},
    ),
    # Plans: mine (build, submit); managers approve or return within reach
    ("GET", "/api/v1/plans/"): Call(logged_in(200)),
    ("GET", "/api/v1/plans/choices/"): Call(logged_in(200)),
    ("POST", "/api/v1/plans/"): Call(
        # The teacher's plan is submitted: it can no longer change.
        logged_in(200, teacher=400),
        body=lambda w: {"school_year": this_year(), "modules": [w.module.pk]},
    ),
    ("GET", "/api/v1/plans/{id}/"): Call(OWNERS_AND_MANAGERS, params=lambda w: {"id": w.plan.pk}),
    ("POST", "/api/v1/plans/{id}/submit/"): Call(
        # Already submitted (the teacher); somebody else's (the managers).
        {**OWNERS_AND_MANAGERS, "teacher": 400, "manager": 403, "office": 403},
        params=lambda w: {"id": w.plan.pk},
    ),
    ("POST", "/api/v1/plans/{id}/approve/"): Call(
        logged_in(403, manager=200, office=200, other_manager=404),
        params=lambda w: {"id": w.plan.pk},
        body=lambda w: {},
        headers=lambda w: if_match(w.plan),
    ),
    ("POST", "/api/v1/plans/{id}/return/"): Call(
        logged_in(403, manager=200, office=200, other_manager=404),
        params=lambda w: {"id": w.plan.pk},
        body=lambda w: {"comment": "Chọn thêm mô-đun về đánh giá học sinh."},
        headers=lambda w: if_match(w.plan),
    ),
    # Year summaries and the report
    ("GET", "/api/v1/year-summaries/"): Call(logged_in(200)),
    ("GET", "/api/v1/year-summaries/{id}/"): Call(
        OWNERS_AND_MANAGERS, params=lambda w: {"id": w.summary.pk}
    ),
    ("GET", "/api/v1/reports/completion/"): Call(
        logged_in(403, manager=200, other_manager=200, office=200),
        query=lambda w: {"school_year": this_year()},
    ),
    ("GET", "/api/v1/reports/programmes/"): Call(
        logged_in(403, manager=200, other_manager=200, office=200),
        query=lambda w: {"school_year": this_year()},
    ),
    ("GET", "/api/v1/reports/modules/"): Call(
        logged_in(403, manager=200, other_manager=200, office=200),
        query=lambda w: {"school_year": this_year()},
    ),
    ("GET", "/api/v1/reports/behind-plan/"): Call(
        logged_in(403, manager=200, other_manager=200, office=200),
        query=lambda w: {"school_year": this_year()},
    ),
    # The yearly report upward: managers read those within reach; a unit sends its own
    ("GET", "/api/v1/yearly-reports/"): Call(
        logged_in(403, manager=200, other_manager=200, office=200)
    ),
    ("GET", "/api/v1/yearly-reports/{id}/"): Call(
        logged_in(403, manager=200, office=200, other_manager=404),
        params=lambda w: {"id": yearly_report(w).pk},
    ),
    ("POST", "/api/v1/yearly-reports/"): Call(
        # Office staff reach the school but do not send its report in its place.
        logged_in(403, manager=201, other_manager=404),
        body=yearly_report_body,
    ),
    # Notifications (reminders): one's own only
    ("GET", "/api/v1/notifications/"): Call(logged_in(200)),
    ("GET", "/api/v1/notifications/{id}/"): Call(
        OWNER_ONLY, params=lambda w: {"id": notification(w).pk}
    ),
    ("POST", "/api/v1/notifications/{id}/read/"): Call(
        OWNER_ONLY, params=lambda w: {"id": notification(w).pk}, body=lambda w: {}
    ),
    ("POST", "/api/v1/notifications/read-all/"): Call(logged_in(200), body=lambda w: {}),
    # Certificates: mine, within reach; office staff issue and revoke
    ("GET", "/api/v1/certificates/"): Call(logged_in(200)),
    ("POST", "/api/v1/certificates/"): Call(
        logged_in(403, office=201),
        body=lambda w: {"person": w.graduate.pk, "school_year": this_year()},
    ),
    ("GET", "/api/v1/certificates/{id}/"): Call(
        OWNERS_AND_MANAGERS, params=lambda w: {"id": w.certificate.pk}
    ),
    ("GET", "/api/v1/certificates/{id}/pdf/"): Call(
        OWNERS_AND_MANAGERS, params=lambda w: {"id": w.certificate.pk}
    ),
    ("GET", "/api/v1/certificates/{id}/credential/"): Call(
        OWNERS_AND_MANAGERS, params=lambda w: {"id": w.certificate.pk}
    ),
    ("POST", "/api/v1/certificates/{id}/revoke/"): Call(
        logged_in(403, office=200),
        params=lambda w: {"id": w.certificate.pk},
        body=lambda w: {"reason": "Cấp nhầm."},
    ),
    # Managers' corrections and the year's settings, as in the admin
    ("POST", "/api/v1/trainings/{id}/amend/"): Call(
        REVIEWERS,
        params=lambda w: {"id": approved_record(w).pk},
        body=lambda w: {"hours": 30, "programme": "01", "reason": "Giấy chứng nhận ghi 30 tiết."},
        headers=lambda w: if_match(approved_record(w)),
    ),
    ("POST", "/api/v1/plans/{id}/reopen/"): Call(
        REVIEWERS,
        params=lambda w: {"id": TrainingPlan.objects.get(user=w.graduate).pk},
        body=lambda w: {
            "until": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "reason": "Bổ sung mô-đun được phân công.",
        },
        headers=lambda w: if_match(TrainingPlan.objects.get(user=w.graduate)),
    ),
    ("GET", "/api/v1/year-closures/"): Call(MANAGERS_READ),
    ("POST", "/api/v1/year-closures/"): Call(
        logged_in(403, manager=201, office=201, other_manager=404),
        body=lambda w: {"school_year": this_year(), "unit": w.school.pk},
    ),
    ("GET", "/api/v1/year-closures/{id}/"): Call(REVIEWERS, params=lambda w: {"id": closure(w).pk}),
    ("POST", "/api/v1/year-closures/{id}/reopen/"): Call(
        REVIEWERS,
        params=lambda w: {"id": closure(w).pk},
        body=lambda w: {"reason": "Còn hồ sơ chưa nhập."},
    ),
    ("GET", "/api/v1/year-targets/"): Call(MANAGERS_READ),
    ("GET", "/api/v1/year-targets/{id}/"): Call(
        MANAGERS_READ,
        params=lambda w: {
            "id": YearTarget.objects.get(school_year=this_year(), audience="teacher").pk
        },
    ),
    ("POST", "/api/v1/year-targets/"): Call(
        logged_in(403, office=201),
        body=lambda w: {
            "school_year": shifted_year(1),
            "audience": "teacher",
            "hours_01": 40,
            "hours_02": 40,
            "hours_03": 40,
        },
    ),
    ("POST", "/api/v1/certificates/{id}/reissue/"): Call(
        logged_in(403, office=201),
        params=lambda w: {"id": w.certificate.pk},
        body=lambda w: {"correction": "Sửa ngày sinh."},
    ),
    ("GET", "/api/v1/certificates/bulk-issues/"): Call(logged_in(403, office=200)),
    ("POST", "/api/v1/certificates/bulk-issues/"): Call(
        logged_in(403, office=202),
        body=lambda w: {"unit": w.school.pk, "school_year": this_year()},
    ),
    ("GET", "/api/v1/certificates/bulk-issues/{id}/"): Call(
        logged_in(403, office=200), params=lambda w: {"id": bulk_issue(w).pk}
    ),
    ("GET", "/api/v1/verify/{code}/"): Call(
        everyone(200), params=lambda w: {"code": w.certificate.code}
    ),
    # xAPI: one's own statements, with a token
    ("GET", "/xapi/about"): Call(everyone(200)),
    ("GET", "/xapi/statements"): Call(logged_in(200), headers=XAPI),
    ("POST", "/xapi/statements"): Call(logged_in(200), body=statement, headers=XAPI),
    ("PUT", "/xapi/statements"): Call(
        logged_in(204),
        body=lambda w: {**statement(w), "id": PUT_ID},
        query=lambda w: {"statementId": PUT_ID},
        headers=XAPI,
    ),
}


def schema_operations() -> set[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    }


def test_every_operation_has_expectations(db):
    operations = schema_operations()
    missing = sorted(operations - EXPECTED.keys())
    stale = sorted(EXPECTED.keys() - operations)
    assert not missing, f"Operations without expectations (add them to EXPECTED): {missing}"
    assert not stale, f"Expectations for operations that no longer exist: {stale}"


def test_every_role_has_an_expectation_for_every_operation():
    for operation, call in EXPECTED.items():
        assert set(call.expected) == set(ROLES), operation


def _request(client, method: str, url: str, call: Call, world):
    body = call.body(world) if call.body else None
    with transaction.atomic():
        cache.clear()
        kwargs = {"format": call.format} if body is not None else {}
        headers = call.headers(world) if callable(call.headers) else call.headers
        response = getattr(client, method.lower())(url, body, **kwargs, **headers)
        status = response.status_code
        if response.streaming:
            # Read to the end: the test client then closes the file as it means to (closing
            # it here would send request_finished, which closes the database connection).
            b"".join(response.streaming_content)
            detail = b""
        else:
            detail = response.content[:300]
        transaction.set_rollback(True)
    return status, detail


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(api_world, role):  # noqa: F811 - the fixture imported above
    world = api_world
    client = client_for(world.person(role))
    mismatches = []
    for (method, path), call in sorted(EXPECTED.items()):
        url = path.format(**(call.params(world) if call.params else {}))
        if call.query:
            url = f"{url}?{urlencode(call.query(world))}"
        status, detail = _request(client, method, url, call, world)
        if status != call.expected[role]:
            mismatches.append(
                f"{method} {url}: expected {call.expected[role]}, got {status} {detail!r}"
            )
    assert not mismatches, f"As {role}:\n" + "\n".join(mismatches)
