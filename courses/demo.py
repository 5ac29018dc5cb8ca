"""Demo world, step `build_content`: the professional standards, the open resource library and
this school year's training programmes, all written in Vietnamese for the demo.

- the two standards frameworks shipped in courses/standards/;
- "Thư viện học liệu mở" with 32 resources of every type, licence and several languages, with
  real files (text, spreadsheets) and cover pictures drawn here;
- "Chương trình bồi dưỡng" with this school year's programmes 01 and 02 (three modules each)
  and programme 03 (GVPT 01 … GVPT 15, one module for each criterion of Thông tư 20/2018),
  each module with 2–4 lessons and a final quiz;
- a few pages submitted to moderation and waiting for the reviewer.

The content is data, in courses/demo_data/: library.yaml (the resources), files.yaml (what their
files say) and programmes.yaml (programmes, modules, lessons, quizzes). This module only builds
pages from it, through the models and Wagtail's publishing as an editor would.

The module titles and lessons are written for the demo from the criteria they serve: they are
not the Ministry's official list of modules. The web links point to real open resources under
the licences those sites state; every other resource, author and school is invented."""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from copy import deepcopy
from datetime import datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from courses.models import (
    Criterion,
    Framework,
    Grade,
    Language,
    LessonPage,
    Licence,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourceFile,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    SchoolLevel,
    Subject,
)
from courses.quiz import quiz_block_data
from courses.school_year import current_school_year
from courses.services import standards_load
from courses.text import fold

if TYPE_CHECKING:
    from portal.management.commands.demo import DemoContext

STANDARDS_DIR = Path(__file__).resolve().parent / "standards"
DATA_DIR = Path(__file__).resolve().parent / "demo_data"
ALL_LEVELS = ["primary", "lower_secondary", "upper_secondary"]


@cache
def data(name: str) -> dict:
    """One file of courses/demo_data/, read once."""
    return yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


# The library ------------------------------------------------------------------------------


def _file_text(kind: str, title: str, summary: str) -> str:
    texts = data("files")
    lines = texts["text"].get(kind, texts["text_default"])
    return "\n".join([title.upper(), "", summary, "", *lines, "", texts["text_footer"]])


def _file_bytes(name: str, kind: str, title: str, summary: str) -> bytes:
    texts = data("files")
    if name.endswith(".xlsx"):
        book = Workbook()
        sheet = book.active
        sheet.title = "Nội dung"
        sheet.append([title])
        sheet.append([summary])
        sheet.append([])
        sheet.append(texts["sheet_headers"][kind])
        levels = texts["sheet_levels"]
        for row in range(1, 11):
            if kind == "exercises":
                sheet.append([row, levels[row % 3], f"Bài tập số {row}", "Xem hướng dẫn chấm"])
            elif kind == "test":
                sheet.append([row, levels[row % 3], f"Chủ đề {1 + row % 4}", 1])
            elif kind == "checklist":
                sheet.append([f"Tiêu chí {row}", "", "", ""])
            else:
                sheet.append([f"Học sinh {row}", "", "", "", ""])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    if name.endswith(".csv"):
        out = io.StringIO()
        writer = csv.writer(out)
        if kind == "cards":
            writer.writerow(
                ["Số thẻ", "Từ tiếng Việt", "Gợi ý tranh", "Cách nói ở bản (ghi âm/ghi chữ)"]
            )
            for number, word in enumerate(texts["card_words"], start=1):
                writer.writerow([number, word, f"Tranh {word}", ""])
        else:
            writer.writerow(["Câu hỏi", "Em quan sát thấy gì?", "Em giải thích thế nào?"])
            for number in range(1, 6):
                writer.writerow([f"Câu {number}", "", ""])
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # a BOM: Excel opens it as UTF-8
    return _file_text(kind, title, summary).encode("utf-8")


PALETTES = [
    ((11, 93, 59), (242, 183, 5)),
    ((10, 79, 138), (236, 244, 250)),
    ((180, 68, 28), (253, 236, 216)),
    ((122, 46, 122), (245, 226, 245)),
    ((29, 122, 70), (226, 242, 231)),
    ((154, 98, 0), (255, 244, 214)),
]


def _cover(index: int) -> bytes:
    """A plain decorative cover (terraced hills under a sun), drawn here: no download."""
    ink, paper = PALETTES[index % len(PALETTES)]
    width, height = 960, 540
    picture = PILImage.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((660, 60, 820, 220), fill=ink)
    for step in range(6):
        top = 280 + step * 45
        shade = tuple(int(c * (0.55 + step * 0.08)) for c in ink)
        draw.polygon(
            [
                (0, top + 40),
                (width * 0.35, top - 20 + step * 4),
                (width * 0.7, top + 10),
                (width, top - 30),
                (width, height),
                (0, height),
            ],
            fill=shade,
        )
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _document(title: str, name: str, content: bytes, user):
    document = get_document_model()(title=title, uploaded_by_user=user)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _image(title: str, index: int, user):
    image = get_image_model()(title=title, uploaded_by_user=user)
    image.file = ImageFile(io.BytesIO(_cover(index)), name=f"bia-hoc-lieu-{index + 1}.png")
    image._set_image_file_metadata()
    image.save()
    return image


