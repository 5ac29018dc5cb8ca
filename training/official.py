"""What every official document the platform prints shares (Nghị định 30/2020/NĐ-CP): the
national motto, the date line, and the typeface. Certificates (certificates.pdf) and the yearly
report (training.yearly_report.documents) both draw with these.

The fonts are Liberation Serif (SIL Open Font License, see fonts/OFL.txt), metrically
compatible with Times New Roman, the face official documents use; reportlab embeds the subset
used. They live here, in training, because certificates depends on training and never the
other way round."""

from datetime import date
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = "HTSerif", "HTSerif-Bold", "HTSerif-Italic", "HTSerif-BI"

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@lru_cache(maxsize=1)
def register_fonts() -> None:
    for name, file in (
        (REGULAR, "LiberationSerif-Regular.ttf"),
        (BOLD, "LiberationSerif-Bold.ttf"),
        (ITALIC, "LiberationSerif-Italic.ttf"),
        (BOLD_ITALIC, "LiberationSerif-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )


def vietnamese_date_line(place: str, day: date) -> str:
    """ "Phong Thổ, ngày 15 tháng 6 năm 2026": days below 10 and months below 3 take a leading
    zero (Nghị định 30/2020, Phụ lục I)."""
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day_text} tháng {month_text} năm {day.year}"
