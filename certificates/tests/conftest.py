"""Certificates' test data, built as people build it: pages published by editors, a plan saved,
submitted and approved, lessons studied, face-to-face records approved, all through the real
services. `completed_year(person)` leaves a person with a year summary that says "completed
the plan"."""

import io
import math
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from certificates.models import Delegation, ModuleCertificateRule
from courses.models import LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage
from courses.school_year import current_school_year
from training.models import YearStatus, YearSummary
from training.services import (
    lesson_view_record,
    plan_approve,
    plan_save,
    plan_submit,
    record_year_window,
    training_record_approve,
    training_record_submit,
)


def this_year() -> str:
    return current_school_year(timezone.localdate())


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.CERTIFICATES_PUBLIC_URL = "https://hoctap.example.vn"


@pytest.fixture
def make_module(db):
    """A published module with one lesson and no quiz: opening the lesson completes it."""
    made = {}
    counter = iter(range(1, 1000))

    def programme(kind, school_year):
        if (kind, school_year) not in made:
            root = Site.objects.get(is_default_site=True).root_page
            index = ProgrammeIndexPage.objects.first()
            if index is None:
                index = ProgrammeIndexPage(title="Chương trình", slug="chuong-trinh", live=False)
                root.add_child(instance=index)
                index = publish(index)
            page = ProgrammePage(
                title=f"Chương trình {kind} năm học {school_year}",
                slug=f"ct-{kind}-{school_year}",
                kind=kind,
                school_year=school_year,
                live=False,
            )
            index.add_child(instance=page)
            made[kind, school_year] = publish(page)
        return made[kind, school_year]

    def make(*, school_year=None, hours=40, kind="03", title=None, code=None):
        number = next(counter)
        page = ModulePage(
            title=title or f"Mô-đun {number}",
            slug=f"mo-dun-{number}",
            code=code or f"GVPT {number:02d}",
            hours=hours,
            delivery="online",
            live=False,
        )
        programme(kind, school_year or this_year()).add_child(instance=page)
        page = publish(page)
        lesson = LessonPage(
            title="Bài 1",
            slug="bai-1",
            live=False,
            body=[{"type": "paragraph", "value": "<p>Nội dung.</p>"}],
        )
        page.add_child(instance=lesson)
        publish(lesson)
        return ModulePage.objects.get(pk=page.pk)

    return make


def study(module, person):
    for lesson in module.lessons():
        lesson_view_record(lesson=lesson, acting_user=person)


@pytest.fixture
def completed_year(make_module):
    """Take a person through a whole school year: plan approved, the Programme 03 module
    studied, 40 + 40 tiết of approved face-to-face training."""

    def complete(person, *, school_year=None, module=None):
        school_year = school_year or this_year()
        module = module or make_module(school_year=school_year)
        plan = plan_save(school_year=school_year, modules=[module], acting_user=person)
        plan_submit(plan=plan, acting_user=person)
        plan_approve(plan=plan, acting_user=None)
        study(module, person)
        first, last = record_year_window(school_year)
        day = min(timezone.localdate() - timedelta(days=1), last)
        for programme in ("01", "02"):
            record = training_record_submit(
                school_year=school_year,
                title=f"Tập huấn chương trình {programme}",
                organiser="Sở GD&ĐT Lai Châu",
                start_date=day,
                end_date=day,
                hours=40,
                programme=programme,
                acting_user=person,
            )
            training_record_approve(record=record, acting_user=None)
        summary = YearSummary.objects.get(user=person, school_year=school_year)
        assert summary.status == YearStatus.COMPLETED, summary.__dict__
        return summary

    return complete


def png(width=600, height=240, colour=(30, 60, 160, 255)) -> bytes:
    """A transparent image with a blue wave: a stand-in for a scanned signature."""
    buffer = io.BytesIO()
    image = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
    for x in range(40, width - 40):
        for dy in range(-3, 4):
            image.putpixel((x, height // 2 + int(40 * math.sin(x / 37)) + dy), colour)
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def signature_image(db):
    return Image.objects.create(
        title="Chữ ký và dấu",
        file=ImageFile(io.BytesIO(png()), name="chu-ky.png"),
    )


@pytest.fixture
def issuer(department):
    return issuer_create(department)


def issuer_create(department):
    """The department issues certificates, signed by a deputy director (KT. GIÁM ĐỐC)."""
    from certificates.services import issuer_create as configure

    return configure(
        unit=department,
        slug="sgd-lai-chau",
        public_name="Sở Giáo dục và Đào tạo Lai Châu",
        parent_body_name="UBND TỈNH LAI CHÂU",
        body_name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        place_name="Lai Châu",
        head_title="GIÁM ĐỐC",
        delegation=Delegation.KT,
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Đặng Văn Dũng",
        serial_format="{number}/GCN-SGDĐT",
        acting_user=None,
    )


@pytest.fixture
def module_rule(db):
    def make(module):
        return ModuleCertificateRule.objects.create(module=module)

    return make