def _slug(text: str) -> str:
    # ASCII addresses ("ke-hoach-bai-day-toan-6"): they survive being copied into messages.
    return slugify(fold(text))[:80].strip("-")


def _published(page, *, editor, reviewer, day=None) -> None:
    # As if the reviewer had approved the editor's work (see portal.demo for the same choice).
    if day is not None:
        page.first_published_at = timezone.make_aware(datetime.combine(day, time(8, 0)))
    page.save_revision(user=editor).publish(user=reviewer, skip_permission_checks=True)


def _submitted(page, *, editor) -> None:
    """Submitted to moderation as the editor would, but nobody is mailed about the made-up
    history: Wagtail's moderation e-mails are held back while the demo submits."""
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    if workflow is not None:
        with _moderation_mail_held():
            workflow.start(page, editor)


@contextmanager
def _moderation_mail_held():
    from wagtail.admin import signal_handlers

    held = (
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    )
    for signal, sender, uid in held:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        signal_handlers.register_signal_handlers()


def _resource(library, spec, *, covers, editor, reference) -> ResourcePage:
    page = ResourcePage(
        title=spec["title"],
        slug=_slug(spec["title"]),
        summary=spec["summary"],
        resource_type=reference["type"][spec["type"]],
        licence=reference["licence"][spec["licence"]],
        author=spec.get("author", ""),
        source_name=spec.get("source", ""),
        original_url=spec.get("url", ""),
        cover_image=covers[spec["cover"]] if "cover" in spec else None,
        owner=editor,
        live=False,
        body=deepcopy(data("library")["usage"]),
    )
    page.subjects = [reference["subject"][code] for code in spec["subjects"]]
    page.levels = [reference["level"][code] for code in spec["levels"]]
    page.grades = [reference["grade"][code] for code in spec.get("grades", [])]
    page.languages = [reference["language"][code] for code in spec["languages"]]
    page.tags.add(*spec.get("tags", []))
    if "file" in spec:
        name, kind = spec["file"]["name"], spec["file"]["kind"]
        content = _file_bytes(name, kind, spec["title"], spec["summary"])
        page.files = [ResourceFile(document=_document(spec["title"], name, content, editor))]
    library.add_child(instance=page)
    return page


def build_library(ctx: DemoContext, home, editor, reviewer) -> ResourceIndexPage:
    content = data("library")
    library = ResourceIndexPage(
        title=content["title"],
        slug=content["slug"],
        intro=content["intro"],
        search_description=content["search_description"],
        owner=editor,
        live=False,
    )
    home.add_child(instance=library)
    _published(library, editor=editor, reviewer=reviewer)
    reference = {
        "type": {item.code: item for item in ResourceType.objects.all()},
        "licence": {item.code: item for item in Licence.objects.all()},
        "subject": {item.code: item for item in Subject.objects.all()},
        "level": {item.code: item for item in SchoolLevel.objects.all()},
        "grade": {item.code: item for item in Grade.objects.all()},
        "language": {item.code: item for item in Language.objects.all()},
    }
    covers = [_image(f"Ảnh bìa học liệu {n + 1}", n, editor) for n in range(len(PALETTES))]
    for spec in content["resources"]:
        page = _resource(library, spec, covers=covers, editor=editor, reference=reference)
        _published(
            page, editor=editor, reviewer=reviewer, day=ctx.today - timedelta(days=spec["days"])
        )
    for spec in content["pending"]:
        _submitted(
            _resource(library, spec, covers=covers, editor=editor, reference=reference),
            editor=editor,
        )
    return library


# Programmes ------------------------------------------------------------------------------


def question(spec: dict) -> dict:
    """A question of programmes.yaml as courses.quiz.quiz_block_data takes it: `right` (one
    answer, or a list for multiple choice) and `wrong` become choices, right ones first."""
    kind = spec["type"]
    result = {"type": kind, "prompt": spec["prompt"], "points": spec.get("points", 1)}
    if kind in ("single_choice", "multiple_choice"):
        right = [spec["right"]] if kind == "single_choice" else spec["right"]
        result["choices"] = [(r, True) for r in right] + [(w, False) for w in spec["wrong"]]
    elif kind == "true_false":
        result["answer"] = spec["answer"]
    else:
        result["accepted_answers"] = spec["accepted"]
    return result


