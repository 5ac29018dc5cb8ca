from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.services import StandardsFileError, standards_load


class Command(BaseCommand):
    help = (
        "Load a professional-standards framework from a YAML or JSON file (see courses/standards/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="file")

    def handle(self, *args, paths, **options):
        for path in paths:
            try:
                result = standards_load(path=path)
            except StandardsFileError as error:
                raise CommandError(
                    _("Nothing was loaded from %(path)s:") % {"path": path}
                    + "\n  "
                    + "\n  ".join(error.messages)
                ) from error
            framework = result.framework
            if result.created:
                message = _("Loaded %(framework)s: %(standards)s standards, %(criteria)s criteria.")
            elif result.changes:
                message = _("Updated %(framework)s: %(changes)s changes.")
            else:
                message = _("%(framework)s is already up to date: nothing changed.")
            self.stdout.write(
                message
                % {
                    "framework": f"{framework.code} {framework.version} ({framework.legal_basis})",
                    "standards": result.standards,
                    "criteria": result.criteria,
                    "changes": result.changes,
                }
            )
