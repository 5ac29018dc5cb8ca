"""The benchmark's own database, var/bench/bench.sqlite3: built once per set of migrations."""

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "portal.settings.bench"
BENCH_DIR = ROOT / "var" / "bench"
STAMP = BENCH_DIR / "data-built"  # says how the data was built; a different recipe rebuilds
BUILDER = ""  # the dataset's own builder module (Dataset.builder), if it has one

# A district-sized data set that still builds in well under a minute on two cores.
DEMO_ARGS = ["--staff", "300", "--years", "2"]


@dataclass(frozen=True)
class Dataset:
    """One bench database: which file (BENCH_DATABASE) and how `manage.py demo` fills it."""

    name: str
    file: str
    demo_args: tuple[str, ...]
    #: A module run instead of `manage.py demo` (`python -m <builder>`), and its recipe.
    builder: str = ""
    #: Only these bench sections on this data (by function name); empty: as bench/__main__.py
    sections: tuple[str, ...] = ()


SMALL = Dataset("small demo", "bench.sqlite3", tuple(DEMO_ARGS))
PROVINCE = Dataset("province", "province.sqlite3", ("--staff", "10000", "--years", "5"))
# The reports read only year summaries: the demo's people step and the summaries in bulk
# (bench/province_reports.py) give the same province in minutes rather than over an hour.
PROVINCE_REPORTS = Dataset(
    "province-size reports",
    "province-reports.sqlite3",
    (),
    builder="bench.province_reports",
    sections=("reports_section",),
)
DATASETS = (SMALL, PROVINCE_REPORTS, PROVINCE)


def chosen_datasets() -> list[Dataset]:
    """BENCH_DATASETS picks the data: small,province-reports by default (minutes on a clean
    clone); add `province` for the pages on the full province-size demo (over an hour to build
    here: its training history goes through the services record by record)."""
    wanted = os.environ.get("BENCH_DATASETS", "small,province-reports").replace(" ", "").split(",")
    chosen = [d for d in DATASETS if d.file.split(".")[0] in wanted or d.name.split()[0] in wanted]
    return chosen or list(DATASETS)


def use(dataset: Dataset) -> None:
    """Point this process (and the processes it starts) at the dataset's database."""
    from django.conf import settings
    from django.db import connections

    connections.close_all()
    if "portal.caching" in sys.modules:  # what the last database's Site and settings were
        from django.core.cache import cache

        from portal import caching

        caching.clear()
        cache.clear()
    os.environ["BENCH_DATABASE"] = dataset.file
    settings.DATABASES["default"]["NAME"] = BENCH_DIR / dataset.file
    connections["default"].settings_dict["NAME"] = BENCH_DIR / dataset.file
    global DEMO_ARGS, STAMP, BUILDER
    DEMO_ARGS = list(dataset.demo_args)
    BUILDER = dataset.builder
    STAMP = BENCH_DIR / f"{dataset.file}.built"


MINIMAL_SCHOOLS = 4
MINIMAL_TEACHERS_PER_SCHOOL = 50

MINIMAL = (
    f"minimal, through training.services: {MINIMAL_SCHOOLS} schools × "
    f"{MINIMAL_TEACHERS_PER_SCHOOL} teachers"
)

TEACHER_PASSWORD = "bench-mat-khau-rat-dai-2026"  # noqa: S105 — the bench database's own


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str


def setup_django() -> None:
    sys.path.insert(0, str(ROOT / "site"))
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    import django

    django.setup()


def manage(*args: str) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def demo_available() -> bool:
    from django.core.management import get_commands

    return "demo" in get_commands()


