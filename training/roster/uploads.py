"""An uploaded roster file, kept between the dry run and the apply step.

The file is stored under an unguessable name in the private storage, which no address serves
(`training.private_files.private_storage`). The page of the dry run carries a signed token
naming the file, its SHA-256, its original name and the person who uploaded it; applying checks
all four and that the token is younger than UPLOAD_TTL, so only the very file that was dry-run,
by the same person, can be applied. Files older than UPLOAD_TTL are deleted at the next upload."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.upload_checks import archive_check
from training.models import User
from training.private_files import private_storage

UPLOAD_TTL = timedelta(hours=1)
MAX_BYTES = 10 * 1024 * 1024
FOLDER = "roster-imports"
EXTENSIONS = (".csv", ".xlsx", ".txt")
_SALT = "training.roster.upload"

ERROR_EXPIRED = _(
    "This dry run has expired or its file was already applied. Upload the file again to check "
    "it once more."
)
ERROR_TYPE = _("Send a CSV file (.csv) or an Excel workbook (.xlsx).")
ERROR_SIZE = _("The file is larger than 10 MB. Split it into smaller files.")
ERROR_EMPTY = _("The file is empty.")


@dataclass(frozen=True)
class Upload:
    path: str
    name: str
    sha256: str
    user_id: int

    @property
    def token(self) -> str:
        return signing.dumps(
            {"p": self.path, "n": self.name, "h": self.sha256, "u": self.user_id}, salt=_SALT
        )

    def open(self):
        return private_storage().open(self.path, "rb")


def _sha256(binary) -> str:
    binary.seek(0)
    digest = hashlib.sha256()
    while chunk := binary.read(64 * 1024):
        digest.update(chunk)
    binary.seek(0)
    return digest.hexdigest()


def upload_keep(*, file, user: User) -> Upload:
    """Check the file's type and size (a workbook's also once unpacked: courses.upload_checks),
    store it, and return what identifies it."""
    name = PurePath(file.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ValidationError(ERROR_TYPE, code="type")
    if file.size == 0:
        raise ValidationError(ERROR_EMPTY, code="empty")
    if file.size > MAX_BYTES:
        raise ValidationError(ERROR_SIZE, code="size")
    archive_check(file, name=name)
    uploads_expire()
    storage = private_storage()
    path = storage.save(f"{FOLDER}/{secrets.token_urlsafe(24)}{suffix}", File(file))
    return Upload(path=path, name=name, sha256=_sha256(file), user_id=user.pk)


def upload_find(*, token: str, user: User) -> Upload:
    """The upload a token names, if it is this person's, unexpired, and unchanged on disk."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=UPLOAD_TTL)
    except signing.BadSignature as exc:
        raise ValidationError(ERROR_EXPIRED, code="expired") from exc
    upload = Upload(path=data["p"], name=data["n"], sha256=data["h"], user_id=data["u"])
    if upload.user_id != user.pk or not private_storage().exists(upload.path):
        raise ValidationError(ERROR_EXPIRED, code="expired")
    with upload.open() as binary:
        if _sha256(binary) != upload.sha256:
            raise ValidationError(ERROR_EXPIRED, code="expired")
    return upload


def upload_discard(upload: Upload) -> None:
    private_storage().delete(upload.path)


def uploads_expire() -> int:
    """Delete kept files older than UPLOAD_TTL; returns how many."""
    storage = private_storage()
    try:
        _folders, files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    limit = timezone.now() - UPLOAD_TTL
    expired = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        try:
            if storage.get_modified_time(path) < limit:
                storage.delete(path)
                expired += 1
        except (FileNotFoundError, NotImplementedError):
            continue
    return expired
