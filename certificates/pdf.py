"""The certificate as a PDF: A4 landscape, in the administrative layout of Nghị định 30/2020.

`render()` draws exactly the printed data it is given (the snapshot a certificate keeps) and
nothing else, so what is printed is what is stored. The fixed words of the layout (the
national motto, "Số:", "ngày … tháng … năm …") are the Vietnamese an official document must
carry whatever language the person issuing it reads the site in; everything else comes from
the issuer's configuration and the template.

Text is set in Liberation Serif (SIL Open Font License, see training/fonts/OFL.txt), metrically
compatible with Times New Roman, the face official documents use; reportlab embeds the subset
used. Text is drawn in NFC: precomposed letters, which the font has for all of Vietnamese.
"""

import io
import unicodedata

import segno
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

# The official document's fonts, national header and date line are training.official's, shared
# with the yearly report.
from training.official import (  # noqa: F401 (FONT_DIR and vietnamese_date_line re-exported)
    BOLD,
    BOLD_ITALIC,
    FONT_DIR,
    ITALIC,
    MOTTO,
    NATION,
    REGULAR,
    register_fonts,
    vietnamese_date_line,
)

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
INK = (0.08, 0.08, 0.1)
FRAME = (0.55, 0.12, 0.12)


def serial_number_text(number: int) -> str:
    """Document numbers below 10 take a leading zero (Nghị định 30/2020)."""
    return f"{number:02d}"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


class _Page:
    def __init__(self, canvas: Canvas):
        self.c = canvas

    def centred(self, text, x, y, font, size, *, underline=False):
        text = _nfc(text)
        self.c.setFont(font, size)
        self.c.drawCentredString(x, y, text)
        if underline:
            width = pdfmetrics.stringWidth(text, font, size)
            self.c.setLineWidth(0.7)
            self.c.line(x - width / 2, y - 2.2, x + width / 2, y - 2.2)

    def wrapped(self, text, x, y, width, font, size, leading) -> float:
        """Centred lines within `width`; returns the y under the last line."""
        for line in simpleSplit(_nfc(text), font, size, width):
            self.centred(line, x, y, font, size)
            y -= leading
        return y


def _qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code as vector squares, one path for the whole symbol (crisp at any zoom)."""
    code = segno.make(url, error="m", micro=False)
    matrix = code.matrix
    border = 2
    count = len(matrix) + 2 * border
    cell = size / count
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + border + 1) * cell
        column = 0
        while column < len(row):
            if row[column]:
                start = column
                while column < len(row) and row[column]:
                    column += 1
                path.rect(x + (start + border) * cell, top, (column - start) * cell, cell)
            else:
                column += 1
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def render(
    printed: dict, *, background: ImageReader | None = None, signature: ImageReader | None = None
) -> bytes:
    """The PDF of one certificate from its printed data (see services.printed_data)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageCompression=1,
        initialFontName=REGULAR,
        initialFontSize=12,
    )
    canvas.setTitle(_nfc(f"{printed['title']} · {printed['holder_name']}"))
    canvas.setAuthor(_nfc(printed["issuer_public_name"]))
    canvas.setSubject(_nfc(printed["serial_line"]))
    canvas.setCreator("Học Tập")
    page = _Page(canvas)

    if background is not None:
        canvas.drawImage(background, 0, 0, PAGE_WIDTH, PAGE_HEIGHT, mask="auto")
    if printed.get("layout") == "framed":
        canvas.setStrokeColorRGB(*FRAME)
        canvas.setLineWidth(3)
        canvas.rect(10 * mm, 10 * mm, PAGE_WIDTH - 20 * mm, PAGE_HEIGHT - 20 * mm)
        canvas.setLineWidth(0.8)
        canvas.rect(12.5 * mm, 12.5 * mm, PAGE_WIDTH - 25 * mm, PAGE_HEIGHT - 25 * mm)
    canvas.setFillColorRGB(*INK)
    canvas.setStrokeColorRGB(*INK)

    # Header: the issuing body at top left, the nation and motto at top right.
    left_x, right_x = 72 * mm, PAGE_WIDTH - 80 * mm
    top = PAGE_HEIGHT - 24 * mm
    y = top
    if printed.get("parent_body_name"):
        page.centred(printed["parent_body_name"].upper(), left_x, y, REGULAR, 12.5)
        y -= 15
    body_name = printed["body_name"].upper()
    page.centred(body_name, left_x, y, BOLD, 12.5)
    rule = min(pdfmetrics.stringWidth(_nfc(body_name), BOLD, 12.5), 150) / 2.4
    canvas.setLineWidth(0.7)
    canvas.line(left_x - rule, y - 5, left_x + rule, y - 5)
    page.centred(printed["serial_line"], left_x, y - 24, REGULAR, 13)

    page.centred(NATION, right_x, top, BOLD, 12.5)
    page.centred(MOTTO, right_x, top - 15, BOLD, 13.5, underline=True)
    page.centred(printed["date_line"], right_x, top - 39, ITALIC, 13)

    # The certificate itself.
    centre = PAGE_WIDTH / 2
    text_width = PAGE_WIDTH - 70 * mm
    y = PAGE_HEIGHT - 72 * mm
    page.centred(printed["title"].upper(), centre, y, BOLD, 30)
    y -= 24
    for line in printed.get("subtitle_lines", []):
        y = page.wrapped(line, centre, y, text_width, BOLD, 15, 18)
    y -= 14
    page.centred(printed["recipient_intro"], centre, y, ITALIC, 14)
    y -= 28
    page.centred(printed["holder_name"], centre, y, BOLD, 22)
    y -= 26
    for paragraph in printed.get("body_lines", []):
        y = page.wrapped(paragraph, centre, y, text_width, REGULAR, 14, 18)

    # Signer block at bottom right: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC", the signature, the name.
    sign_x, sign_top = right_x, 62 * mm
    y = sign_top
    for line in printed["signer_lines"]:
        page.centred(line, sign_x, y, BOLD, 13)
        y -= 15
    if signature is not None:
        canvas.drawImage(
            signature,
            sign_x - 30 * mm,
            22 * mm,
            60 * mm,
            24 * mm,
            mask="auto",
            preserveAspectRatio=True,
            anchor="c",
        )
    page.centred(printed["signer_name"], sign_x, 17 * mm, BOLD, 13.5)

    # The QR code at bottom left, leading to the public verification page.
    qr_size = 30 * mm
    qr_x, qr_y = 22 * mm, 17 * mm
    _qr(canvas, printed["verify_url"], qr_x, qr_y, qr_size)
    canvas.setFillColorRGB(*INK)
    canvas.setFont(REGULAR, 8.5)
    canvas.drawString(qr_x + qr_size + 3 * mm, qr_y + 19 * mm, "Kiểm tra giấy chứng nhận:")
    canvas.drawString(qr_x + qr_size + 3 * mm, qr_y + 14 * mm, printed["verify_host_path"])
    canvas.drawString(qr_x + qr_size + 3 * mm, qr_y + 9 * mm, f"Mã: {printed['code']}")

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
