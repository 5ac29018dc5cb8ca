"""Evidence files: which files a face-to-face record may carry. A file is accepted when its
extension is on the allow-list, its size is within TRAINING_EVIDENCE_MAX_BYTES, and its first
bytes are those of the type its extension names (a renamed .exe is refused), and what it becomes
once opened is bounded too (courses.upload_checks: a photo's pixels, a document's unpacked
parts)."""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from courses.upload_checks import archive_check, image_check

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: The most files one record may carry.
MAX_FILES = 10

_ZIP = b"PK\x03\x04"
_ODT = "application/vnd.oasis.opendocument.text"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: extension -> (content type, the bytes the file starts with)
ALLOWED = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".docx": (_DOCX, _ZIP),
    ".odt": (_ODT, _ZIP),
}

ERROR_TYPE = _(
    "“%(name)s” is not a file type we accept. Send a PDF, a photo (JPG, PNG) or a document "
    "(DOCX, ODT)."
)
ERROR_CONTENT = _("“%(name)s” is not really a %(type)s file. Send the original file.")
ERROR_SIZE = _("“%(name)s” is %(size)s; a file may be at most %(limit)s.")
ERROR_EMPTY = _("“%(name)s” is empty.")
ERROR_TOO_MANY = _("A record may carry at most %(count)d files.")


@dataclass(frozen=True)
class CheckedFile:
    file: object
    name: str
    size: int
    content_type: str


def max_bytes() -> int:
    return getattr(settings, "TRAINING_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES)


def _zip_kind(file) -> str | None:
    """The document type inside a zip container: DOCX or ODT, else None."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    if entry.read(len(_ODT) + 1).decode("ascii", "replace").strip() == _ODT:
                        return _ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return _DOCX
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        return None
    return None


def evidence_check(file) -> CheckedFile:
    """Check one uploaded file; raise ValidationError with a sentence naming it."""
    name = PurePath(getattr(file, "name", "") or "").name
    extension = PurePath(name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(ERROR_TYPE % {"name": name}, code="evidence_type")
    size = file.size
    if not size:
        raise ValidationError(ERROR_EMPTY % {"name": name}, code="evidence_empty")
    if size > max_bytes():
        raise ValidationError(
            ERROR_SIZE
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
            code="evidence_size",
        )
    content_type, magic = ALLOWED[extension]
    file.seek(0)
    head = file.read(len(magic))
    file.seek(0)
    genuine = head == magic
    if genuine and magic == _ZIP:
        archive_check(file, name=name)
        genuine = _zip_kind(file) == content_type
        file.seek(0)
    if not genuine:
        raise ValidationError(
            ERROR_CONTENT % {"name": name, "type": extension[1:].upper()}, code="evidence_content"
        )
    if content_type.startswith("image/"):
        image_check(file, name=name)
    return CheckedFile(file=file, name=name, size=size, content_type=content_type)
