"""The demo's certificates (a step of `manage.py demo`, after the training records): the
department configured as issuer with a deputy director signing, one module that earns a
certificate, last years' certificates of the demo school issued in a bulk run, and one revoked.
The demo teacher then has certificates to download, verify and check."""

import io
import math
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw

from certificates.models import Certificate, ModuleCertificateRule
from certificates.services import (
    bulk_issue_request,
    bulk_issue_run,
    certificate_issue_module,
    certificate_revoke,
    issuer_create,
)
from courses.models import ModulePage
from courses.school_year import current_school_year
from training.models import Completion

#: The issuer and the revocation's reason (certificates/demo_data/issuer.yaml).
DATA = yaml.safe_load(
    (Path(__file__).resolve().parent / "demo_data" / "issuer.yaml").read_text(encoding="utf-8")
)


def _signature_png() -> bytes:
    """A stand-in for a scanned signature and seal: a red seal ring and a blue stroke."""
    width, height = 520, 260
    image = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 30, 30, 210)
    for radius, line in ((118, 7), (96, 3)):
        draw.ellipse((20, 130 - radius, 20 + 2 * radius, 130 + radius), outline=red, width=line)
    star = [
        (138 + 34 * math.cos(math.pi / 2 + k * math.pi / 5) * (1 if k % 2 == 0 else 0.4),
         130 - 34 * math.sin(math.pi / 2 + k * math.pi / 5) * (1 if k % 2 == 0 else 0.4))
        for k in range(10)
    ]  # fmt: skip
    draw.polygon(star, fill=red)
    blue = (20, 40, 140, 255)
    points = [(150 + x, 150 - 38 * math.sin(x / 28) * math.exp(-x / 420)) for x in range(0, 340, 3)]
    draw.line(points, fill=blue, width=5, joint="curve")
    draw.line([(200, 200), (470, 188)], fill=blue, width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def build_certificates(ctx) -> None:
    department, office = ctx.department, ctx.accounts.get("office_staff")
    teacher, school = ctx.accounts.get("teacher"), ctx.demo_school
    if department is None or teacher is None or school is None:
        ctx.log("Certificates: no department or demo school, nothing to certify.")
        return
    # In the private storage, not in the image library editors use (Issuer.signature).
    signature = ContentFile(_signature_png(), name="chu-ky-con-dau.png")
    issuer = issuer_create(
        unit=department,
        public_name=department.name,
        signature=signature,
        acting_user=office,
        **DATA["issuer"],
    )

    # Last years' certificates of the demo school, as office staff would issue them.
    this_year = current_school_year(ctx.today)
    start = int(this_year[:4])
    issued = 0
    for back in range(min(ctx.years, 2), 0, -1):
        year = f"{start - back}-{start - back + 1}"
        bulk = bulk_issue_request(unit=school, school_year=year, acting_user=office, enqueue=False)
        issued += bulk_issue_run(bulk_issue_id=bulk.pk)["issued"]
    revoked = (
        Certificate.objects.filter(issuer=issuer, kind="year")
        .exclude(holder=teacher)
        .order_by("serial_year", "serial_number")
        .first()
    )
    if revoked is not None:
        certificate_revoke(certificate=revoked, reason=DATA["revoke_reason"], acting_user=office)

    # One module of this year earns a certificate: the first the demo teacher completed.
    completion = (
        Completion.objects.filter(user=teacher, school_year=this_year, programme="03")
        .select_related("module")
        .order_by("completed_at")
        .first()
    )
    module = completion.module if completion else ModulePage.objects.live().first()
    if module is not None:
        ModuleCertificateRule.objects.create(module=module)
        if completion is not None:
            certificate_issue_module(completion=completion, acting_user=None)

    mine = Certificate.objects.filter(holder=teacher).count()
    ctx.log(
        f"Certificates: {issuer.public_name} issues them; {issued} issued for {school.name} "
        f"in bulk, one revoked; the demo teacher holds {mine}."
    )
