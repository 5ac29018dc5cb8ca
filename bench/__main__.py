"""`python -m bench` (make bench): prepare, serve, measure, print, write."""

import os
import platform
import signal
import sys
import time

import django

from bench import database, load, server
from bench.bench_reports import reports_by_dataset
from bench.context import Bench
from bench.pages import BASELINE, pages_by_dataset, pages_section
from bench.report import RATIO_TARGET, Table, git_sha, utc_now
from bench.sections import SECTIONS

BUSY = 0.5  # one-minute load average above which the run says its numbers are depressed


def _exit_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # so that `finally` stops gunicorn


def main() -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    started, clock, sha = utc_now(), time.monotonic(), git_sha()  # others may commit meanwhile
    load_before = os.getloadavg()[0]
    database.setup_django()
    table = Table(
        title=f"Benchmark {started:%Y-%m-%d %H:%M} UTC · {sha}",
        facts=[
            f"server: gunicorn {' '.join(server.GUNICORN_ARGS)}, settings {database.SETTINGS}",
            f"load: up to {load.REQUESTS} requests or {load.TIME_CAP:.0f} s per page, "
            f"{load.CLIENTS} keep-alive clients, after {load.WARM_UP} warm-up requests each",
            f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"Django {django.get_version()}; target: at least {RATIO_TARGET} × the bare view",
            "light pages: Debian chromium over CDP, 300 ms latency, 1.6 Mbit/s down; budget "
            "≤ 60 KB and ≤ 10 requests cold, ≤ 15 KB warm, first contentful paint < 1.5 s",
            "load run (200 teachers, 60 s, PostgreSQL): `make load`, its own file "
            "bench/results/load-*.md",
        ],
    )
    if load_before > BUSY:
        table.facts.append(
            f"the machine was busy before the run (load average {load_before:.1f}): "
            "every rate below is lower than on a quiet machine"
        )
    print("\n".join(table.facts) + "\n", flush=True)
    peaks: dict[int, float] = {}
    datasets = database.chosen_datasets()
    for dataset in datasets:
        # The sections other than the pages (certificates, light pages, …) run on the first data.
        sections = SECTIONS if dataset is datasets[0] else [pages_section]
        if dataset.sections:  # data built for some sections only
            sections = [s for s in SECTIONS if s.__name__ in dataset.sections]
        if os.environ.get("BENCH_PAGES_ONLY"):  # a quick run: the pages table alone
            sections = [s for s in sections if s is pages_section]
        if os.environ.get("BENCH_SECTIONS"):  # e.g. BENCH_SECTIONS=reports: those alone
            wanted = os.environ["BENCH_SECTIONS"].replace(" ", "").split(",")
            sections = [s for s in sections if s.__name__.removesuffix("_section") in wanted]
        if not sections:
            continue
        database.use(dataset)
        data = database.prepare()
        table.facts.append(
            f"data «{dataset.name}»: {data}; SQLite (WAL) at var/bench/{dataset.file}"
        )
        print(f"\n{dataset.name}: {data}", flush=True)
        print(table.heading(), flush=True)
        teacher = database.bench_teacher()
        with server.gunicorn(database.SETTINGS, BASELINE.path) as running:
            bench = Bench(running, teacher, dataset=dataset.name)
            for section in sections:
                for row in section(bench):
                    table.add(row)
            peaks.update(running.peak_rss_mib())
    if reports_by_dataset():
        table.blocks.append(reports_by_dataset())
        print("\n" + table.blocks[-1])
    if any(row.dataset for row in table.rows):
        table.blocks.append(pages_by_dataset(table.rows))
        print("\n" + table.blocks[-1])
    table.footer = [
        "peak RSS of the gunicorn workers: "
        + (", ".join(f"{mib:.0f} MiB" for mib in sorted(peaks.values())) or "unknown"),
        f"whole run: {time.monotonic() - clock:.0f} s; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after",
    ]
    print("\n" + "\n".join(table.footer))
    path = table.write(started, sha)
    print(f"written to {path.relative_to(database.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
