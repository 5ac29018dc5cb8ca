"""What a certificate prints: the issuer's configuration and a template's texts filled with the
holder's data, frozen into one dict (the certificate's `data`) that `pdf.render` draws."""

import io
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from django.utils import timezone
from reportlab.lib.utils import ImageReader

from certificates import pdf
from certificates.credentials import verify_url
from certificates.models import PLACEHOLDER_PATTERN, CertificateKind, Delegation, Issuer
from courses.text import nfc


@dataclass(frozen=True)
class Subject:
    """What is certified, as read from the training records at the moment of issue."""

    kind: str
    holder_name: str
    unit_name: str
    school_year: str
    hours: int
    completed_on: date
    module_code: str = ""
    module_title: str = ""


def fill(text: str, values: dict) -> str:
    """Replace {placeholders}; anything else in braces is left as written."""
    return PLACEHOLDER_PATTERN.sub(lambda m: str(values.get(m[1], m[0])), text or "")


def serial_text(issuer: Issuer, *, number: int, year: int) -> str:
    """ "125/GCN-SGDĐT" from the issuer's format "{number}/GCN-SGDĐT"."""
    return nfc(fill(issuer.serial_format, {"number": pdf.serial_number_text(number), "year": year}))


def signer_lines(issuer: Issuer) -> list[str]:
    """ "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" when a deputy signs; the head's title alone
    otherwise."""
    head = nfc(issuer.head_title).upper()
    if issuer.delegation and issuer.delegation != Delegation.NONE:
        return [f"{issuer.delegation} {head}", nfc(issuer.signer_title).upper()]
    return [head]


def _sentence_start_lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def printed_data(*, subject: Subject, issuer: Issuer, template, code: str, serial: str) -> dict:
    values = {
        "holder_name": nfc(subject.holder_name),
        "unit_name": nfc(subject.unit_name),
        "school_year": subject.school_year,
        "hours": subject.hours,
        "module_code": nfc(subject.module_code),
        "module_title": nfc(subject.module_title),
        "completed_on": subject.completed_on.strftime("%d/%m/%Y"),
    }
    subtitle_lines = [nfc(fill(line, values)) for line in template.subtitle.splitlines()]
    subtitle_lines = [line for line in subtitle_lines if line]
    body_lines = [nfc(fill(line, values)) for line in template.body.splitlines()]
    body_lines = [line for line in body_lines if line]
    title = nfc(template.title)
    achievement_name = " ".join(subtitle_lines) or title
    description = " ".join(body_lines) or achievement_name
    url = verify_url(code)
    parts = urlsplit(url)
    return {
        "kind": subject.kind,
        "code": code,
        "layout": template.layout,
        "template_id": template.pk,
        "background_file": template.background.name or "",
        "signature_file": issuer.signature.name or "",
        # The header and the lines of the official layout.
        "parent_body_name": nfc(issuer.parent_body_name),
        "body_name": nfc(issuer.body_name),
        "issuer_public_name": nfc(issuer.public_name),
        "serial": serial,
        "serial_line": f"Số: {serial}",
        "date_line": pdf.vietnamese_date_line(nfc(issuer.place_name), subject.completed_on),
        "title": title,
        "subtitle_lines": subtitle_lines,
        "recipient_intro": nfc(template.recipient_intro),
        "holder_name": values["holder_name"],
        "body_lines": body_lines,
        "signer_lines": signer_lines(issuer),
        "signer_name": nfc(issuer.signer_name),
        "verify_url": url,
        "verify_host_path": f"{parts.netloc}{parts.path}",
        # The facts, as printed.
        "unit_name": values["unit_name"],
        "school_year": subject.school_year,
        "hours": subject.hours,
        "completed_on": subject.completed_on.isoformat(),
        "module_code": values["module_code"],
        "module_title": values["module_title"],
        # What the signed credential says about the achievement.
        "title_line": f"{title.capitalize()} {_sentence_start_lower(achievement_name)}".strip()
        if achievement_name != title
        else title.capitalize(),
        "achievement_name": achievement_name,
        "achievement_description": description,
        "criteria": nfc(fill(template.criteria, values)) or description,
    }


_IMAGES: dict[tuple, bytes] = {}


def _file_bytes(file) -> bytes | None:
    """A stored picture's bytes, read once per process (bulk issues print the same few). A
    file replaced in its form gets a new name, so the old bytes are never printed again."""
    if not file:
        return None
    key = (type(file.storage).__name__, file.name)
    if key not in _IMAGES:
        if len(_IMAGES) > 16:
            _IMAGES.clear()
        with file.storage.open(file.name, "rb") as handle:
            _IMAGES[key] = handle.read()
    return _IMAGES[key]


def _reader(file) -> ImageReader | None:
    data = _file_bytes(file)
    return ImageReader(io.BytesIO(data)) if data else None


def render_pdf(printed: dict, *, background=None, signature=None) -> bytes:
    """`background`: the template's background file (CertificateTemplate.background);
    `signature`: the issuer's signature and seal file (Issuer.signature). Both live in the
    private storage; either may be empty."""
    return pdf.render(printed, background=_reader(background), signature=_reader(signature))


def sample_subject(kind: str) -> Subject:
    today = timezone.localdate()
    year = f"{today.year - 1}-{today.year}" if today.month < 9 else f"{today.year}-{today.year + 1}"
    return Subject(
        kind=kind,
        holder_name="Nguyễn Thị Hương",
        unit_name="Trường PTDTBT TH&THCS Sin Suối Hồ",
        school_year=year,
        hours=120 if kind == CertificateKind.YEAR else 40,
        completed_on=today,
        module_code="GVPT 05" if kind == CertificateKind.MODULE else "",
        module_title="Sử dụng phương pháp dạy học và giáo dục phát triển phẩm chất, năng lực"
        if kind == CertificateKind.MODULE
        else "",
    )


def sample_issuer() -> Issuer:
    """The first configured issuer, or a made-up one (never saved) when none is."""
    issuer = Issuer.objects.order_by("pk").first()
    return issuer or Issuer(
        slug="mau",
        public_name="Sở Giáo dục và Đào tạo Lai Châu",
        parent_body_name="UBND TỈNH LAI CHÂU",
        body_name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        place_name="Lai Châu",
        head_title="GIÁM ĐỐC",
        delegation=Delegation.KT,
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Đặng Văn Dũng",
        serial_format="{number}/GCN-SGDĐT",
    )


def sample_pdf(*, template) -> bytes:
    """A template drawn on sample data, for the preview in the admin. Nothing is saved."""
    issuer = sample_issuer()
    printed = printed_data(
        subject=sample_subject(template.kind),
        issuer=issuer,
        template=template,
        code="MAU" + "0" * 24,
        serial=serial_text(issuer, number=125, year=2026),
    )
    return render_pdf(printed, background=template.background, signature=issuer.signature)
