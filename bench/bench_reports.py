"""The office's completion-by-unit report (issue #6) on the bench data: the page and its XLSX
export as the demo's office staff (cv.demo) open them — the whole province below the
department. Each is requested one at a time (a manager opens a report; nobody hammers it), a
few times after a warm-up, and timed end to end; beside it, the SQL queries of one request.

Targets on the province-size data (`manage.py demo --staff 10000 --years 5`): the page under
500 ms, the export under 2 s. That demo takes over an hour to build here, so the province-size
figures come from the data set «province-size reports» (bench/province_reports.py): the demo's
people step and the year summaries of 5 past years and the current one, in bulk — the reports
read only the summaries, so for them it is the same data. The query count is the same for any
number of teachers (asserted in training/tests/reports/test_query_counts.py)."""

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
#: What each dataset measured, for the block beside the table: (dataset, name, p50 ms, slowest
#: ms, queries, target ms).
MEASURED_BY_DATASET: list[tuple[str, str, float, float, int | None, int]] = []


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
        MEASURED_BY_DATASET.append((dataset, name, p50, worst, queries, target_ms))
        yield Row(
            f"{prefix}{name}",
            rate=1 / statistics.mean(seconds),
            p50_ms=p50,
            p95_ms=worst,
            queries=queries,
            note=note,
        )


def reports_by_dataset() -> str:
    """A markdown block: the report and its export on each data set side by side, with the
    targets; empty when nothing was measured."""
    if not MEASURED_BY_DATASET:
        return ""
    datasets = list(dict.fromkeys(d for d, *_ in MEASURED_BY_DATASET))
    found = {(d, name): rest for d, name, *rest in MEASURED_BY_DATASET}
    head = ["report (office user, whole department)", "target"]
    for dataset in datasets:
        head += [f"median / slowest ms ({dataset})", f"queries ({dataset})"]
    out = [
        "Reports: the office's completion by unit as cv.demo (the department, every unit below)."
        " The province-size data for them is built in bulk (bench/province_reports.py): the"
        " demo's people step, then year summaries; the reports read only the summaries, so it is"
        " the data they would read after `manage.py demo --staff 10000 --years 5`.",
        "",
        "| " + " | ".join(head) + " |",
        "|---|---:" + "|---:" * (len(head) - 2) + "|",
    ]
    for name, _path, _count, target in MEASURED:
        cells = [name, f"< {target} ms"]
        for dataset in datasets:
            figures = found.get((dataset, name))
            if figures is None:
                cells += ["", ""]
                continue
            p50, worst, queries, _target = figures
            verdict = "" if worst < target else " ✗"
            cells += [f"{p50:.0f} / {worst:.0f}{verdict}", "" if queries is None else str(queries)]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)