def prepare() -> str:
    """Bring the bench database up to date and say what data it holds."""
    from django.conf import settings

    database = Path(settings.DATABASES["default"]["NAME"]).resolve()
    if database.parent != BENCH_DIR.resolve():
        raise RuntimeError(f"the bench database must live in {BENCH_DIR}, not at {database}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    fingerprint = _migrations_fingerprint()
    recipe = "manage.py demo " + " ".join(DEMO_ARGS) if demo_available() else MINIMAL
    if BUILDER:
        from importlib import import_module

        recipe = import_module(BUILDER).RECIPE
    # The data is built once per recipe (the province-size one takes many minutes); new
    # migrations are applied to it, as they would be to a live site's. BENCH_REBUILD=1 (or
    # deleting var/bench/) builds it again, with the demo as it is now.
    stamp = recipe
    current = (
        database.exists()
        and STAMP.exists()
        and STAMP.read_text(encoding="utf-8").splitlines()[:1] == [stamp]
        and not os.environ.get("BENCH_REBUILD")
    )
    if current:
        manage("migrate", "--noinput", "-v0")
        built = STAMP.read_text(encoding="utf-8").splitlines()[1:]
        recipe += f" ({built[0]})" if built else ""
    else:
        recipe, stamp = _build(database, fingerprint, recipe, stamp)
        if recipe != MINIMAL:
            STAMP.write_text(f"{stamp}\nbuilt {utc_stamp()}", encoding="utf-8")
    manage("collectstatic", "--noinput", "-v0")
    return recipe


def _build(database: Path, fingerprint: str, recipe: str, stamp: str) -> tuple[str, str]:
    # Migrating from nothing is the slow part (about half a minute), so the freshly migrated,
    # empty database is kept beside and copied for every rebuild until a migration changes.
    migrated = BENCH_DIR / f"migrated-{fingerprint}.sqlite3"
    _reset(database)
    if migrated.exists():
        _copy(migrated, database)
    else:
        for old in BENCH_DIR.glob("migrated-*.sqlite3"):
            old.unlink()
        print("Migrating the bench database from nothing…", flush=True)
        manage("migrate", "--noinput", "-v0")
        _copy(database, migrated)
    print(f"Building the bench data: {recipe}", flush=True)
    if recipe == MINIMAL:
        _build_minimal()
    elif BUILDER:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
        subprocess.run([sys.executable, "-m", BUILDER], cwd=ROOT, env=env, check=True)
    else:
        try:
            manage("demo", *DEMO_ARGS)
        except subprocess.CalledProcessError as exc:
            # Stamped without the migrations, so the next run tries the demo again.
            recipe = f"{MINIMAL}, because manage.py demo failed (exit {exc.returncode})"
            stamp = recipe
            print(f"manage.py demo failed; building instead: {recipe}", flush=True)
            _reset(database)
            _copy(migrated, database)
            _build_minimal()
    STAMP.write_text(stamp, encoding="utf-8")
    return recipe, stamp


def utc_stamp() -> str:
    from bench.report import git_sha, utc_now

    return f"{utc_now():%Y-%m-%d %H:%M} UTC at {git_sha()}"


def _migrations_fingerprint() -> str:
    """Changes when any migration is added, removed or edited."""
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    for (app, name), migration in sorted(MigrationLoader(None).disk_migrations.items()):
        digest.update(f"{app}.{name}\n".encode())
        digest.update(Path(sys.modules[type(migration).__module__].__file__).read_bytes())
    return digest.hexdigest()[:12]


def _reset(database: Path) -> None:
    from django.db import connections

    connections.close_all()
    STAMP.unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _copy(source: Path, target: Path) -> None:
    """SQLite's own backup, consistent even while the source is in WAL mode."""
    with (
        closing(sqlite3.connect(source)) as reading,
        closing(sqlite3.connect(target)) as writing,
    ):
        reading.backup(writing)


def _build_minimal() -> None:
    from training import roles
    from training.services import staff_create, unit_create

    department = unit_create(
        name="Sở GD&ĐT (bench)", code="B-SGD", kind="department", acting_user=None
    )
    commune = unit_create(
        name="UBND xã (bench)", code="B-XA", kind="commune", parent=department, acting_user=None
    )
    for s in range(1, MINIMAL_SCHOOLS + 1):
        school = unit_create(
            name=f"Trường Tiểu học số {s} (bench)",
            code=f"B-TR{s}",
            kind="primary",
            parent=commune,
            acting_user=None,
        )
        for t in range(1, MINIMAL_TEACHERS_PER_SCHOOL + 1):
            staff_create(
                staff_code=f"B{s:02d}{t:04d}",
                full_name=f"Nguyễn Thị Giáo Viên {s}-{t}",
                unit=school,
                roles=[roles.TEACHER],
                acting_user=None,
            )


def bench_teacher() -> Credentials:
    """The demo's own teacher when the data came from `manage.py demo`; otherwise the first
    teacher, given a password the bench knows (written only to the bench database)."""
    from training import roles
    from training.models import User

    demo = _demo_teacher()
    if demo:
        user = User.objects.filter(username=demo.username, is_active=True).first()
        if user and user.check_password(demo.password) and not user.must_change_password:
            return demo
    user = (
        User.objects.filter(groups__name=roles.TEACHER, profile__isnull=False, is_active=True)
        .order_by("pk")
        .first()
    )
    if user is None:
        raise RuntimeError("the bench database has no active teacher to log in as")
    if not user.check_password(TEACHER_PASSWORD) or user.must_change_password:
        user.set_password(TEACHER_PASSWORD)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
    return Credentials(user.username, TEACHER_PASSWORD)


def _demo_teacher() -> Credentials | None:
    try:
        from training.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
    except ImportError:
        return None
    for account in DEMO_ACCOUNTS:
        if getattr(account, "key", None) == "teacher":
            return Credentials(account.username, DEMO_PASSWORD)
    return None
