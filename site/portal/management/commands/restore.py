"""manage.py restore ARCHIVE [--into DATABASE_URL] [--media-root FOLDER] [--private-root FOLDER]
[--replace]."""

from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from portal.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: checks every checksum first, restores the "
        "database, the media and the private files, then compares the row counts with the "
        "backup's."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--into",
            metavar="DATABASE_URL",
            help="Restore into this database instead of the site's own (e.g. a scratch copy).",
        )
        parser.add_argument(
            "--media-root",
            type=Path,
            help="Restore the media files here (default: the site's MEDIA_ROOT).",
        )
        parser.add_argument(
            "--private-root",
            type=Path,
            help="Restore the private files here (default: the site's PRIVATE_ROOT).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that already holds a site.",
        )

    def handle(self, *args, archive: Path, into, media_root, private_root, replace, **options):
        if not archive.is_file():
            raise CommandError(f"No such file: {archive}")
        if into:
            database = dj_database_url.parse(into)
        else:
            database = settings.DATABASES["default"]
            connections.close_all()
        try:
            restored = backup_restore(
                archive=archive,
                database=database,
                media_root=media_root or Path(settings.MEDIA_ROOT),
                private_root=private_root or Path(settings.PRIVATE_ROOT),
                replace=replace,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {archive.name}: {restored.rows} rows (the same as when it was made), "
            f"{restored.files} media and private files (checksums verified)."
        )
