"""The office's completion-by-unit report (issue #6) on the bench data: the page and its XLSX
export as the demo's office staff (cv.demo) open them — the whole province below the
department. Each is requested one at a time (a manager opens a report; nobody hammers it), a
few times after a warm-up, and timed end to end; beside it, the SQL queries of one request.

Targets on the province-size data (`manage.py demo --staff 10000 --years 5`): the page under
500 ms, the export under 2 s. The query count is the same for any number of teachers (asserted
in training/tests/reports/test_query_counts.py)."""

import statistics
import time
import urllib.parse
from collections.abc import Iterator

from bench.context import Bench
from bench.database import Credentials
from bench.load import Client, log_in
from bench.queries import count_queries
from bench.report import Row

PAGE = "/admin/training-reports/completion/"
EXPORT = PAGE + "?export=xlsx"
#: (name, path, requests measured, target in ms)
MEASURED = [
    ("office: completion by unit", PAGE, 10, 500),
    ("office: completion by unit, XLSX", EXPORT, 5, 2000),
]
WARM_UP = 2


def office_credentials() -> Credentials | None:
    try:
        from training.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
    except ImportError:
        return None
    for account in DEMO_ACCOUNTS:
        if account.key == "office_staff":
            return Credentials(account.username, DEMO_PASSWORD)
    return None


def timed_gets(base_url: str, path: str, *, cookie: str, count: int) -> tuple[list[float], int]:
    """Seconds of each of `count` GETs after the warm-up, and how many were not 200."""
    url = urllib.parse.urlsplit(base_url)
    client = Client(url.hostname, url.port)
    headers = {"Host": url.netloc, "Cookie": cookie, "Accept-Encoding": "gzip"}
    seconds, failed = [], 0
    try:
        for number in range(WARM_UP + count):
            began = time.perf_counter()
            response, _body = client.request("GET", path, headers)
            if number >= WARM_UP:
                seconds.append(time.perf_counter() - began)
                failed += response.status != 200
    finally:
        client.close()
    return seconds, failed


def reports_section(bench: Bench) -> Iterator[Row]:
    office = office_credentials()
    dataset = getattr(bench, "dataset", "")
    prefix = f"{dataset}: " if dataset else ""
    if office is None:
        yield Row(f"{prefix}{MEASURED[0][0]}", note="no demo office account: not measured")
        return
    try:
        cookie = log_in(bench.base_url, username=office.username, password=office.password)
    except RuntimeError as exc:
        yield Row(f"{prefix}{MEASURED[0][0]}", note=f"not measured: {exc}")
        return
    for name, path, count, target_ms in MEASURED:
        seconds, failed = timed_gets(bench.base_url, path, cookie=cookie, count=count)
        queries, status = count_queries(path, login=office)
        p50 = statistics.median(seconds) * 1000
        worst = max(seconds) * 1000
        verdict = "met" if worst < target_ms else "NOT met"
        note = f"{path}; target < {target_ms} ms: {verdict} (slowest {worst:.0f} ms of {count})"
        if failed or status != 200:
            note += f"; {failed} of {count} responses were not 200 (in-process: {status})"
        yield Row(
            f"{prefix}{name}",
            rate=1 / statistics.mean(seconds),
            p50_ms=p50,
            p95_ms=worst,
            queries=queries,
            note=note,
        )
