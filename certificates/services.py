"""Writes. Issuing, revoking and re-issuing certificates, issuers' keys, bulk issues.

Issuing is idempotent and safe under concurrency: the holder's row is locked before looking
for an existing certificate, and the database refuses a second current certificate for the
same person and school year (or module) whatever happens. Serial numbers and status-list bits
are taken from counter rows under a lock, so two issues never share one.
"""

import logging
import secrets
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from certificates import credentials
from certificates.models import (
    BulkIssue,
    BulkIssueStatus,
    Certificate,
    CertificateKind,
    Issuer,
    IssuerKey,
    SerialCounter,
    StatusList,
)
from certificates.printing import Subject, printed_data, render_pdf, serial_text
from certificates.selectors import active_key, issuer_for_unit, template_for
from courses.school_year import validate_school_year
from courses.text import nfc
from training.models import Completion, Unit, User, YearStatus, YearSummary
from training.selectors import units_visible_to
from training.services import (
    ERROR_NOT_ALLOWED,
    ERROR_OUT_OF_REACH,
    ERROR_UNIT_OUT_OF_REACH,
    province_settings_guard,
)

logger = logging.getLogger(__name__)

ERROR_YEAR_NOT_COMPLETED = _(
    "%(name)s has not completed the training plan of the school year %(year)s, so no "
    "certificate can be issued for it."
)
ERROR_NO_ISSUER = _(
    "No unit at or above “%(unit)s” is configured to issue certificates. Configure an issuer first."
)
ERROR_NO_UNIT = _("%(name)s belongs to no unit, so no issuer can be found for them.")
ERROR_NO_TEMPLATE = _("There is no certificate template for this kind of certificate.")
ERROR_MODULE_NO_CERTIFICATE = _("The module “%(module)s” does not issue certificates.")
ERROR_REASON_REQUIRED = _("Give the reason for revoking the certificate.")
ERROR_CORRECTION_REQUIRED = _("Say what was corrected before re-issuing the certificate.")
ERROR_ALREADY_REVOKED = _("This certificate has already been revoked.")
ERROR_REPLACED = _("This certificate has been replaced by a newer one: act on that one instead.")
ERROR_SOURCE_GONE = _("The training record this certificate was issued for no longer exists.")

ISSUE_PERMISSION = "certificates.issue_certificate"
REVOKE_PERMISSION = "certificates.revoke_certificate"

#: How often a bulk issue writes its progress (certificates between two updates).
PROGRESS_EVERY = 10
#: Year summaries read per query by a bulk issue (memory stays flat however many there are).
BULK_CHUNK = 200


# Issuers and keys -----------------------------------------------------------------------------


def _key_create(issuer: Issuer) -> IssuerKey:
    new = credentials.key_generate()
    return IssuerKey.objects.create(
        issuer=issuer,
        kid=new.kid,
        public_key_pem=new.public_pem,
        private_key_encrypted=new.private_encrypted,
    )


@transaction.atomic
def issuer_key_rotate(*, issuer: Issuer, acting_user: User | None) -> IssuerKey:
    """Retire the issuer's signing key and make a new one. What the old key signed stays
    verifiable: its public half stays published."""
    Issuer.objects.select_for_update().get(pk=issuer.pk)
    IssuerKey.objects.filter(issuer=issuer, retired_at__isnull=True).update(
        retired_at=timezone.now()
    )
    key = _key_create(issuer)
    log(
        instance=issuer,
        action="hoctap.certificate.key_rotate",
        user=acting_user,
        data={"kid": key.kid},
    )
    return key


