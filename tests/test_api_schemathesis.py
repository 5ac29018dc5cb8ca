"""schemathesis over the whole OpenAPI schema, against the application itself (WSGI, in
process), as the world's teacher with a personal token: for every operation, generated
requests never get a server error, and every response matches the schema (status code,
content type, body, the error shape included).

One test walks every operation (the world is built once; a request's changes stay for the
next, as they would on a server). It is bounded to API_FUZZ_EXAMPLES examples per operation
(default 10, derandomized: the same requests on every run, so a failure comes back) so that
`make test` stays within a few minutes; run it harder with
`API_FUZZ_EXAMPLES=200 .venv/bin/python -m pytest tests/test_api_schemathesis.py`.
(schemathesis' own pytest loader, from_fixture, does not work with pytest 9 yet: hence the
loop.)"""

import os
from contextlib import contextmanager

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api_support import api_media, api_world, token_for  # noqa: F401

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "10"))
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


def _fuzz(operation, headers: dict) -> None:
    @given(case=operation.as_strategy(GenerationMode.POSITIVE))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


@contextmanager
def connection_kept_open():
    """The application is called as a server calls it, so each request starts and ends with
    close_old_connections, which would close the test's database connection (its transaction
    holds the world) on PostgreSQL. Django's test client sets it aside the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def test_every_operation_never_fails_and_matches_its_schema(api_world, settings):  # noqa: F811
    # The run makes more requests a minute than a person may: lift the limits for it.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(("anon", "user", "verify"), "100000/minute"),
    }
    headers = {
        "Authorization": f"Bearer {token_for(api_world.teacher)}",
        "X-Experience-API-Version": "1.0.3",
        # Responses are gzipped for clients that accept it (GZipMiddleware); schemathesis'
        # in-process WSGI transport does not decode them, so ask for them as they are.
        "Accept-Encoding": "identity",
    }
    operations, failures = 0, []
    with connection_kept_open():
        schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
        for result in schema.get_all_operations():
            operation = result.ok()
            operations += 1
            try:
                _fuzz(operation, headers)
            except (Exception, ExceptionGroup) as error:  # every operation runs; all reported
                failures.append(f"{operation.label}:\n{error}")
    assert operations >= 50
    assert not failures, f"{len(failures)} of {operations} operations failed:\n\n" + "\n\n".join(
        failures
    )
