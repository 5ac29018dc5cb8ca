"""Pages under load. Add a page with one line in PAGES."""

from collections.abc import Iterator
from dataclasses import dataclass

from bench.context import Bench
from bench.load import fetch, hammer
from bench.queries import count_queries
from bench.report import Row
from bench.server import LOG, ROOT

LOG_NAME = LOG.relative_to(ROOT)


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    as_teacher: bool = False  # logged in as the bench's demo teacher
    optional: bool = False  # shown as "not there yet" while the page answers 404


BASELINE = Page("bare view (baseline)", "/bench/ok/")

PAGES = [
    Page("home", "/"),
    Page("news index", "/tin-tuc/", optional=True),
    Page("login", "/dang-nhap/"),
    Page("teacher's page", "/trang-ca-nhan/", as_teacher=True),
]


def pages_section(bench: Bench) -> Iterator[Row]:
    yield measure(bench, BASELINE, baseline=True)
    for page in PAGES:
        yield measure(bench, page)


def measure(bench: Bench, page: Page, *, baseline: bool = False) -> Row:
    cookie = bench.teacher_cookie() if page.as_teacher else ""
    status = fetch(bench.base_url, page.path, cookie=cookie)
    if status == 404 and page.optional:
        return Row(page.name, note=f"{page.path}: not there yet (404)")
    if status != 200:
        return Row(page.name, note=f"{page.path}: HTTP {status}, not measured (see {LOG_NAME})")
    queries, _status = count_queries(page.path, login=bench.teacher if page.as_teacher else None)
    result = hammer(bench.base_url, page.path, cookie=cookie)
    if baseline:
        bench.baseline_rate = result.rate
    note = page.path
    if result.errors:
        note += f"; {result.errors} of {result.requests} responses were not 200"
    return Row(
        page.name,
        rate=result.rate,
        ratio=1.0 if baseline else bench.ratio(result.rate),
        p50_ms=result.percentile_ms(50),
        p95_ms=result.percentile_ms(95),
        queries=queries,
        note=f"{note} ({result.requests} requests)",
    )