@transaction.atomic
def issuer_create(*, unit: Unit, acting_user: User | None, **fields) -> Issuer:
    """Configure a unit as issuer (the fields of Issuer: names, signer, serial format, …) and
    give it its first signing key. A person configures only a unit within their reach, and
    gives it a signature and seal image only if they may change province-wide settings."""
    if acting_user is not None:
        if not (acting_user.is_active and acting_user.has_perm("certificates.add_issuer")):
            raise PermissionDenied(ERROR_NOT_ALLOWED)
        if not units_visible_to(acting_user).filter(pk=unit.pk).exists():
            raise PermissionDenied(ERROR_UNIT_OUT_OF_REACH)
        if fields.get("signature"):
            province_settings_guard(acting_user)
    issuer = Issuer(unit=unit, **fields)
    issuer.full_clean()
    issuer.save()
    _key_create(issuer)
    log(instance=issuer, action="wagtail.create", user=acting_user)
    return issuer


def _require(acting_user: User | None, permission: str, *, unit=None, holder=None) -> None:
    """A person acts only with their role's permission, on a unit or a holder within their
    reach (the system, with no acting_user, is not asked: tasks, the demo, commands)."""
    if acting_user is None or (acting_user.is_active and acting_user.is_superuser):
        return
    if not (acting_user.is_active and acting_user.has_perm(permission)):
        raise PermissionDenied(ERROR_NOT_ALLOWED)
    reach = units_visible_to(acting_user)
    if unit is not None and not reach.filter(pk=unit.pk).exists():
        raise PermissionDenied(ERROR_UNIT_OUT_OF_REACH)
    if (
        holder is not None
        and not User.objects.filter(pk=holder.pk, profile__unit__in=reach).exists()
    ):
        raise PermissionDenied(ERROR_OUT_OF_REACH)


def _signing_key(issuer: Issuer) -> IssuerKey:
    key = active_key(issuer)
    if key is not None:
        return key
    Issuer.objects.select_for_update().get(pk=issuer.pk)
    return active_key(issuer) or _key_create(issuer)


def _next_serial(issuer: Issuer, year: int) -> int:
    counter, _created = SerialCounter.objects.get_or_create(issuer=issuer, year=year)
    counter = SerialCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _next_status_bit(issuer: Issuer) -> tuple[StatusList, int]:
    status_list = (
        StatusList.objects.select_for_update().filter(issuer=issuer).order_by("-number").first()
    )
    if status_list is None or status_list.next_index >= status_list.size:
        number = status_list.number + 1 if status_list else 1
        StatusList.objects.get_or_create(issuer=issuer, number=number)
        status_list = StatusList.objects.select_for_update().get(issuer=issuer, number=number)
    index = status_list.next_index
    status_list.next_index += 1
    status_list.save(update_fields=["next_index"])
    return status_list, index


# What is certified ----------------------------------------------------------------------------


def _holder_unit(user: User) -> Unit | None:
    profile = getattr(user, "profile", None)
    return profile.unit if profile else None


def year_subject(*, summary: YearSummary, completed_on: date | None = None) -> Subject:
    """A year summary as the certificate states it. The date is the local date on which the
    plan was completed: the last completion or approved record of the year unless given."""
    unit = summary.unit or _holder_unit(summary.user)
    return Subject(
        kind=CertificateKind.YEAR,
        holder_name=summary.user.full_name,
        unit_name=unit.name if unit else "",
        school_year=summary.school_year,
        hours=summary.hours_total,
        completed_on=completed_on or year_completed_on(summary),
    )


def year_completed_on(summary: YearSummary) -> date:
    """The local date the last requirement of the year was met: the latest of the year's module
    completions, approved face-to-face records and the plan's approval."""
    from training.models import PlanStatus, RecordStatus, TrainingPlan, TrainingRecord

    person, year = summary.user_id, summary.school_year
    days = list(
        Completion.objects.filter(user_id=person, school_year=year).values_list(
            "completed_on", flat=True
        )
    )
    moments = list(
        TrainingRecord.objects.filter(
            user_id=person, school_year=year, status=RecordStatus.APPROVED
        )
        .exclude(decided_at=None)
        .values_list("decided_at", flat=True)
    ) + list(
        TrainingPlan.objects.filter(user_id=person, school_year=year, status=PlanStatus.APPROVED)
        .exclude(decided_at=None)
        .values_list("decided_at", flat=True)
    )
    days += [timezone.localdate(moment) for moment in moments]
    return max(days) if days else timezone.localdate(summary.updated_at)


