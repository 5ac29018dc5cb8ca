"""The roster import's one write: apply a file that a dry run found free of errors."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from training.models import User
from training.roster.planning import Planner, RosterReport
from training.roster.reader import RosterFileError, read_tables
from training.roster.uploads import Upload, upload_discard

#: Who may import: add and change staff (units rows need the unit permissions as well).
IMPORT_PERMISSIONS = ("training.add_staffprofile", "training.change_staffprofile")

ERROR_HAS_ERRORS = _(
    "The file has %(count)d rows with errors: nothing was imported. Correct them and check the "
    "file again."
)


def roster_may_import(user: User) -> bool:
    return user.is_active and user.has_perms(IMPORT_PERMISSIONS)


@transaction.atomic
def roster_apply(*, upload: Upload, acting_user: User) -> RosterReport:
    """Apply every row of the uploaded file in one transaction: if any row has an error nothing
    is written. Records an audit entry for the import and one per account created or changed;
    the kept file is deleted once applied. The report's `accounts` hold the new accounts'
    initial passwords, which exist nowhere else."""
    if not roster_may_import(acting_user):
        raise PermissionDenied
    planner = Planner(acting_user=acting_user, file_name=upload.name, write=True)
    try:
        with upload.open() as binary:
            report = planner.run(read_tables(binary, name=upload.name))
    except RosterFileError as exc:
        raise ValidationError(str(exc), code="file") from exc
    if report.has_errors:
        raise ValidationError(ERROR_HAS_ERRORS % {"count": report.error_count}, code="rows")
    log(
        instance=acting_user,
        action="hoctap.roster_import",
        user=acting_user,
        uuid=planner.log_uuid,
        data={"file": upload.name, **report.summary()},
    )
    transaction.on_commit(lambda: upload_discard(upload))
    return report
