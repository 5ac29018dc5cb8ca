"""Content and records for the training tests. Pages are built as editors build them (added
under their parent, saved as a revision, published); records through training.services."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from courses.models import Criterion, LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage
from courses.quiz import quiz_block_data
from courses.school_year import current_school_year
from courses.services import standards_load


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def this_year() -> str:
    return current_school_year(timezone.localdate())


def shifted(school_year: str, years: int) -> str:
    start = int(school_year[:4]) + years
    return f"{start}-{start + 1}"


def final_quiz(**kwargs):
    return quiz_block_data(
        title="Kiểm tra cuối mô-đun",
        questions=[
            {
                "type": "single_choice",
                "prompt": "Thang điểm đánh giá bồi dưỡng thường xuyên là bao nhiêu?",
                "points": 2,
                "choices": [("Thang điểm 10", True), ("Thang điểm 100", False)],
            },
            {
                "type": "multiple_choice",
                "prompt": "Những chương trình nào thuộc bồi dưỡng thường xuyên?",
                "choices": [
                    ("Chương trình 01", True),
                    ("Chương trình 02", True),
                    ("Chương trình 09", False),
                ],
            },
            {"type": "true_false", "prompt": "Điểm 5 trở lên là đạt.", "answer": True},
            {
                "type": "short_answer",
                "prompt": "Viết tên hoạt động học tập thường xuyên của giáo viên.",
                "accepted_answers": ["Bồi dưỡng thường xuyên"],
            },
        ],
        **kwargs,
    )


def answers(module: ModulePage, *, right: int | None = None) -> dict:
    """Answers to a module's final quiz: all right, or only the first `right` questions right
    (the others wrong). The quiz has four questions worth 2 + 1 + 1 + 1 points."""
    quiz = module.final_quiz()
    given = {}
    for index, question in enumerate(quiz.value["questions"]):
        correct = right is None or index < right
        kind, value = question.block_type, question.value
        if kind in ("single_choice", "multiple_choice"):
            choices = [(c.id, c.value["correct"]) for c in value["choices"].bound_blocks]
            picked = [cid for cid, ok in choices if ok == correct]
            given[question.id] = picked[0] if kind == "single_choice" else picked
        elif kind == "true_false":
            truth = value["answer"] == "true"
            given[question.id] = "true" if truth == correct else "false"
        else:
            given[question.id] = "Bồi dưỡng thường xuyên" if correct else "không biết"
    return given


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Each test stores its evidence files in its own folders, gone with the test (test runs
    share var/test-media and var/test-private). An override of settings hides SETTINGS_MODULE,
    which `manage.py demo` reads: keep it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.SETTINGS_MODULE = os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.test")


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def programmes(home):
    index = ProgrammeIndexPage(title="Chương trình bồi dưỡng", slug="chuong-trinh", live=False)
    home.add_child(instance=index)
    return publish(index)


@pytest.fixture
def make_programme(programmes):
    made = {}

    def make(*, kind="03", school_year=None):
        school_year = school_year or this_year()
        if (kind, school_year) not in made:
            page = ProgrammePage(
                title=f"Chương trình {kind} năm học {school_year}",
                slug=f"ct-{kind}-{school_year}",
                kind=kind,
                school_year=school_year,
                live=False,
            )
            programmes.add_child(instance=page)
            made[kind, school_year] = publish(page)
        return made[kind, school_year]

    return make


@pytest.fixture
def criteria(db):
    standards_load(path=Path(settings.BASE_DIR) / "courses" / "standards" / "gvpt-tt20-2018.yaml")
    return list(Criterion.objects.filter(framework__code="GVPT").order_by("sort_order"))


@pytest.fixture
def make_module(make_programme):
    counter = iter(range(1, 1000))

    def make(
        *,
        kind="03",
        school_year=None,
        code=None,
        hours=10,
        lessons=2,
        quiz=True,
        attempt_limit=None,
        pass_mark=Decimal("5.0"),
        criteria=(),
        positions=(),
        live=True,
    ):
        number = next(counter)
        page = ModulePage(
            title=f"Mô-đun {number}",
            slug=f"mo-dun-{number}",
            code=code or f"GVPT {number:02d}",
            hours=hours,
            delivery="online",
            pass_mark=Decimal(pass_mark),
            attempt_limit=attempt_limit,
            positions=list(positions),
            live=False,
        )
        if quiz:
            page.assessment = [{"type": "quiz", "value": final_quiz()}]
        page.criteria = list(criteria)
        make_programme(kind=kind, school_year=school_year).add_child(instance=page)
        if not live:
            return page
        page = publish(page)
        for index in range(1, lessons + 1):
            lesson = LessonPage(
                title=f"Bài {index}",
                slug=f"bai-{index}",
                live=False,
                body=[{"type": "paragraph", "value": f"<p>Nội dung bài {index}.</p>"}],
            )
            page.add_child(instance=lesson)
            publish(lesson)
        return ModulePage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def module(make_module):
    return make_module()


def study(module: ModulePage, person, *, right: int | None = None):
    """Study a whole module as its pages would: open every lesson, then pass the final quiz."""
    from training.services import attempt_submit, lesson_view_record

    for lesson in module.lessons():
        lesson_view_record(lesson=lesson, acting_user=person)
    if module.final_quiz() is not None:
        return attempt_submit(
            module=module, answers=answers(module, right=right), acting_user=person
        )
    return None


def pdf_file(name="giay-chung-nhan.pdf", size=0):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    return SimpleUploadedFile(name, body + b" " * max(0, size - len(body)), "application/pdf")


def zip_file(name, entries: dict):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, content in entries.items():
            archive.writestr(entry, content)
    return SimpleUploadedFile(name, buffer.getvalue())


def record_values(**changes):
    """A face-to-face record as a teacher fills it in: a two-day training ten days ago."""
    from datetime import timedelta

    start = timezone.localdate() - timedelta(days=10)
    values = {
        "school_year": current_school_year(start),
        "title": "Tập huấn thực hiện nhiệm vụ năm học",
        "organiser": "Sở GD&ĐT Lai Châu",
        "start_date": start,
        "end_date": start + timedelta(days=1),
        "hours": 16,
        "programme": "01",
    }
    values.update(changes)
    return values


def seen(item) -> str:
    """The version of a plan or face-to-face record as a reviewer is shown it (stored now): what a
    person's decision carries (training.services: seen_version)."""
    from training.models import TrainingPlan
    from training.review_selectors import plan_version, record_version

    item = type(item).objects.get(pk=item.pk)
    return plan_version(item) if isinstance(item, TrainingPlan) else record_version(item)
