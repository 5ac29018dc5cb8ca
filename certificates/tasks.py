"""Background work, run by `manage.py db_worker` (in development and tests the immediate
backend runs it at once). An issue refused for a reason a person must fix (no issuer
configured yet, a year no longer completed) is logged and skipped, not retried."""

import logging

from django.core.exceptions import ValidationError
from django.tasks import task

logger = logging.getLogger(__name__)


@task()
def bulk_issue_task(bulk_issue_id: int) -> dict:
    from certificates.services import bulk_issue_run

    return bulk_issue_run(bulk_issue_id=bulk_issue_id)


@task()
def issue_year_certificate_task(summary_id: int) -> str:
    from certificates.services import certificate_issue_year
    from training.models import YearSummary

    summary = YearSummary.objects.select_related("user", "unit").filter(pk=summary_id).first()
    if summary is None:
        return ""
    try:
        return certificate_issue_year(summary=summary, acting_user=None).code
    except ValidationError as refusal:
        logger.info("No yearly certificate for summary %s: %s", summary_id, refusal.messages)
        return ""


@task()
def issue_module_certificate_task(completion_id: int) -> str:
    from certificates.services import certificate_issue_module
    from training.models import Completion

    completion = Completion.objects.select_related("user", "module").filter(pk=completion_id)
    completion = completion.first()
    if completion is None:
        return ""
    try:
        return certificate_issue_module(completion=completion, acting_user=None).code
    except ValidationError as refusal:
        logger.info("No module certificate for completion %s: %s", completion_id, refusal.messages)
        return ""
