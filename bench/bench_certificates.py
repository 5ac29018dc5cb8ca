"""Certificates per second: issue 1,000 yearly certificates (PDF with QR, signed Open Badges
credential, stored), one process, as a bulk issue runs them; beside it, in the same run, the
time of the PDF rendering alone and of the signature alone; and the peak memory of the issuing
for 1,000 and for 2,000 certificates (a bulk issue streams: the two should be alike).

    python -m bench.bench_certificates              SQLite, and PostgreSQL through bin/with-postgres
    python -m bench.bench_certificates --sqlite     SQLite only

Each measurement runs in a fresh process on a fresh database (migrated, then filled with
people whose year summaries say "completed the plan"), so nothing is warm but what a worker
would have warmed. `certificates_section` plugs the SQLite measurement into `python -m bench`.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_SECOND = 40
PDF_SAMPLE = 300
SIGN_SAMPLE = 100


# The worker: one measurement in its own process ------------------------------------------------


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class _PeakRss:
    """Samples the resident memory every 20 ms while the block runs."""

    def __enter__(self):
        self.peak, self._stop = _rss_kib(), threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _rss_kib())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_kib())


def _people(school, count: int, school_year: str, prefix: str = "BC") -> None:
    """`count` teachers whose year is completed, written in bulk (the bench measures the
    issuing, not the years of training that lead to it)."""
    from django.contrib.auth.models import Group

    from training import roles
    from training.models import StaffProfile, User, YearStatus, YearSummary

    users = []
    for number in range(count):
        user = User(
            username=f"{prefix}{number:06d}",
            last_name="Nguyễn",
            first_name=f"Thị Hương {number}",
            password="!",  # noqa: S106 — unusable
        )
        user.refresh_derived()
        users.append(user)
    User.objects.bulk_create(users, batch_size=500)
    users = list(User.objects.filter(username__startswith=prefix).order_by("pk"))
    teachers = Group.objects.get(name=roles.TEACHER)
    teachers.user_set.add(*users)
    StaffProfile.objects.bulk_create(
        [StaffProfile(user=user, unit=school) for user in users], batch_size=500
    )
    YearSummary.objects.bulk_create(
        [
            YearSummary(
                user=user,
                school_year=school_year,
                unit=school,
                audience="teacher",
                hours_01=40,
                hours_02=44,
                hours_03=40,
                plan_status="approved",
                status=YearStatus.COMPLETED,
            )
            for user in users
        ],
        batch_size=500,
    )


def _create_postgres_database() -> None:
    """bin/with-postgres starts an empty server: create the database DATABASE_URL names."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def worker(count: int) -> dict:
    import django

    _create_postgres_database()
    sys.path.insert(0, str(ROOT / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    media = Path(tempfile.mkdtemp(prefix="bench-certificates-media-"))
    settings.MEDIA_ROOT = media
    settings.PRIVATE_ROOT = media / "private"  # the PDFs: counted and removed with the rest
    call_command("migrate", verbosity=0)

    from certificates import credentials, pdf
    from certificates.models import Certificate, Delegation
    from certificates.services import bulk_issue_request, bulk_issue_run, issuer_create
    from training.services import unit_create

    school_year = "2025-2026"
    department = unit_create(name="Sở GD&ĐT (bench)", code="BC-SGD", kind="department",
                             acting_user=None)  # fmt: skip
    school = unit_create(name="Trường PTDTBT TH&THCS Sin Suối Hồ", code="BC-TR",
                         kind="ethnic_boarding", parent=department, acting_user=None)  # fmt: skip
    issuer_create(
        unit=department,
        slug="bench",
        public_name="Sở Giáo dục và Đào tạo Lai Châu",
        parent_body_name="UBND TỈNH LAI CHÂU",
        body_name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        place_name="Lai Châu",
        head_title="GIÁM ĐỐC",
        delegation=Delegation.KT,
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Đặng Văn Dũng",
        serial_format="{number}/GCN-SGDĐT",
        acting_user=None,
    )
    _people(school, count, school_year)

    # Warm up what any worker has warmed after its first certificate: fonts, JSON-LD contexts.
    warm_unit = unit_create(name="Warm-up", code="BC-WARM", kind="primary", parent=department,
                            acting_user=None)  # fmt: skip
    _people(warm_unit, 3, school_year, prefix="WU")
    warm = bulk_issue_request(unit=warm_unit, school_year=school_year, acting_user=None,
                              enqueue=False)  # fmt: skip
    bulk_issue_run(bulk_issue_id=warm.pk)

    bulk = bulk_issue_request(unit=school, school_year=school_year, acting_user=None,
                              enqueue=False)  # fmt: skip
    with _PeakRss() as rss:
        started = time.perf_counter()
        result = bulk_issue_run(bulk_issue_id=bulk.pk)
        elapsed = time.perf_counter() - started
    assert result["issued"] == count, result

    sample = list(
        Certificate.objects.filter(holder__username__startswith="BC").order_by("pk")[:PDF_SAMPLE]
    )
    started = time.perf_counter()
    for certificate in sample:
        pdf.render(certificate.data)
    pdf_seconds = (time.perf_counter() - started) / len(sample)

    signing = sample[:SIGN_SAMPLE]
    started = time.perf_counter()
    for certificate in signing:
        built = credentials.credential_build(
            code=certificate.code,
            issuer=certificate.issuer,
            data=certificate.data,
            status_list=certificate.status_list,
            status_index=certificate.status_index,
            issued_at=certificate.issued_at,
        )
        credentials.credential_sign(built, key=certificate.signing_key,
                                    created=certificate.issued_at)  # fmt: skip
    sign_seconds = (time.perf_counter() - started) / len(signing)
    stored = sum(f.stat().st_size for f in media.rglob("*.pdf"))
    shutil.rmtree(media, ignore_errors=True)
    return {
        "database": connection.vendor,
        "count": count,
        "seconds": elapsed,
        "per_second": count / elapsed,
        "pdf_ms": pdf_seconds * 1000,
        "sign_ms": sign_seconds * 1000,
        "issue_ms": elapsed / count * 1000,
        "peak_rss_mib": rss.peak / 1024,
        "pdf_kib": stored / count / 1024,
    }


# The driver ------------------------------------------------------------------------------------


def measure(count: int, *, postgres: bool) -> dict:
    """One measurement in a fresh process (and a fresh database)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    tmp = None
    command = [sys.executable, "-m", "bench.bench_certificates", "--worker", str(count)]
    if postgres:
        command = [str(ROOT / "bin" / "with-postgres"), *command]
    else:
        tmp = tempfile.mkdtemp(prefix="bench-certificates-")
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=1800
        )
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"the measurement failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def _line(result: dict) -> str:
    return (
        f"{result['database']:<10} {result['count']:>6} certificates  "
        f"{result['per_second']:6.1f} /s  ({result['issue_ms']:5.1f} ms each: "
        f"PDF alone {result['pdf_ms']:5.1f} ms, signature alone {result['sign_ms']:5.1f} ms)  "
        f"peak RSS {result['peak_rss_mib']:5.0f} MiB  PDF {result['pdf_kib']:.0f} KiB"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sqlite", action="store_true", help="SQLite only")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker)), flush=True)
        return 0
    runs = [(args.count, False), (args.count * 2, False)]
    if not args.sqlite and (shutil.which("initdb") or Path("/usr/lib/postgresql").exists()):
        runs.append((args.count, True))
    print(
        f"Issuing yearly certificates in one process (bulk issue), {os.cpu_count()} cores; "
        f"target {TARGET_PER_SECOND}/s.",
        flush=True,
    )
    results = []
    for count, postgres in runs:
        result = measure(count, postgres=postgres)
        results.append(result)
        print(_line(result), flush=True)
    sqlite = [r for r in results if r["database"] == "sqlite"]
    if len(sqlite) == 2:
        ratio = sqlite[1]["peak_rss_mib"] / sqlite[0]["peak_rss_mib"]
        print(
            f"peak RSS, {sqlite[1]['count']} vs {sqlite[0]['count']}: ×{ratio:.2f} "
            f"({'flat' if 0.8 <= ratio <= 1.2 else 'NOT flat'}: ± 20% expected)"
        )
    below = [r for r in results if r["per_second"] < TARGET_PER_SECOND]
    if below:
        print(f"below the target of {TARGET_PER_SECOND}/s: " + ", ".join(
            f"{r['database']} {r['per_second']:.1f}/s" for r in below))  # fmt: skip
    return 0


def certificates_section(bench):
    """For `python -m bench`: the SQLite measurement of 1,000 certificates, as rows."""
    from bench.report import Row

    result = measure(1000, postgres=False)
    yield Row(
        name="certificates: issue (SQLite)",
        rate=result["per_second"],
        unit="cert",
        p50_ms=result["issue_ms"],
        note=f"1,000 in one process; peak RSS {result['peak_rss_mib']:.0f} MiB; "
        f"target {TARGET_PER_SECOND}/s",
    )
    yield Row(
        name="certificates: PDF alone",
        rate=1000 / result["pdf_ms"],
        unit="pdf",
        p50_ms=result["pdf_ms"],
        note="same run",
    )
    yield Row(
        name="certificates: signature alone",
        rate=1000 / result["sign_ms"],
        unit="sig",
        p50_ms=result["sign_ms"],
        note="eddsa-rdfc-2022 via openbadgeslib/pyld",
    )


if __name__ == "__main__":
    sys.exit(main())
