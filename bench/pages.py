"""Pages under load. Add a page with one line in PAGES."""

from collections.abc import Iterator
from dataclasses import dataclass

from bench.context import Bench
from bench.load import fetch, hammer
from bench.queries import count_queries, cpu_ms
from bench.report import RATIO_TARGET, Row
from bench.server import LOG, ROOT

LOG_NAME = LOG.relative_to(ROOT)


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    as_teacher: bool = False  # logged in as the bench's demo teacher
    optional: bool = False  # shown as "not there yet" while the page answers 404


BASELINE = Page("bare view (baseline)", "/bench/ok/")

# The pages a teacher hits, found in the bench database (the demo's names may change).
PAGE_NAMES = (
    "teacher dashboard",
    "module page",
    "lesson page",
    "library index",
    "verification page",
    "API list",
)


def discover() -> list[Page]:
    """The pages of PAGE_NAMES, with addresses found in the bench database: the demo teacher's
    dashboard, a module they are enrolled in and its first lesson, the resource library, the
    verification page of a valid certificate, and their own enrolments through the API."""
    from bench.database import bench_teacher
    from certificates.models import Certificate
    from courses.models import LessonPage, ResourceIndexPage
    from training.models import Enrolment, User

    teacher = User.objects.get(username=bench_teacher().username)
    enrolment = (
        Enrolment.objects.filter(user=teacher, module__live=True)
        .select_related("module")
        .order_by("-school_year", "pk")
        .first()
    )
    module = enrolment.module if enrolment else None
    lesson = LessonPage.objects.live().child_of(module).order_by("path").first() if module else None
    library = ResourceIndexPage.objects.live().order_by("path").first()
    certificate = Certificate.objects.valid().order_by("pk").first()
    found = [
        Page(PAGE_NAMES[0], "/trang-ca-nhan/", as_teacher=True),
        Page(PAGE_NAMES[1], module.url if module else "", as_teacher=True),
        Page(PAGE_NAMES[2], lesson.url if lesson else "", as_teacher=True),
        Page(PAGE_NAMES[3], library.url if library else ""),
        Page(PAGE_NAMES[4], f"/verify/{certificate.code}/" if certificate else ""),
        Page(PAGE_NAMES[5], "/api/v1/enrolments/", as_teacher=True),
    ]
    return found


def pages_section(bench: Bench) -> Iterator[Row]:
    yield measure(bench, BASELINE, baseline=True)
    for page in discover():
        yield measure(bench, page)


def measure(bench: Bench, page: Page, *, baseline: bool = False) -> Row:
    row = _measure(bench, page, baseline=baseline)
    row.page, row.dataset = page.name, bench.dataset
    if bench.dataset:
        row.name = f"{page.name} · {bench.dataset}"
    return row


def _measure(bench: Bench, page: Page, *, baseline: bool = False) -> Row:
    if not page.path:
        return Row(page.name, note="not in the bench data")
    cookie = bench.teacher_cookie() if page.as_teacher else ""
    status = fetch(bench.base_url, page.path, cookie=cookie)
    if status == 404 and page.optional:
        return Row(page.name, note=f"{page.path}: not there yet (404)")
    if status != 200:
        return Row(page.name, note=f"{page.path}: HTTP {status}, not measured (see {LOG_NAME})")
    login = bench.teacher if page.as_teacher else None
    queries, _status = count_queries(page.path, login=login)
    cpu = cpu_ms(page.path, login=login)
    if baseline:
        bench.baseline_cpu_ms = cpu
    result = hammer(bench.base_url, page.path, cookie=cookie)
    if baseline:
        bench.baseline_rate = result.rate
    note = page.path + f"; CPU {cpu:.1f} ms in-process"
    if not baseline and getattr(bench, "baseline_cpu_ms", None):
        note += f" (bare {bench.baseline_cpu_ms:.1f} ms: × {bench.baseline_cpu_ms / cpu:.2f})"
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


def pages_by_dataset(rows: list[Row]) -> str:
    """A markdown table: each page's ratio to the bare view and its queries, for each dataset
    side by side, and whether the queries stayed the same as the data grew."""
    datasets = list(dict.fromkeys(r.dataset for r in rows if r.dataset))
    pages = list(dict.fromkeys(r.page for r in rows if r.dataset and r.page))
    found = {(r.page, r.dataset): r for r in rows if r.dataset}
    head = ["page"]
    for name in datasets:
        head += [f"× bare ({name})", f"queries ({name})"]
    head.append("queries constant")
    out = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 2) + "|---|"]
    for page in pages:
        cells, counts = [page], []
        for name in datasets:
            row = found.get((page, name))
            ratio = row.ratio if row else None
            cells.append(
                "" if ratio is None else f"{ratio:.2f}" + (" ✗" if ratio < RATIO_TARGET else "")
            )
            cells.append("" if row is None or row.queries is None else str(row.queries))
            counts.append(row.queries if row else None)
        known = [c for c in counts if c is not None]
        cells.append("" if len(known) < 2 else "yes" if len(set(known)) == 1 else "NO")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)
