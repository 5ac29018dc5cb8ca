"""Bounds on what an uploaded file becomes once opened, not only on the bytes sent: a small
file can unpack into gigabytes (a zip bomb) or decode into a huge picture (a pixel bomb).

One place for these rules, used by every upload we open: roster workbooks (.xlsx), evidence
files (DOCX, ODT, JPG, PNG) and, through WAGTAILIMAGES_MAX_IMAGE_PIXELS, Wagtail's images
(signer images included). Both checks read only the file's directory or header, never its
content, so they cost the same for a bomb as for an honest file. The limits are settings
(UPLOAD_ARCHIVE_*, UPLOAD_MAX_IMAGE_PIXELS) that operators may tune.

Lives in `courses`, the bottom of the app stack, so every app can use it."""

import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

#: Defaults when the settings do not name them (see site/portal/settings/base.py).
DEFAULTS = {
    "UPLOAD_ARCHIVE_MAX_BYTES": 64 * 1024 * 1024,
    "UPLOAD_ARCHIVE_MAX_MEMBER_BYTES": 32 * 1024 * 1024,
    "UPLOAD_ARCHIVE_MAX_MEMBERS": 1000,
    "UPLOAD_ARCHIVE_MAX_RATIO": 100,
    "UPLOAD_MAX_IMAGE_PIXELS": 50_000_000,
}
#: Parts smaller than this are never refused for their compression ratio alone (a few
#: kilobytes of repeated XML may well pack a hundredfold and harm nothing).
RATIO_FLOOR = 1024 * 1024

ERROR_ARCHIVE_SIZE = _(
    "“%(name)s” unpacks to more than %(limit)s when opened; split it into smaller files."
)
ERROR_ARCHIVE_SHAPE = _(
    "“%(name)s” is packed in an unusual way (too many parts or too tightly compressed) and "
    "was not opened; save it again from Excel or Word and send it once more."
)
ERROR_IMAGE_PIXELS = _(
    "“%(name)s” is too large a picture: at most %(limit)s million pixels are accepted, so send "
    "a smaller copy of it."
)
ERROR_IMAGE_UNREADABLE = _("“%(name)s” could not be read as a picture; send the original photo.")


def limit(name: str) -> int:
    return getattr(settings, name, DEFAULTS[name])


def archive_check(file, *, name: str) -> None:
    """Refuse a zip container (XLSX, DOCX, ODT) whose parts, as its directory declares them,
    are too many, too large in total or one by one once unpacked, or packed too tightly.
    Python's zipfile never unpacks more than a part's declared size (and then checks its CRC),
    so the directory is what openpyxl or any reader of ours will really get. A file that is
    not a readable zip passes: its reader refuses it in its own words. Rewinds the file."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return
    finally:
        file.seek(0)
    if len(members) > limit("UPLOAD_ARCHIVE_MAX_MEMBERS"):
        raise ValidationError(ERROR_ARCHIVE_SHAPE % {"name": name}, code="archive_shape")
    total_limit = limit("UPLOAD_ARCHIVE_MAX_BYTES")
    member_limit = limit("UPLOAD_ARCHIVE_MAX_MEMBER_BYTES")
    ratio = limit("UPLOAD_ARCHIVE_MAX_RATIO")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > member_limit or total > total_limit:
            raise ValidationError(
                ERROR_ARCHIVE_SIZE % {"name": name, "limit": filesizeformat(total_limit)},
                code="archive_size",
            )
        if member.file_size > RATIO_FLOOR and member.file_size > ratio * member.compress_size:
            raise ValidationError(ERROR_ARCHIVE_SHAPE % {"name": name}, code="archive_shape")


def image_check(file, *, name: str) -> None:
    """Refuse a picture of more than UPLOAD_MAX_IMAGE_PIXELS pixels (every frame of an
    animation counted), or one whose header cannot be read. Reads the header only: the picture
    is never decoded. Rewinds the file."""
    most = limit("UPLOAD_MAX_IMAGE_PIXELS")
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        width, height, frames = most + 1, 1, 1  # past Pillow's own bound, so past ours too
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ValidationError(
            ERROR_IMAGE_UNREADABLE % {"name": name}, code="image_unreadable"
        ) from exc
    finally:
        file.seek(0)
    if width * height * frames > most:
        raise ValidationError(
            ERROR_IMAGE_PIXELS % {"name": name, "limit": f"{most / 1_000_000:g}"},
            code="image_pixels",
        )
