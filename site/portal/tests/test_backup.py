"""manage.py backup and restore round-trip the database and the media on a scratch copy: the same
rows, the same files byte for byte; a damaged archive or an occupied target changes nothing."""

import hashlib
import io
import json
import sqlite3
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents import get_document_model

from portal.backup import (
    BackupError,
    _has_data,
    backup_create,
    model_counts,
    pg_connect,
    read_manifest,
    restored_counts,
)
from training.models import Unit
from training.private_files import private_storage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def execute_in(database: dict, statement: str) -> None:
    """Change the restored copy behind Django's back, as another program would."""
    if database["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(database["NAME"]) as db:
            db.execute(statement)
        return
    with pg_connect(database) as db:
        db.execute(statement)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


@pytest.fixture
def site_with_files(media, teacher):
    document = get_document_model()(title="Kế hoạch bài dạy")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 " + bytes(range(256)) * 64))
    document.save()
    return document


@pytest.fixture
def scratch(tmp_path):
    """An empty database of the kind the tests run on, and a way to reach it."""
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        yield {"ENGINE": "django.db.backends.sqlite3", "NAME": str(target)}, (f"sqlite:///{target}")
        return
    name = f"restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    database = {**connection.settings_dict, "NAME": name}
    user = database.get("USER") or ""
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    url = f"postgres://{user}{password}@{database['HOST']}:{database['PORT']}/{name}"
    yield database, url
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_to_the_same_rows_and_files(site_with_files, scratch, tmp_path):
    database, url = scratch
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().splitlines()[0])
    manifest = read_manifest(archive)
    assert manifest["counts"] == model_counts()
    assert manifest["counts"]["training.unit"] == Unit.objects.count() >= 3
    assert manifest["counts"]["wagtaildocs.document"] == 1
    original = Path(site_with_files.file.path)
    assert manifest["media"][site_with_files.file.name] == sha256(original)

    restored_media = tmp_path / "restored-media"
    out = io.StringIO()
    call_command(
        "restore", str(archive), "--into", url, "--media-root", str(restored_media), stdout=out
    )
    assert "checksums verified" in out.getvalue()

    assert restored_counts(database, manifest["counts"]) == model_counts()
    copy = restored_media / site_with_files.file.name
    assert copy.read_bytes() == original.read_bytes()


def test_a_damaged_archive_is_refused_and_nothing_is_restored(site_with_files, scratch, tmp_path):
    database, url = scratch
    archive = backup_create(destination=tmp_path / "backups")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + b"!"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))

    restored_media = tmp_path / "restored-media"
    with pytest.raises(CommandError, match="damaged.*media/documents/ke-hoach"):
        call_command("restore", str(damaged), "--into", url, "--media-root", str(restored_media))
    assert not restored_media.exists()
    assert not _has_data(database)


def test_restoring_over_a_site_needs_replace(site_with_files, scratch, tmp_path):
    database, url = scratch
    archive = backup_create(destination=tmp_path / "backups")
    call_command("restore", str(archive), "--into", url, "--media-root", str(tmp_path / "m"))
    execute_in(database, "delete from wagtailcore_modellogentry")
    assert restored_counts(database, ["wagtailcore.modellogentry"]) == {
        "wagtailcore.modellogentry": 0
    }

    with pytest.raises(CommandError, match="already holds a site"):
        call_command("restore", str(archive), "--into", url, "--media-root", str(tmp_path / "m"))

    call_command(
        "restore", str(archive), "--into", url, "--media-root", str(tmp_path / "m"), "--replace"
    )
    manifest = read_manifest(archive)
    assert manifest["counts"]["wagtailcore.modellogentry"] > 0
    assert restored_counts(database, manifest["counts"]) == manifest["counts"]


def test_not_a_backup(tmp_path, scratch):
    _database, url = scratch
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        data = json.dumps({"hello": 1}).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="not a Học Tập backup"):
        call_command("restore", str(bogus), "--into", url)
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), "--into", url)


def test_sqlite_copy_is_a_real_database(site_with_files, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite dump format")
    archive = backup_create(destination=tmp_path / "backups")
    with tarfile.open(archive, "r:gz") as tar:
        tar.extract("database.sqlite3", tmp_path, filter="data")
    with sqlite3.connect(tmp_path / "database.sqlite3") as db:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)


def test_private_files_are_backed_up_and_restored_into_the_private_root(
    site_with_files, scratch, tmp_path, settings
):
    _database, url = scratch
    evidence = private_storage().save("training-evidence/ab/ab12.pdf", ContentFile(b"%PDF-1 x"))
    archive = backup_create(destination=tmp_path / "backups")
    assert archive.stat().st_mode & 0o777 == 0o600, "it holds every private file"
    manifest = read_manifest(archive)
    assert manifest["private"] == {evidence: hashlib.sha256(b"%PDF-1 x").hexdigest()}
    assert evidence not in manifest["media"]

    restored_media, restored_private = tmp_path / "restored-media", tmp_path / "restored-private"
    out = io.StringIO()
    call_command(
        "restore",
        str(archive),
        "--into",
        url,
        "--media-root",
        str(restored_media),
        "--private-root",
        str(restored_private),
        stdout=out,
    )
    assert "2 media and private files" in out.getvalue()
    assert (restored_private / evidence).read_bytes() == b"%PDF-1 x"
    assert not (restored_media / evidence).exists()


def test_backups_in_the_private_root_are_not_backed_up_again(site_with_files, settings):
    folder = settings.PRIVATE_ROOT / "backups"
    first = backup_create(destination=folder)
    first.rename(folder / "earlier.tar.gz")
    assert read_manifest(backup_create(destination=folder))["private"] == {}


def test_a_backup_is_never_written_where_an_address_serves_files(media, settings):
    with pytest.raises(BackupError, match="MEDIA_ROOT"):
        backup_create(destination=media / "backups")
    with pytest.raises(BackupError, match="STATIC_ROOT"):
        backup_create(destination=settings.STATIC_ROOT / "backups")
    assert not (media / "backups").exists()
