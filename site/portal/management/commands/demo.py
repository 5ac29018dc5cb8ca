"""`manage.py demo`: build a believable world from nothing, for trying the site and for benchmarks.

    manage.py demo                     build on a fresh database (refuses one that has data)
    manage.py demo --if-empty          build only if no unit exists yet: what `make run` does
    manage.py demo --logins            print the demo accounts and where to log in, then stop
    manage.py demo --staff 10000 --years 5 --seed 7

The world is built by STEPS, in order, in one transaction (a failed build leaves nothing
behind). Each step is a function `<app>.demo.build_<what>(ctx)` taking one DemoContext: the
options, a `random.Random` seeded for that step alone (adding a step changes nothing the others
build), a `log` callable, and fields where steps leave what later steps need. A later issue
(courses content, training records, certificates…) adds its world with one line in STEPS, and
one field in DemoContext if it leaves something for the steps after it.

What the world says (titles, texts, quizzes, news, places, names, accounts) is data, in each
app's demo_data/*.yaml; the steps build it through the apps' models and services."""

import logging
import random
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from time import perf_counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Page

from training.models import Unit, User

STEPS = [
    "training.demo.build_people",
    "courses.demo.build_content",
    "training.demo_records.build_records",
    "training.yearly_report.demo.build_submissions",
    "certificates.demo.build_certificates",
    "portal.demo.build_site",
]

DEFAULT_STAFF = 400
DEFAULT_YEARS = 3
DEFAULT_SEED = 2020  # the year of the plan this project starts from

ERROR_NOT_EMPTY = (
    "This database already has units: the demo builds its world only on a fresh database. "
    "Delete db.sqlite3 and run `make run` again, or use --if-empty to keep the data you have."
)
ERROR_PRODUCTION = "The demo creates accounts with known passwords: it never runs in production."


@dataclass
class DemoContext:
    staff: int  # about how many people to generate
    years: int  # how many school years of history later steps build (records, certificates)
    seed: int
    rng: random.Random
    log: Callable[[str], None]
    today: date
    # Left by training.demo.build_people:
    department: Unit | None = None
    communes: list[Unit] = field(default_factory=list)
    schools: list[Unit] = field(default_factory=list)
    demo_school: Unit | None = None  # where the demo teacher and school manager work
    accounts: dict[str, User] = field(default_factory=dict)  # "teacher", "school_manager", …
    # Left by courses.demo.build_content:
    library_index: Page | None = None
    programme_index: Page | None = None
    # Left by portal.demo.build_site:
    home: Page | None = None
    news_index: Page | None = None


@contextmanager
def _quiet(logger_name: str):
    """Hide a logger's INFO lines meanwhile: in development every page saved runs tasks at once,
    and each logs two lines."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = "Build a demo world (units, people, demo logins, portal content) on a fresh database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has units (keeps the data you have).",
        )
        parser.add_argument(
            "--logins", action="store_true", help="Only print the demo logins, then stop."
        )
        parser.add_argument(
            "--staff",
            type=int,
            default=DEFAULT_STAFF,
            help=f"About how many people to generate (default {DEFAULT_STAFF}); more people "
            "make more schools, about 30 each.",
        )
        parser.add_argument(
            "--years",
            type=int,
            default=DEFAULT_YEARS,
            help=f"School years of history to build (default {DEFAULT_YEARS}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Random seed: the same seed builds the same world (default {DEFAULT_SEED}).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["logins"]:
            self.print_logins()
            return
        if getattr(settings, "SETTINGS_MODULE", "").endswith(".production"):
            raise CommandError(ERROR_PRODUCTION)
        if options["years"] < 1:
            raise CommandError("--years must be at least 1.")
        if Unit.objects.exists():
            if options["if_empty"]:
                self.log("The database already has data: the demo world is kept as it is.")
                return
            raise CommandError(ERROR_NOT_EMPTY)

        seed = options["seed"]
        context = DemoContext(
            staff=options["staff"],
            years=options["years"],
            seed=seed,
            rng=random.Random(seed),
            log=self.log,
            today=timezone.localdate(),
        )
        started = perf_counter()
        with transaction.atomic(), _quiet("django.tasks"):
            for path in STEPS:
                context.rng = random.Random(f"{seed}:{path}")
                step_started = perf_counter()
                import_string(path)(context)
                self.log(f"  {path}: {perf_counter() - step_started:.1f} s")
        self.log(self.style.SUCCESS(f"Demo world built in {perf_counter() - started:.1f} s."))

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)

    def print_logins(self) -> None:
        from training.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        front, admin = base + reverse("portal:login"), base + reverse("wagtailadmin_home")
        present = set(
            User.objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS]).values_list(
                "username", flat=True
            )
        )
        if not present:
            self.stdout.write("Chưa có tài khoản demo: chạy `manage.py demo` trước.")
            return
        rows = [("Vai trò", "Tên đăng nhập", "Mật khẩu", "Đăng nhập tại")]
        rows += [
            (a.role_label, a.username, DEMO_PASSWORD, front if a.front_end else admin)
            for a in DEMO_ACCOUNTS
            if a.username in present
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        rule = "+-" + "-+-".join("-" * w for w in widths) + "-+"
        lines = [rule]
        for index, row in enumerate(rows):
            lines.append(
                "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
            )
            if index == 0:
                lines.append(rule)
        lines.append(rule)
        example = User.objects.filter(username__regex=r"^GV[0-9]").order_by("username").first()
        if example:
            lines.append(
                f"Mọi mã cán bộ được sinh ra (ví dụ {example.username}, {example.full_name}) "
                "cũng đăng nhập bằng mật khẩu này."
            )
        self.stdout.write("\n".join(lines))
