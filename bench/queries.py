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


def cpu_ms(path: str, *, login: Credentials | None = None, requests: int = 20) -> float:
    """CPU milliseconds one GET of `path` takes in this process (after a warm-up): what the
    page costs whatever else the machine is doing, unlike a rate measured over HTTP."""
    import time

    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    if login:
        client.post(LOGIN_PATH, {"username": login.username, "password": login.password})
    for _ in range(3):
        client.get(path)
    began = time.process_time()
    for _ in range(requests):
        client.get(path)
    return (time.process_time() - began) / requests * 1000