def module_subject(*, completion: Completion) -> Subject:
    unit = _holder_unit(completion.user)
    return Subject(
        kind=CertificateKind.MODULE,
        holder_name=completion.user.full_name,
        unit_name=unit.name if unit else "",
        school_year=completion.school_year,
        hours=completion.hours,
        completed_on=completion.completed_on,
        module_code=completion.module_code,
        module_title=completion.module_title,
    )


# Issuing --------------------------------------------------------------------------------------


def _existing(*, holder: User, kind: str, school_year: str, module_id: int | None):
    current = Certificate.objects.current().filter(holder=holder, kind=kind)
    if kind == CertificateKind.MODULE:
        return current.filter(module_id=module_id).first()
    return current.filter(school_year=school_year).first()


def _issue(
    *,
    holder: User,
    subject: Subject,
    module=None,
    acting_user: User | None,
    replaces: Certificate | None = None,
    correction: str = "",
) -> tuple[Certificate, bool]:
    """Issue one certificate, or return the current one for the same thing. Runs inside the
    caller's transaction; returns (certificate, created)."""
    User.objects.select_for_update().filter(pk=holder.pk).first()
    if replaces is None:
        existing = _existing(
            holder=holder,
            kind=subject.kind,
            school_year=subject.school_year,
            module_id=module.pk if module else None,
        )
        if existing is not None:
            return existing, False

    unit = _holder_unit(holder)
    if replaces is not None:
        issuer = replaces.issuer
    else:
        if unit is None:
            raise ValidationError(ERROR_NO_UNIT % {"name": holder.full_name})
        issuer = issuer_for_unit(unit)
        if issuer is None:
            raise ValidationError(ERROR_NO_ISSUER % {"unit": unit.name})
    template = template_for(issuer=issuer, kind=subject.kind, module=module)
    if template is None:
        raise ValidationError(ERROR_NO_TEMPLATE)

    now = timezone.now()
    serial_year = timezone.localdate(now).year
    key = _signing_key(issuer)
    number = _next_serial(issuer, serial_year)
    status_list, status_index = _next_status_bit(issuer)
    code = secrets.token_urlsafe(20)
    data = printed_data(
        subject=subject,
        issuer=issuer,
        template=template,
        code=code,
        serial=serial_text(issuer, number=number, year=serial_year),
    )
    pdf_bytes = render_pdf(data, background=template.background, signature=issuer.signature)
    credential = credentials.credential_build(
        code=code,
        issuer=issuer,
        data=data,
        status_list=status_list,
        status_index=status_index,
        issued_at=now,
    )
    certificate = Certificate(
        code=code,
        kind=subject.kind,
        holder=holder,
        issuer=issuer,
        school_year=subject.school_year,
        module=module,
        serial_year=serial_year,
        serial_number=number,
        serial=data["serial"],
        status_list=status_list,
        status_index=status_index,
        signing_key=key,
        completed_on=subject.completed_on,
        issued_at=now,
        issued_by=acting_user,
        data=data,
        credential=credentials.credential_sign(credential, key=key, created=now),
        correction=correction,
    )
    certificate.pdf.save(f"{code}.pdf", ContentFile(pdf_bytes), save=False)
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        # Another process issued the same certificate between our look and our insert.
        certificate.pdf.delete(save=False)
        existing = _existing(
            holder=holder,
            kind=subject.kind,
            school_year=subject.school_year,
            module_id=module.pk if module else None,
        )
        if existing is None or replaces is not None:
            raise
        return existing, False
    log(
        instance=certificate,
        action="hoctap.certificate.issue",
        user=acting_user,
        data={"serial": certificate.serial, "replaces": replaces.code if replaces else None},
    )
    return certificate, True


