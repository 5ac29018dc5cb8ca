"""Background work of the training app (django.tasks; `manage.py db_worker` runs it)."""

from django.core.management import call_command
from django.tasks import task


@task
def summaries_recompute_task(school_year: str | None = None) -> None:
    """Recount the year summaries from the records, e.g. nightly or after an import: the same
    work as `manage.py recompute_summaries`."""
    args = ["--school-year", school_year] if school_year else []
    call_command("recompute_summaries", *args, verbosity=0)
