"""SQL queries per request, counted in-process with the test client on the bench database
(apart from the timing, which is done over HTTP against gunicorn)."""

from bench.database import Credentials

LOGIN_PATH = "/dang-nhap/"


def count_queries(path: str, *, login: Credentials | None = None) -> tuple[int, int]:
    """(queries, status) of a GET of `path` once a first GET has warmed the caches."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="127.0.0.1")
    if login:
        response = client.post(LOGIN_PATH, {"username": login.username, "password": login.password})
        if response.status_code != 302:
            raise RuntimeError(f"the test client could not log in as {login.username}")
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured.captured_queries), response.status_code
