"""manage.py private_files_move: once, after upgrading an installation that kept evidence,
certificates' PDFs and uploaded rosters in the public media folder, move them into the private
storage (training.private_files). Safe to run again; names do not change, so the database does
not either."""

from django.core.management.base import BaseCommand, CommandError

from certificates.models import PDF_FOLDER
from training.models.records import EVIDENCE_FOLDER
from training.private_files import private_files_move
from training.roster.uploads import FOLDER as ROSTER_FOLDER

FOLDERS = (EVIDENCE_FOLDER, PDF_FOLDER, ROSTER_FOLDER)


class Command(BaseCommand):
    help = (
        "Move evidence files, certificates' PDFs and uploaded rosters from the public media "
        "storage to the private one (idempotent)."
    )

    def handle(self, *args, verbosity, **options):
        result = private_files_move(folders=FOLDERS)
        if verbosity or result.moved:
            self.stdout.write(
                f"{len(result.moved)} files moved, {len(result.already)} already in the private "
                f"storage (removed from media), {len(result.conflicts)} conflicts."
            )
        if result.conflicts:
            raise CommandError(
                "These files differ between media and the private storage and were left in "
                "both; compare them and delete the wrong copy: " + ", ".join(result.conflicts)
            )
