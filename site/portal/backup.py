"""Backups of the whole site, database and media together, as one archive that can be checked.

`backup_create` writes `hoctap-backup-<UTC time>.tar.gz` holding:

- `database.sqlite3` (SQLite's online backup API: a consistent copy while the site runs) or
  `database.pgdump` (`pg_dump --format=custom`: consistent too, restored with `pg_restore`);
- `media/…`: every file of the public media folder (the library's documents and images);
- `private/…`: every file of the private folder, PRIVATE_ROOT (evidence, issued certificates'
  PDFs, uploaded rosters: training.private_files);
- `manifest.json`: when and from what it was made, the latest migration of every app, the number
  of rows of every model, and the SHA-256 of the database dump and of every file.

The archive is readable by its owner only, and is never written where an address serves files
(MEDIA_ROOT, STATIC_ROOT): it holds every private file.

`backup_restore` checks every checksum before it touches anything, refuses a database that already
holds data unless told to replace it, restores the database and the media, and then counts the
rows again: what it restored must be what was saved. Files stream through the archive in blocks:
memory does not grow with the size of the site."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 (pg_dump and pg_restore, with argument lists, never a shell)
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
FORMAT = 1
_BLOCK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass(frozen=True)
class Restored:
    archive: Path
    rows: int
    files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _vendor(database: dict) -> str:
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(
        _("Backups support SQLite and PostgreSQL, not %(engine)s.") % {"engine": engine}
    )


def _pg_env(database: dict, name: str | None = None) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore; the password goes in the environment."""
    args = ["--dbname", name or database["NAME"]]
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": command[0], "error": result.stderr.strip()[-2000:]}
        )


def model_counts(using: str = "default") -> dict[str, int]:
    """Rows of every concrete model that has its own table, by `app_label.model_name`."""
    counts = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        counts[meta.label_lower] = model._base_manager.using(using).count()
    return dict(sorted(counts.items()))


def _latest_migrations(using: str = "default") -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in (
        MigrationRecorder(connections[using])
        .migration_qs.order_by("app", "name")
        .values_list("app", "name")
    ):
        latest[app] = max(latest.get(app, ""), name)
    return latest


#: The folders a backup holds: its name in the archive -> the setting naming the folder.
FOLDERS = {"media": "MEDIA_ROOT", "private": "PRIVATE_ROOT"}


