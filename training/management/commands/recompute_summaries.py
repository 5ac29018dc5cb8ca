"""`manage.py recompute_summaries`: rebuild every year summary from the training records.

The services keep the summaries current in the same transaction as every change; this command
counts them again from scratch and must find the same rows. Use it after restoring a backup or
importing records, or with --check to prove that nothing has drifted (exit status 1 if it has)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from courses.school_year import SCHOOL_YEAR_PATTERN
from training.models import YearSummary
from training.selectors import summary_figures, summary_keys
from training.services import SUMMARY_BATCH, summaries_refresh


class Command(BaseCommand):
    help = "Rebuild the yearly training summaries from the records (or --check them)."

    def add_arguments(self, parser):
        parser.add_argument("--school-year", help="Only this school year, e.g. 2026-2027.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; list the summaries that differ from a recount and fail if any.",
        )
        parser.add_argument("--batch-size", type=int, default=SUMMARY_BATCH)

    def handle(self, *args, school_year=None, check=False, batch_size=SUMMARY_BATCH, **options):
        if school_year and not SCHOOL_YEAR_PATTERN.match(school_year):
            raise CommandError("Write the school year as 2026-2027.")
        self.verbosity = options.get("verbosity", 1)
        keys = sorted(summary_keys(school_year=school_year))
        differing = 0
        for start in range(0, len(keys), batch_size):
            batch = keys[start : start + batch_size]
            if check:
                differing += self.compare(batch)
                continue
            with transaction.atomic():
                summaries_refresh(keys=batch)
        if check:
            self.stdout.write(f"{len(keys)} summaries checked, {differing} differ from a recount.")
            if differing:
                raise CommandError("Some summaries differ from the records: run without --check.")
        else:
            self.stdout.write(f"{len(keys)} summaries recomputed.")

    def compare(self, batch) -> int:
        figures = summary_figures(batch)
        rows = {
            (row.user_id, row.school_year): row
            for row in YearSummary.objects.filter(
                user_id__in={user_id for user_id, _ in batch},
                school_year__in={year for _, year in batch},
            )
        }
        differing = 0
        for key in batch:
            row = rows.get(key)
            wrong = (
                ["missing"]
                if row is None
                else [name for name, value in figures[key].items() if getattr(row, name) != value]
            )
            if wrong:
                differing += 1
                if self.verbosity >= 2:
                    self.stdout.write(f"  person {key[0]}, {key[1]}: {', '.join(wrong)}")
        return differing
