"""`manage.py verify_credential FILE`: check a credential file (signature, issuer key, status).

Exit status: 0 valid; 1 the file does not verify (not JSON, not a credential, unknown key,
altered); 2 revoked or replaced. Nothing is fetched from the network: keys and status lists
are this site's own, read from the database."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.credentials import CredentialProblem, credential_verify, verify_url


class Command(BaseCommand):
    help = "Check a signed certificate credential: signature, issuer key and status."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The credential file (JSON) to check; - reads stdin.")

    def handle(self, *args, file, **options):
        if file == "-":
            text = sys.stdin.buffer.read()
        else:
            path = Path(file)
            if not path.is_file():
                raise CommandError(_("No such file: %s") % file)
            text = path.read_bytes()
        try:
            checked = credential_verify(text)
        except CredentialProblem as problem:
            self.stderr.write(
                self.style.ERROR(
                    _("NOT VALID (%(kind)s): %(message)s")
                    % {"kind": problem.kind, "message": problem}
                )
            )
            raise SystemExit(1) from None
        self.stdout.write(_("Signature: valid (eddsa-rdfc-2022, key %s)") % checked.key_id)
        self.stdout.write(_("Issuer: %s") % checked.issuer_name)
        self.stdout.write(_("Holder: %s") % checked.holder_name)
        self.stdout.write(_("Achievement: %s") % checked.achievement)
        certificate = checked.certificate
        if checked.status == "valid":
            self.stdout.write(self.style.SUCCESS(_("Status: VALID")))
            return
        if checked.status == "replaced" and certificate is not None:
            self.stdout.write(
                self.style.WARNING(
                    _("Status: REPLACED by %s") % verify_url(certificate.replaced_by.code)
                )
            )
        else:
            line = _("Status: REVOKED")
            if certificate is not None and certificate.revoked_at:
                line += " — " + _("on %(date)s: %(reason)s") % {
                    "date": timezone.localdate(certificate.revoked_at).isoformat(),
                    "reason": certificate.revocation_reason,
                }
            self.stdout.write(self.style.WARNING(line))
        raise SystemExit(2)