def _files(root: Path, *, skip: Path):
    """Every file under `root` but those under `skip` (earlier backups written there)."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and not path.is_relative_to(skip):
            yield path


def _served(folder: Path) -> str | None:
    """The setting naming a folder that an address serves, if `folder` is inside it."""
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        root = getattr(settings, setting, None)
        if root and folder.resolve().is_relative_to(Path(root).resolve()):
            return setting
    return None


def backup_create(*, destination: Path, using: str = "default") -> Path:
    """Write a backup archive into the folder `destination` and return its path."""
    database = settings.DATABASES[using]
    vendor = _vendor(database)
    if served := _served(destination):
        message = _("%(folder)s is inside %(setting)s, which is served at an address.")
        raise BackupError(message % {"folder": destination, "setting": served})
    destination.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = destination / f"hoctap-backup-{stamp}.tar.gz"
    roots = {folder: Path(getattr(settings, setting)) for folder, setting in FOLDERS.items()}

    with tempfile.TemporaryDirectory(prefix="hoctap-backup-") as scratch:
        dump = Path(scratch) / ("database.sqlite3" if vendor == "sqlite" else "database.pgdump")
        connection = connections[using]
        if vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            args, env = _pg_env(connection.settings_dict)
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *args], env)

        files = {
            folder: {
                path.relative_to(root).as_posix(): _sha256(path)
                for path in _files(root, skip=destination.resolve())
            }
            for folder, root in roots.items()
        }
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": vendor,
            "database_file": dump.name,
            "database_sha256": _sha256(dump),
            "migrations": _latest_migrations(using),
            "counts": model_counts(using),
            **files,
        }
        manifest_path = Path(scratch) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")

        partial = archive.with_suffix(".partial")
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest_path, arcname=MANIFEST)
            tar.add(dump, arcname=dump.name)
            for folder, root in roots.items():
                for relative in files[folder]:
                    tar.add(root / relative, arcname=f"{folder}/{relative}")
        partial.rename(archive)
    return archive


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            manifest = json.load(member) if member else None
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as error:
        raise BackupError(
            _("%(archive)s is not a Học Tập backup: %(error)s")
            % {"archive": archive, "error": error}
        ) from error
    if not manifest or manifest.get("format") != FORMAT:
        raise BackupError(_("%(archive)s is not a Học Tập backup.") % {"archive": archive})
    return manifest


def _unpack_checked(archive: Path, manifest: dict, into: Path) -> None:
    """Unpack into `into` and check every file against the manifest, before anything changes."""
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(into, filter="data")
    dump = into / manifest["database_file"]
    problems = []
    if not dump.is_file() or _sha256(dump) != manifest["database_sha256"]:
        problems.append(manifest["database_file"])
    for folder in FOLDERS:
        # An archive made before private files existed has no "private" entry.
        for relative, digest in manifest.get(folder, {}).items():
            path = into / folder / relative
            if not path.is_file() or _sha256(path) != digest:
                problems.append(f"{folder}/{relative}")
    if problems:
        raise BackupError(
            _("The backup is damaged; these files do not match their checksums: %(files)s")
            % {"files": ", ".join(problems[:20])}
        )


def pg_connect(database: dict):
    """A psycopg connection to a PostgreSQL settings.DATABASES entry (not necessarily one Django
    is connected to: a restored scratch copy)."""
    import psycopg

    return psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
    )


def _has_data(database: dict) -> bool:
    vendor = _vendor(database)
    if vendor == "sqlite":
        path = Path(database["NAME"])
        if not path.exists():
            return False
        with sqlite3.connect(path) as db:
            return bool(
                db.execute(
                    "select 1 from sqlite_master where name = 'django_migrations'"
                ).fetchone()
            )
    with pg_connect(database) as db:
        return bool(db.execute("select to_regclass('public.django_migrations')").fetchone()[0])


def restored_counts(database: dict, labels) -> dict[str, int]:
    """Rows per model in a restored database, read with the database's own client library (the
    restored copy need not be one Django is connected to)."""
    tables = {}
    for label in labels:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        tables[label] = model._meta.db_table
    vendor = _vendor(database)
    counts = {}
    if vendor == "sqlite":
        with sqlite3.connect(Path(database["NAME"])) as db:
            for label, table in tables.items():
                counts[label] = db.execute(f'select count(*) from "{table}"').fetchone()[0]  # noqa: S608
        return counts
    from psycopg import sql

    with pg_connect(database) as db:
        for label, table in tables.items():
            query = sql.SQL("select count(*) from {}").format(sql.Identifier(table))
            counts[label] = db.execute(query).fetchone()[0]
    return counts


def backup_restore(
    *, archive: Path, database: dict, media_root: Path, private_root: Path, replace: bool = False
) -> Restored:
    """Restore `archive` into `database` (a settings.DATABASES entry), `media_root` and
    `private_root`.

    Refuses, changing nothing, when the archive is damaged, was made from another kind of
    database, or the target already holds a site and `replace` is not given."""
    manifest = read_manifest(archive)
    vendor = _vendor(database)
    if manifest["engine"] != vendor:
        raise BackupError(
            _("This backup was made from %(made)s; it cannot be restored into %(target)s.")
            % {"made": manifest["engine"], "target": vendor}
        )
    if _has_data(database) and not replace:
        raise BackupError(
            _(
                "The target database already holds a site. Restore into an empty database, or "
                "give --replace to overwrite it."
            )
        )
    with tempfile.TemporaryDirectory(prefix="hoctap-restore-") as scratch:
        unpacked = Path(scratch)
        _unpack_checked(archive, manifest, unpacked)
        dump = unpacked / manifest["database_file"]
        if vendor == "sqlite":
            target = Path(database["NAME"])
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".restoring")
            shutil.copyfile(dump, partial)
            partial.replace(target)
        else:
            args, env = _pg_env(database)
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--exit-on-error",
                    *args,
                    str(dump),
                ],
                env,
            )
        files = 0
        for folder, root in (("media", media_root), ("private", private_root)):
            root.mkdir(parents=True, exist_ok=True)
            for relative in manifest.get(folder, {}):
                source, target = unpacked / folder / relative, root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                files += 1

    counts = restored_counts(database, manifest["counts"])
    different = {
        label: (expected, counts.get(label))
        for label, expected in manifest["counts"].items()
        if label in counts and counts[label] != expected
    }
    if different:
        raise BackupError(
            _("The restored database does not hold what was saved: %(rows)s")
            % {"rows": ", ".join(f"{k} {v[0]}→{v[1]}" for k, v in sorted(different.items())[:20])}
        )
    return Restored(archive=archive, rows=sum(counts.values()), files=files)
