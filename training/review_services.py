"""Deciding many plans or face-to-face records at once (the review queues' bulk actions).

Each item goes through the same service as a decision taken one by one (plan_approve,
plan_return, training_record_approve, training_record_reject): in its own transaction, with the
permission and the reach checked again, audited. So an item that cannot be decided — decided by
someone else meanwhile, its school year closed, its person moved out of reach — stops only
itself; the others are decided, and the outcome says which could not be and why.

Each selected item carries the version the manager was shown in the queue
(training.review_selectors); one that changed since (corrected, resubmitted, decided by someone
else) is refused with the service's sentence, like one decided meanwhile.

Ids that are not among the plans or records in the manager's reach (out of reach, unknown, the
manager's own) are never decided and only counted as "not found": the outcome does not say
whether they exist."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from courses.text import nfc
from training.models import TrainingPlan, TrainingRecord, User
from training.selectors import plans_in_reach, records_in_reach
from training.services import (
    ERROR_COMMENT_REQUIRED,
    ERROR_NOT_ALLOWED,
    ERROR_REASON_REQUIRED,
    plan_approve,
    plan_return,
    training_record_approve,
    training_record_reject,
)

#: The most items one bulk decision may name (the queues list 200 of each).
BULK_MAX = 500

ERROR_BULK_NONE = _("Select at least one item in the list.")
ERROR_BULK_TOO_MANY = _("Decide at most %(max)d items at once.")
ERROR_BULK_ACTION = _("Choose what to do with the selected items.")


@dataclass(frozen=True)
class Refusal:
    item: TrainingPlan | TrainingRecord
    reason: str


@dataclass
class BulkOutcome:
    decided: list = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    not_found: int = 0


def _reasons(error: ValidationError | PermissionDenied) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or str(ERROR_NOT_ALLOWED)


def _decide_each(
    *,
    queryset,
    items: Mapping[int, str | None],
    decide: Callable,
) -> BulkOutcome:
    wanted = list(items)
    if not wanted:
        raise ValidationError({"ids": ERROR_BULK_NONE})
    if len(wanted) > BULK_MAX:
        raise ValidationError({"ids": ERROR_BULK_TOO_MANY % {"max": BULK_MAX}})
    found = queryset.in_bulk(wanted)
    outcome = BulkOutcome(not_found=len(wanted) - len(found))
    for pk in wanted:
        item = found.get(pk)
        if item is None:
            continue
        try:
            outcome.decided.append(decide(item, items[pk]))
        except (ValidationError, PermissionDenied) as error:
            outcome.refused.append(Refusal(item=item, reason=_reasons(error)))
    return outcome


def plans_decide(
    *, items: Mapping[int, str | None], action: str, comment: str, acting_user: User
) -> BulkOutcome:
    """Approve or return (`action` "approve" or "return") each of the plans named by `items`
    ({id: the version shown}). Returning needs a comment, as one by one: without it nothing is
    decided."""
    comment = nfc(comment)
    if action == "approve":

        def decide(plan, seen):
            return plan_approve(
                plan=plan, comment=comment, acting_user=acting_user, seen_version=seen
            )

    elif action == "return":
        if not comment:
            raise ValidationError({"comment": ERROR_COMMENT_REQUIRED})

        def decide(plan, seen):
            return plan_return(
                plan=plan, comment=comment, acting_user=acting_user, seen_version=seen
            )

    else:
        raise ValidationError({"action": ERROR_BULK_ACTION})
    return _decide_each(queryset=plans_in_reach(acting_user), items=items, decide=decide)


def records_decide(
    *, items: Mapping[int, str | None], action: str, comment: str, acting_user: User
) -> BulkOutcome:
    """Approve or reject (`action` "approve" or "reject") each of the face-to-face records named
    by `items` ({id: the version shown}). Rejecting needs a reason, as one by one: without it
    nothing is decided."""
    comment = nfc(comment)
    if action == "approve":

        def decide(record, seen):
            return training_record_approve(
                record=record, comment=comment, acting_user=acting_user, seen_version=seen
            )

    elif action == "reject":
        if not comment:
            raise ValidationError({"comment": ERROR_REASON_REQUIRED})

        def decide(record, seen):
            return training_record_reject(
                record=record, reason=comment, acting_user=acting_user, seen_version=seen
            )

    else:
        raise ValidationError({"action": ERROR_BULK_ACTION})
    return _decide_each(queryset=records_in_reach(acting_user), items=items, decide=decide)