@transaction.atomic
def certificate_issue_year(
    *, summary: YearSummary, acting_user: User | None, completed_on: date | None = None
) -> Certificate:
    """The yearly certificate of a person whose year summary says "completed the plan";
    the one already issued when there is one."""
    _require(acting_user, ISSUE_PERMISSION, holder=summary.user)
    if summary.status != YearStatus.COMPLETED:
        raise ValidationError(
            ERROR_YEAR_NOT_COMPLETED % {"name": summary.user.full_name, "year": summary.school_year}
        )
    certificate, _created = _issue(
        holder=summary.user,
        subject=year_subject(summary=summary, completed_on=completed_on),
        acting_user=acting_user,
    )
    return certificate


@transaction.atomic
def certificate_issue_for_year(
    *, holder: User, school_year: str, acting_user: User | None
) -> Certificate:
    """The same, from a person and a school year (refused when the year is not completed)."""
    validate_school_year(school_year)
    summary = (
        YearSummary.objects.select_related("user", "unit")
        .filter(user=holder, school_year=school_year)
        .first()
    )
    if summary is None:
        raise ValidationError(
            ERROR_YEAR_NOT_COMPLETED % {"name": holder.full_name, "year": school_year}
        )
    return certificate_issue_year(summary=summary, acting_user=acting_user)


@transaction.atomic
def certificate_issue_module(*, completion: Completion, acting_user: User | None) -> Certificate:
    """The module certificate of a completion, when the module asks for one."""
    module = completion.module
    if not _module_issues_certificate(module):
        raise ValidationError(ERROR_MODULE_NO_CERTIFICATE % {"module": completion.module_title})
    certificate, _created = _issue(
        holder=completion.user,
        subject=module_subject(completion=completion),
        module=module,
        acting_user=acting_user,
    )
    return certificate


def _module_issues_certificate(module) -> bool:
    from certificates.models import ModuleCertificateRule

    return ModuleCertificateRule.objects.filter(module=module).exists()


# Life cycle -----------------------------------------------------------------------------------


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, reason: str, acting_user: User | None
) -> Certificate:
    """Revoke with a reason, which the verification page then shows. The revocation bit of
    the certificate's credential is set in its issuer's status list."""
    _require(acting_user, REVOKE_PERMISSION, holder=certificate.holder)
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": ERROR_REASON_REQUIRED})
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.replaced_at is not None:
        raise ValidationError(ERROR_REPLACED)
    if certificate.revoked_at is not None:
        raise ValidationError(ERROR_ALREADY_REVOKED)
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = acting_user
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    log(
        instance=certificate,
        action="hoctap.certificate.revoke",
        user=acting_user,
        data={"reason": reason, "serial": certificate.serial},
    )
    return certificate


@transaction.atomic
def certificate_reissue(
    *, certificate: Certificate, correction: str, acting_user: User | None
) -> Certificate:
    """Issue a new certificate in place of one that was wrong (a misspelt name, a wrong date),
    once the record it was issued from has been corrected: the new one is drawn from the
    records as they are now. The old one is kept, marked "replaced by" the new one."""
    _require(acting_user, REVOKE_PERMISSION, holder=certificate.holder)
    correction = nfc(correction)
    if not correction:
        raise ValidationError({"correction": ERROR_CORRECTION_REQUIRED})
    User.objects.select_for_update().filter(pk=certificate.holder_id).first()
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.replaced_at is not None:
        raise ValidationError(ERROR_REPLACED)
    holder = old.holder
    module = None
    completion = None
    if old.kind == CertificateKind.YEAR:
        summary = (
            YearSummary.objects.select_related("user", "unit")
            .filter(user=holder, school_year=old.school_year)
            .first()
        )
        if summary is None:
            raise ValidationError(ERROR_SOURCE_GONE)
        if summary.status != YearStatus.COMPLETED:
            raise ValidationError(
                ERROR_YEAR_NOT_COMPLETED % {"name": holder.full_name, "year": old.school_year}
            )
        subject = year_subject(summary=summary)
    else:
        completion = (
            Completion.objects.select_related("user", "module")
            .filter(user=holder, module_id=old.module_id)
            .first()
        )
        if completion is None:
            raise ValidationError(ERROR_SOURCE_GONE)
        module = completion.module
        subject = module_subject(completion=completion)

    old.replaced_at = timezone.now()
    old.save(update_fields=["replaced_at"])
    new, _created = _issue(
        holder=holder,
        subject=subject,
        module=module,
        acting_user=acting_user,
        replaces=old,
        correction=correction,
    )
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    log(
        instance=old,
        action="hoctap.certificate.replace",
        user=acting_user,
        data={"correction": correction, "replaced_by": new.code, "serial": old.serial},
    )
    return new


