"""Private files: evidence, issued certificates' PDFs, uploaded rosters. They live in the
`private` storage of settings.STORAGES, which no address serves (a folder outside MEDIA_ROOT, or
a private bucket); the app hands one out only after its own access check, through
`private_file_response`.

In production the web server may send the bytes itself once the app has said yes
(`PRIVATE_FILES_SENDFILE`: "nginx" answers with `X-Accel-Redirect` to an internal location,
"apache" with `X-Sendfile`); see docs/operations.md."""

import hashlib
import logging
import os
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.http import FileResponse, Http404, HttpResponse
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)

#: How the bytes leave: streamed by the app, or by nginx / Apache after the app's check.
SENDFILE_MODES = ("", "nginx", "apache")


@deconstructible(path="training.private_files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_ROOT (read at every use, so a test may point it at its own
    folder). They have no address: `url()` raises ValueError."""

    base_url = None

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage() -> Storage:
    """The storage for files only the app may hand out (settings.STORAGES["private"])."""
    return storages["private"]


def private_file_response(
    file, *, filename: str, content_type: str, as_attachment: bool = True
) -> HttpResponse:
    """The response that hands out `file` (a FieldFile of the private storage) to someone the
    caller has already checked. Never cached by browsers or proxies."""
    storage, name = file.storage, file.name
    mode = settings.PRIVATE_FILES_SENDFILE
    if not name:
        raise Http404
    if mode == "nginx":
        response = HttpResponse(content_type=content_type)
        prefix = settings.PRIVATE_FILES_INTERNAL_URL.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(name)}"
    elif mode == "apache":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = storage.path(name)
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError as error:
            logger.error("A private file is missing from its storage: %s", name)
            raise Http404 from error
        response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["Cache-Control"] = "private, no-store"
    return response


# Moving files out of the public media storage ---------------------------------------------------


@dataclass
class Moved:
    moved: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _walk(storage: Storage, folder: str):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}")


def _sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def private_files_move(
    *, folders, source: Storage | None = None, target: Storage | None = None
) -> Moved:
    """Move every file under `folders` from the public media storage to the private one, under
    the same name (so the database, which stores names, does not change). Safe to run again:
    a file already in the private storage with the same bytes is only removed from the public
    one; one with different bytes is left in both places and reported as a conflict."""
    source = source or default_storage
    target = target or private_storage()
    result = Moved()
    for folder in folders:
        for name in list(_walk(source, folder)):
            if target.exists(name):
                if _sha256(source, name) == _sha256(target, name):
                    source.delete(name)
                    result.already.append(name)
                else:
                    result.conflicts.append(name)
                continue
            with source.open(name, "rb") as handle:
                saved = target.save(name, handle)
            if saved != name:  # another process wrote it meanwhile: keep both, say so
                target.delete(saved)
                result.conflicts.append(name)
                continue
            source.delete(name)
            result.moved.append(name)
    return result
