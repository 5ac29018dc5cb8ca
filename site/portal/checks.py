"""System checks of the site's own configuration (run by every manage.py command)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Warning, register


@register()
def private_files_in_media(app_configs, **kwargs):
    """Evidence, certificates' PDFs or rosters left in the public media folder by an older
    version: they answer 404 to those allowed until moved, and are public to a front server."""
    from portal.management.commands.private_files_move import FOLDERS

    media = Path(settings.MEDIA_ROOT)
    left = [
        folder
        for folder in FOLDERS
        if (media / folder).is_dir() and any(p.is_file() for p in (media / folder).rglob("*"))
    ]
    if not left:
        return []
    return [
        Warning(
            f"Private files are still in the public media folder: {', '.join(left)}.",
            hint="Run `manage.py private_files_move` (docs/operations.md, Private files).",
            id="portal.W001",
        )
    ]