# Bulk issues ----------------------------------------------------------------------------------


def completed_summaries(*, unit: Unit, school_year: str):
    """Year summaries of people in a unit and the units below it who completed the plan."""
    return YearSummary.objects.filter(
        school_year=school_year,
        status=YearStatus.COMPLETED,
        user__profile__unit__path__startswith=unit.path,
    )


@transaction.atomic
def bulk_issue_request(
    *, unit: Unit, school_year: str, acting_user: User | None, enqueue: bool = True
) -> BulkIssue:
    """Ask for the yearly certificates of a unit to be issued in the background. Running it
    again issues nothing twice: whoever already has a certificate is counted and skipped.
    `enqueue=False` leaves the running to the caller (`bulk_issue_run`)."""
    _require(acting_user, ISSUE_PERMISSION, unit=unit)
    validate_school_year(school_year)
    bulk = BulkIssue.objects.create(unit=unit, school_year=school_year, requested_by=acting_user)
    log(
        instance=bulk,
        action="hoctap.certificate.bulk_issue",
        user=acting_user,
        data={"unit": unit.code, "school_year": school_year},
    )

    def start():
        from certificates.tasks import bulk_issue_task

        result = bulk_issue_task.enqueue(bulk_issue_id=bulk.pk)
        BulkIssue.objects.filter(pk=bulk.pk, task_id="").update(task_id=str(result.id)[:64])

    if enqueue:
        transaction.on_commit(start)
    return bulk


def bulk_issue_run(*, bulk_issue_id: int) -> dict:
    """The task's body: issue, one transaction per certificate, counting progress on the
    BulkIssue row. Reads the summaries in chunks, so memory does not grow with the count."""
    bulk = BulkIssue.objects.select_related("unit", "requested_by").get(pk=bulk_issue_id)
    summaries = completed_summaries(unit=bulk.unit, school_year=bulk.school_year)
    bulk.total = summaries.count()
    bulk.status = BulkIssueStatus.RUNNING
    bulk.started_at = timezone.now()
    bulk.save(update_fields=["total", "status", "started_at"])
    done = issued = already = 0
    last_pk = 0
    try:
        while True:
            chunk = list(
                summaries.filter(pk__gt=last_pk)
                .select_related("user", "user__profile__unit", "unit")
                .order_by("pk")[:BULK_CHUNK]
            )
            if not chunk:
                break
            for summary in chunk:
                with transaction.atomic():
                    _certificate, created = _issue(
                        holder=summary.user,
                        subject=year_subject(summary=summary),
                        acting_user=bulk.requested_by,
                    )
                done += 1
                issued += created
                already += not created
                if done % PROGRESS_EVERY == 0:
                    BulkIssue.objects.filter(pk=bulk.pk).update(
                        done=done, issued=issued, already=already
                    )
            last_pk = chunk[-1].pk
    except Exception as exc:
        logger.exception("Bulk issue %s failed", bulk.pk)
        BulkIssue.objects.filter(pk=bulk.pk).update(
            done=done,
            issued=issued,
            already=already,
            status=BulkIssueStatus.FAILED,
            error=str(exc)[:2000],
            finished_at=timezone.now(),
        )
        raise
    BulkIssue.objects.filter(pk=bulk.pk).update(
        done=done,
        issued=issued,
        already=already,
        status=BulkIssueStatus.DONE,
        finished_at=timezone.now(),
    )
    return {"done": done, "issued": issued, "already": already}