def _lesson_body(module_title, lesson_title, idea, *, practice=None, resource=None):
    content = data("programmes")
    names = {"module": module_title, "lesson": lesson_title, "idea": idea}
    names["lesson_lower"] = lesson_title.lower()
    body = [
        {"type": block["type"], "value": block["value"].format(**names)}
        for block in content["lesson_body"]
    ]
    if resource is not None:
        note = content["resource_note"]
        body.append({"type": "resource", "value": {"resource": resource.pk, "note": note}})
    if practice:
        body.append(
            {"type": "quiz", "value": quiz_block_data(**content["practice"], questions=practice)}
        )
    return body


def _module(programme, spec, *, editor, reviewer, criteria, levels, resources, rng) -> ModulePage:
    """A module of programmes.yaml with its lessons, published; or submitted when `pending`."""
    lessons = spec["lessons"]
    quiz = [question(q) for q in spec["quiz"]]
    module = ModulePage(
        title=spec["title"],
        slug=_slug(spec["code"]),
        code=spec["code"],
        hours=spec["hours"],
        delivery=spec["delivery"],
        summary=spec["summary"],
        positions=["teacher"],
        objectives="<ul>" + "".join(f"<li>{lesson['idea']}</li>" for lesson in lessons) + "</ul>",
        attempt_limit=3 if spec["hours"] >= 15 else None,
        assessment=[
            {
                "type": "quiz",
                "value": quiz_block_data(
                    **data("programmes")["assessment"], shuffle=True, questions=quiz
                ),
            }
        ],
        owner=editor,
        live=False,
    )
    module.levels = [levels[c] for c in spec.get("levels", ALL_LEVELS)]
    module.criteria = [criteria[c] for c in spec["criteria"]]
    programme.add_child(instance=module)
    if spec.get("pending"):
        _submitted(module, editor=editor)
        return module
    _published(module, editor=editor, reviewer=reviewer)
    for number, lesson in enumerate(lessons):
        page = LessonPage(
            title=f"Bài {number + 1}. {lesson['title']}",
            slug=f"bai-{number + 1}",
            summary=lesson["idea"],
            body=_lesson_body(
                spec["title"],
                lesson["title"],
                lesson["idea"],
                practice=quiz[:1] if number == len(lessons) - 1 else None,
                resource=rng.choice(resources) if resources and number == 0 else None,
            ),
            owner=editor,
            live=False,
        )
        module.add_child(instance=page)
        _published(page, editor=editor, reviewer=reviewer)
    return module


def build_programmes(ctx: DemoContext, home, editor, reviewer, resources) -> ProgrammeIndexPage:
    content = data("programmes")
    index = ProgrammeIndexPage(
        title=content["title"],
        slug=content["slug"],
        intro=content["intro"],
        owner=editor,
        live=False,
    )
    home.add_child(instance=index)
    _published(index, editor=editor, reviewer=reviewer)
    year = current_school_year(ctx.today)
    teachers = Framework.objects.get(code="GVPT", version="2018")
    criteria = {c.code: c for c in Criterion.objects.filter(framework=teachers)}
    levels = {level.code: level for level in SchoolLevel.objects.all()}
    modules = pending = 0
    for spec in content["programmes"]:
        programme = ProgrammePage(
            title=spec["title"].format(year=year),
            slug=f"chuong-trinh-{spec['kind']}-{year}",
            kind=spec["kind"],
            school_year=year,
            target_hours=spec["target_hours"],
            issued_by=spec["issued_by"],
            intro=spec["intro"],
            owner=editor,
            live=False,
        )
        index.add_child(instance=programme)
        _published(programme, editor=editor, reviewer=reviewer)
        for module in spec["modules"]:
            _module(
                programme,
                module,
                editor=editor,
                reviewer=reviewer,
                criteria=criteria,
                levels=levels,
                resources=resources,
                rng=ctx.rng,
            )
            pending += module.get("pending", False)
            modules += not module.get("pending", False)
    ctx.log(
        f"Programmes {year}: 01, 02, 03 with {modules} modules; {pending} module waiting for "
        "review."
    )
    return index


def build_content(ctx: DemoContext) -> None:
    """Standards, the open library and this school year's programmes (see the module doc)."""
    for path in sorted(STANDARDS_DIR.glob("*.yaml")):
        result = standards_load(path=path)
        ctx.log(f"Standards: {result.framework.legal_basis}: {result.criteria} criteria.")
    home = Site.objects.get(is_default_site=True).root_page.specific
    editor, reviewer = ctx.accounts.get("content_editor"), ctx.accounts.get("content_reviewer")
    library = build_library(ctx, home, editor, reviewer)
    resources = list(ResourcePage.objects.live().child_of(library))
    pending = len(data("library")["pending"])
    ctx.log(f"Library: {len(resources)} resources published, {pending} waiting for review.")
    programmes = build_programmes(ctx, home, editor, reviewer, resources)
    ctx.library_index, ctx.programme_index = library, programmes
