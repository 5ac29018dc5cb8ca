"""Province-size data for the report bench, built in bulk in a few minutes.

`manage.py demo --staff 10000 --years 5` takes over an hour on two cores: its training-records
step writes every plan, module and face-to-face record of every year. The reports never read
those: they read the year summaries (ARCHITECTURE: "Reports read summaries, not raw events"),
one row per person and school year. So this data set is

1. the demo's people step alone (training.demo.build_people: the province's units tree, its
   demo accounts, about 10,000 staff), exactly as `manage.py demo --staff 10000` builds it;
2. a YearSummary for every trainee (teachers, principals, vice-principals) in each of the five
   past school years (closed: completed or not completed) and in the current one (open: in
   progress or already completed), written with bulk_create in batches — the same years the
   demo's `--years 5` builds.

A faithful data set for the completion-by-unit report and its export; not for pages that read
records or course content (the other bench sections run on the demo data).

    python -m bench.province_reports   (run by bench/database.py in the bench database)
"""

import random
import sys
from collections.abc import Iterator
from itertools import batched
from time import perf_counter

STAFF = 10_000
YEARS = 5  # past school years, as `manage.py demo --years 5`; plus the current one
SEED = 2020  # the demo's default seed
BATCH = 2000
RECIPE = (
    f"in bulk: demo people step (training.demo.build_people, --staff {STAFF}) + YearSummary "
    f"rows for every trainee × {YEARS} past years and the current one (bench/province_reports.py)"
)

#: Past years: share of each status (completed, not completed).
PAST = {"completed": 0.84, "not_completed": 0.16}
#: The current year, open: share of completed (ahead of time), in progress.
CURRENT = {"completed": 0.12, "in_progress": 0.88}


def _hours(rng: random.Random, status: str) -> tuple[int, int, int, int]:
    """Programme 01/02/03 hours and modules completed, consistent with the status: completed
    means each programme reached its 40-tiết target; not completed means at least one did not;
    in progress is somewhere along the year."""
    if status == "completed":
        hours = [40 + rng.choice((0, 0, 0, 4, 8)) for _ in range(3)]
    elif status == "not_completed":
        hours = [rng.randrange(8, 41, 4) for _ in range(3)]
        short = rng.randrange(3)
        hours[short] = rng.randrange(0, 37, 4)
    else:
        hours = [rng.randrange(0, 41, 4) for _ in range(3)]
        hours[rng.randrange(3)] = min(hours[0], 36)  # not everything reached yet
    return hours[0], hours[1], hours[2], sum(hours) // 4


def _summaries(rng: random.Random, years: list[str], current: str) -> Iterator:
    from training.models import StaffProfile, YearStatus, YearSummary
    from training.selectors import TRAINEE_POSITIONS, audience_of

    trainees = (
        StaffProfile.objects.filter(position__in=TRAINEE_POSITIONS, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", "unit_id", "position")
    )
    for user_id, unit_id, position in trainees.iterator(chunk_size=BATCH):
        for year in years:
            closed = year != current
            shares = PAST if closed else CURRENT
            status = rng.choices(list(shares), weights=list(shares.values()))[0]
            hours_01, hours_02, hours_03, modules = _hours(rng, status)
            required = 6
            yield YearSummary(
                user_id=user_id,
                school_year=year,
                unit_id=unit_id,
                audience=audience_of(position),
                hours_01=hours_01,
                hours_02=hours_02,
                hours_03=hours_03,
                hours_other=rng.choice((0, 0, 0, 8)),
                modules_completed=modules,
                records_approved=rng.randint(1, 3) if closed or status == "completed" else 0,
                records_pending=0 if closed else rng.choice((0, 0, 1)),
                plan_status="approved",
                required_modules=required,
                required_completed=required if status == "completed" else min(modules, 5),
                closed=closed,
                status=YearStatus(status),
            )


def build(log=print) -> int:
    """The people, then the summaries; returns how many summaries were written."""
    from django.db import reset_queries, transaction
    from django.utils import timezone

    from courses.school_year import current_school_year
    from portal.management.commands.demo import DemoContext
    from training.demo import build_people
    from training.models import Unit, YearSummary

    if Unit.objects.exists():
        raise RuntimeError("the province-size report data is built only on an empty database")
    today = timezone.localdate()
    step = "training.demo.build_people"
    context = DemoContext(
        staff=STAFF,
        years=YEARS,
        seed=SEED,
        rng=random.Random(f"{SEED}:{step}"),  # as manage.py demo seeds this step
        log=log,
        today=today,
    )
    began = perf_counter()
    with transaction.atomic():
        build_people(context)
    log(f"  {step}: {perf_counter() - began:.1f} s")

    began = perf_counter()
    current = current_school_year(today)
    start = int(current[:4])
    years = [f"{y}-{y + 1}" for y in range(start - YEARS, start + 1)]
    rng = random.Random(f"{SEED}:bench.province_reports")
    written = 0
    # One transaction per batch: memory and the WAL stay small however many rows there are.
    for batch in batched(_summaries(rng, years, current), BATCH):
        with transaction.atomic():
            YearSummary.objects.bulk_create(batch)
        written += len(batch)
        reset_queries()
    log(f"  YearSummary: {written} rows ({', '.join(years)}) in {perf_counter() - began:.1f} s")
    return written


if __name__ == "__main__":
    from bench.database import setup_django

    setup_django()
    build()
    sys.exit(0)
