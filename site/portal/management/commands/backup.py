"""manage.py backup [--output FOLDER]: database, media and private files in one checked
archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup_create, read_manifest


class Command(BaseCommand):
    help = (
        "Write a backup of the database, the media and the private files (one .tar.gz with "
        "checksums, readable by its owner only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "backups",
            help="Folder for the archive (default: var/backups).",
        )

    def handle(self, *args, output: Path, **options):
        try:
            archive = backup_create(destination=output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = read_manifest(archive)
        self.stdout.write(
            f"{archive}\n"
            f"  {sum(manifest['counts'].values())} rows in {len(manifest['counts'])} tables, "
            f"{len(manifest['media'])} media files, {len(manifest['private'])} private files, "
            f"{archive.stat().st_size:,} bytes"
        )
