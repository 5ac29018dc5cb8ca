"""Writes: storing xAPI statements and applying those about our lessons and modules through
training.services (the only place progress and completions are written)."""

import json
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import LessonPage, ModulePage
from training.models import Enrolment, StaffProfile
from training.services import (
    attempt_record_external,
    completion_record,
    enrolment_self,
    lesson_view_record,
)
from xapi.models import Outcome, Statement
from xapi.selectors import activity_page

VERSION = "1.0.3"
ADL = "http://adlnet.gov/expapi/verbs/"
EXPERIENCED, PROGRESSED, COMPLETED = ADL + "experienced", ADL + "progressed", ADL + "completed"
PASSED, FAILED, VOIDED = ADL + "passed", ADL + "failed", ADL + "voided"
LESSON_VERBS = frozenset({EXPERIENCED, PROGRESSED, COMPLETED})
MODULE_VERBS = frozenset({COMPLETED, PASSED, FAILED})

ERROR_DUPLICATE_IN_BATCH = _("Two statements in this request have the same id %(id)s.")
ERROR_CONFLICT = _(
    "A statement with the id %(id)s is already stored with different content. Statements "
    "cannot be changed: send a new statement with a new id."
)


class StatementConflict(Exception):
    """A statement id already stored with different content (409 Conflict)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Result:
    id: str
    outcome: str


def _verb_id(statement: dict) -> str:
    verb = statement["verb"]["id"]
    # Some tools write the ADL verbs with https.
    return (
        ADL + verb.removeprefix("https://adlnet.gov/expapi/verbs/")
        if verb.startswith("https://adlnet.gov/expapi/verbs/")
        else verb
    )


def _comparable(statement: dict) -> str:
    """The statement without what the xAPI statement comparison ignores (the properties the
    LRS sets, the verb's display, the activity's definition)."""
    data = {
        key: value
        for key, value in statement.items()
        if key not in ("id", "authority", "stored", "timestamp", "version", "attachments")
    }
    data["verb"] = {k: v for k, v in data["verb"].items() if k != "display"}
    if isinstance(data.get("object"), dict):
        data["object"] = {k: v for k, v in data["object"].items() if k != "definition"}
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _authority(user) -> dict:
    from django.conf import settings

    base = (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")
    return {
        "objectType": "Agent",
        "name": user.full_name,
        "account": {"homePage": base or "https://hoctap.local", "name": user.username},
    }


def _scaled_score(statement: dict) -> Decimal | None:
    """The result's score from 0 to 1: `scaled`, else `raw` within `min` (0 when absent) and
    `max`; None when there is none. A negative scaled score counts as 0."""
    score = (statement.get("result") or {}).get("score") or {}
    try:
        if "scaled" in score:
            scaled = Decimal(str(score["scaled"]))
        elif "raw" in score and "max" in score:
            low, high = Decimal(str(score.get("min", 0))), Decimal(str(score["max"]))
            if high <= low:
                return None
            scaled = (Decimal(str(score["raw"])) - low) / (high - low)
        else:
            return None
    except (InvalidOperation, ValueError):
        return None
    if not scaled.is_finite():
        return None
    return min(max(scaled, Decimal(0)), Decimal(1))


def _apply_lesson(lesson: LessonPage, user) -> str:
    if lesson_view_record(lesson=lesson, acting_user=user) is None:
        return Outcome.NOT_RECORDED
    return Outcome.LESSON_STUDIED


#: A refusal of attempt_record_external, as the statement's outcome.
_SCORE_REFUSALS = {
    "attempt_limit": Outcome.ATTEMPT_LIMIT,
    "already_completed": Outcome.ALREADY_COMPLETED,
    "assessed_on_platform": Outcome.ASSESSED_ON_PLATFORM,
}


def _enrolment(module: ModulePage, user) -> Enrolment | None:
    """The person's enrolment in the module; a trainee is enrolled in an open module, as
    opening one of its lessons would."""
    enrolment = Enrolment.objects.filter(user=user, module=module).first()
    if enrolment is None and StaffProfile.objects.filter(user=user).exists():
        try:
            enrolment = enrolment_self(module=module, acting_user=user)
        except ValidationError:
            return None
    return enrolment


def _apply_score(module: ModulePage, scaled: Decimal, statement: dict, user) -> str:
    """A score counts as an attempt (training.services.attempt_record_external), on the
    10-point scale; the module's pass mark decides, the statement's `success` is kept."""
    enrolment = _enrolment(module, user)
    if enrolment is None:
        return Outcome.NOT_RECORDED
    success = (statement.get("result") or {}).get("success")
    try:
        attempt = attempt_record_external(
            enrolment=enrolment,
            score=(scaled * 10).quantize(Decimal("0.01")),
            success=success if isinstance(success, bool) else None,
            source_ref=str(statement["id"]),
            acting_user=user,
        )
    except ValidationError as error:
        return _SCORE_REFUSALS.get(error.code, Outcome.NOT_RECORDED)
    if attempt.completion is not None:
        return Outcome.MODULE_COMPLETED
    return Outcome.SCORE_RECORDED if attempt.passed else Outcome.SCORE_BELOW_PASS_MARK


def _apply_module(module: ModulePage, verb: str, statement: dict, user) -> str:
    if module.final_quiz() is not None:
        return Outcome.ASSESSED_ON_PLATFORM
    scaled = _scaled_score(statement)
    if scaled is not None:
        return _apply_score(module, scaled, statement, user)
    if verb == FAILED:
        return Outcome.FAILED
    enrolment = Enrolment.objects.filter(user=user, module=module).first()
    if enrolment is None:
        return Outcome.RULE_NOT_MET
    try:
        completion_record(enrolment=enrolment, acting_user=user)
    except ValidationError as error:
        return Outcome.RULE_NOT_MET if error.code == "rule_not_met" else Outcome.NOT_RECORDED
    return Outcome.MODULE_COMPLETED


def _apply(statement: dict, user) -> str:
    verb = _verb_id(statement)
    target = statement["object"]
    if verb == VOIDED:
        if target.get("objectType") != "StatementRef":
            return Outcome.UNKNOWN_VERB
        voided = (
            Statement.objects.filter(user=user, statement_id=target["id"])
            .exclude(verb=VOIDED)
            .update(voided=True)
        )
        return Outcome.VOIDED if voided else Outcome.VOID_TARGET_UNKNOWN
    if target.get("objectType", "Activity") != "Activity":
        return Outcome.UNKNOWN_ACTIVITY
    page = activity_page(target["id"])
    if page is None:
        return Outcome.UNKNOWN_ACTIVITY
    if isinstance(page, LessonPage) and verb in LESSON_VERBS:
        return _apply_lesson(page, user)
    if isinstance(page, ModulePage) and verb in MODULE_VERBS:
        return _apply_module(page, verb, statement, user)
    return Outcome.UNKNOWN_VERB


@transaction.atomic
def statements_record(*, statements: list[dict], acting_user) -> list[Result]:
    """Store statements (already checked against the xAPI shape) sent by `acting_user`, and
    apply those about our lessons and modules. All or nothing: a duplicate id in the batch is
    refused (ValidationError), an id already stored with other content is a conflict
    (StatementConflict); an id already stored with the same content is not stored again. The
    person the token belongs to is whom the statements count for, whatever their actor says."""
    ids = [str(statement.get("id") or "").lower() for statement in statements]
    given = [i for i in ids if i]
    if len(given) != len(set(given)):
        duplicate = next(i for i in given if given.count(i) > 1)
        raise ValidationError(ERROR_DUPLICATE_IN_BATCH % {"id": duplicate}, code="duplicate_id")
    existing = {
        str(row.statement_id): row for row in Statement.objects.filter(statement_id__in=given)
    }
    now = timezone.now()
    results = []
    for statement, statement_id in zip(statements, ids, strict=True):
        if statement_id in existing:
            row = existing[statement_id]
            if row.user_id != acting_user.pk or _comparable(row.data) != _comparable(statement):
                raise StatementConflict(ERROR_CONFLICT % {"id": statement_id})
            results.append(Result(id=statement_id, outcome=Outcome.ALREADY_STORED))
            continue
        statement_id = statement_id or str(uuid.uuid4())
        stored = {
            **statement,
            "id": statement_id,
            "timestamp": statement.get("timestamp") or now.isoformat(),
            "stored": now.isoformat(),
            "authority": _authority(acting_user),
            "version": statement.get("version") or "1.0.0",
        }
        outcome = _apply(stored, acting_user)
        try:
            with transaction.atomic():
                Statement.objects.create(
                    statement_id=statement_id,
                    user=acting_user,
                    verb=_verb_id(statement)[:2048],
                    activity=str(statement["object"].get("id", ""))[:2048],
                    data=stored,
                    stored=now,
                    outcome=outcome,
                )
        except IntegrityError:
            # The same id stored meanwhile by a concurrent request: compare with that one.
            row = Statement.objects.get(statement_id=statement_id)
            if row.user_id != acting_user.pk or _comparable(row.data) != _comparable(statement):
                raise StatementConflict(ERROR_CONFLICT % {"id": statement_id}) from None
            outcome = Outcome.ALREADY_STORED
        results.append(Result(id=statement_id, outcome=outcome))
    return results
