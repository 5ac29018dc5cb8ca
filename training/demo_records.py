"""Demo world, step `build_records`: a believable history of regular training.

- `ctx.years` past school years, each with its programmes 01, 02 and 03 (modules copied, with
  one lesson each, from this year's); every trainee of the province has an approved plan,
  completed modules and approved face-to-face records, most completing the year, some not;
  each past year is then closed by the office, so those who fell short are "not completed";
- this school year: the office assigns the Programme 01 modules to everyone, with a deadline;
  the demo school's teachers are written through the real services — plans in every state
  (none, draft, submitted, returned, approved), modules studied and assessments passed, face-
  to-face records waiting, approved and rejected, some teachers ahead and some behind;
- the demo teacher (gv.demo) has a draft plan to submit, a module completed, one half studied,
  a face-to-face record approved, one waiting for the demo school manager and one rejected.

The province's history is written in bulk (the services would take minutes for ten thousand
people); every summary is then counted by the service that keeps them (summaries_refresh), as
`manage.py recompute_summaries` would. The face-to-face trainings and what reviewers and the
office write are data, in training/demo_data/records.yaml."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone

from courses.models import LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage
from courses.school_year import current_school_year, school_year_dates
from training.models import (
    Attempt,
    Completion,
    Enrolment,
    EnrolmentSource,
    LessonView,
    PlanAction,
    PlanEvent,
    PlanItem,
    PlanStatus,
    Position,
    Programme,
    RecordStatus,
    StaffProfile,
    TrainingPlan,
    TrainingRecord,
    User,
    YearSummary,
)
from training.reminders.demo import build_reminders
from training.review_selectors import plan_version, record_version
from training.selectors import TRAINEE_POSITIONS, summary_keys
from training.services import (
    attempt_submit,
    enrolment_assign,
    lesson_view_record,
    plan_approve,
    plan_return,
    plan_save,
    plan_submit,
    summaries_refresh,
    training_record_approve,
    training_record_reject,
    training_record_submit,
    year_close,
    year_target_set,
)

if TYPE_CHECKING:
    import random

    from portal.management.commands.demo import DemoContext

BATCH = 2000

#: What the history says (training/demo_data/records.yaml).
WORDS = yaml.safe_load(
    (Path(__file__).resolve().parent / "demo_data" / "records.yaml").read_text(encoding="utf-8")
)
#: Face-to-face trainings of a year: (title, organiser, programme, hours).
FACE_TO_FACE = [
    (t["title"], t["organiser"], t["programme"], t["hours"]) for t in WORDS["face_to_face"]
]


@dataclass
class YearContent:
    school_year: str
    modules: dict[str, list[ModulePage]]  # programme -> modules
    lessons: dict[int, list[int]]  # module id -> lesson ids


def _pdf(title: str) -> SimpleUploadedFile:
    """A small, valid one-page PDF: the demo's scanned certificate."""
    text = title.encode("ascii", "replace")
    stream = b"BT /F1 14 Tf 40 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return SimpleUploadedFile("giay-chung-nhan.pdf", body, content_type="application/pdf")


def _at(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(7, 21), rng.randint(0, 59))))


def _publish(page):
    page.save_revision().publish()
    return page


# Content ----------------------------------------------------------------------------------------


def _current_content(index: ProgrammeIndexPage, year: str) -> YearContent:
    modules: dict[str, list[ModulePage]] = {kind: [] for kind in Programme.values}
    for programme in (
        ProgrammePage.objects.child_of(index).filter(school_year=year).order_by("path")
    ):
        modules[Programme.of_kind(programme.kind)] = list(
            ModulePage.objects.live().child_of(programme).order_by("path")
        )
    return _with_lessons(YearContent(year, modules, {}))


def _with_lessons(content: YearContent) -> YearContent:
    pages = [m for group in content.modules.values() for m in group]
    content.lessons = {m.pk: [] for m in pages}
    by_path = {m.path: m.pk for m in pages}
    under = Q(pk__in=[])
    for module in pages:
        under |= Q(path__startswith=module.path, depth=module.depth + 1)
    for pk, path in (
        LessonPage.objects.live().filter(under).order_by("path").values_list("pk", "path")
    ):
        content.lessons[by_path[path[: -LessonPage.steplen]]].append(pk)
    return content


def _past_content(index: ProgrammeIndexPage, current: YearContent, year: str) -> YearContent:
    """A past year's programmes: this year's modules again (as programmes are renewed), each
    with one lesson, so that past completions point at real modules."""
    modules: dict[str, list[ModulePage]] = {kind: [] for kind in Programme.values}
    for kind in ("01", "02", "03"):
        programme = ProgrammePage(
            title=f"Chương trình {kind} — năm học {year}",
            slug=f"chuong-trinh-{kind}-{year}",
            kind=kind,
            school_year=year,
            issued_by=WORDS["past_programmes"][kind],
            live=False,
        )
        index.add_child(instance=programme)
        _publish(programme)
        for source in current.modules[kind]:
            module = ModulePage(
                title=source.title,
                slug=source.slug,
                code=source.code,
                hours=source.hours,
                delivery=source.delivery,
                summary=source.summary,
                positions=source.positions,
                pass_mark=source.pass_mark,
                attempt_limit=source.attempt_limit,
                assessment=source.assessment.raw_data,
                live=False,
            )
            module.criteria = list(source.criteria.all())
            module.levels = list(source.levels.all())
            programme.add_child(instance=module)
            _publish(module)
            lesson = LessonPage(
                title=WORDS["past_lesson_title"],
                slug="tai-lieu",
                summary=source.summary,
                body=[{"type": "paragraph", "value": f"<p>{source.summary or source.title}</p>"}],
                live=False,
            )
            module.add_child(instance=lesson)
            _publish(lesson)
            modules[kind].append(module)
    return _with_lessons(YearContent(year, modules, {}))


# Bulk history -------------------------------------------------------------------------------------


@dataclass
class Person:
    user_id: int
    unit_id: int
    position: str
    reviewer_id: int | None


class Rows:
    """Rows of the bulk history, written in batches."""

    def __init__(self):
        self.plans, self.items, self.events = [], [], []
        self.enrolments, self.views, self.attempts, self.completions = [], [], [], []
        self.criteria, self.records = [], []

    def flush(self) -> None:
        TrainingPlan.objects.bulk_create(self.plans, batch_size=BATCH)
        for item in self.items:
            item.plan_id = item.plan.pk
        PlanItem.objects.bulk_create(self.items, batch_size=BATCH)
        for event in self.events:
            event.plan_id = event.plan.pk
        PlanEvent.objects.bulk_create(self.events, batch_size=BATCH)
        Enrolment.objects.bulk_create(self.enrolments, batch_size=BATCH)
        for row in (*self.views, *self.attempts):
            row.enrolment_id = row.enrolment.pk
        LessonView.objects.bulk_create(self.views, batch_size=BATCH)
        Attempt.objects.bulk_create(self.attempts, batch_size=BATCH)
        for completion in self.completions:
            completion.enrolment_id = completion.enrolment.pk
            completion.attempt_id = completion.attempt.pk if completion.attempt else None
        Completion.objects.bulk_create(self.completions, batch_size=BATCH)
        through = Completion.criteria.through
        Completion.criteria.through.objects.bulk_create(
            [
                through(completion_id=completion.pk, criterion_id=criterion_id)
                for completion, criterion_ids in self.criteria
                for criterion_id in criterion_ids
            ],
            batch_size=BATCH,
        )
        TrainingRecord.objects.bulk_create(self.records, batch_size=BATCH)
        self.__init__()


def _day(first: date, last: date, rng: random.Random) -> date:
    return first + timedelta(days=rng.randint(0, max((last - first).days, 0)))


def _history(
    person: Person,
    content: YearContent,
    rows: Rows,
    rng: random.Random,
    *,
    criteria: dict[int, list[int]],
    until: date,
    share: float,
) -> None:
    """One person's year: an approved plan, and `share` (0…1) of it done by `until`."""
    year = content.school_year
    first, _last = school_year_dates(year)
    end = min(until, date(first.year + 1, 5, 31))
    plan_made = _at(min(first + timedelta(days=rng.randint(10, 40)), until), rng)
    plan = TrainingPlan(
        user_id=person.user_id,
        school_year=year,
        status=PlanStatus.APPROVED,
        submitted_at=plan_made,
        decided_at=plan_made + timedelta(days=rng.randint(1, 6)),
        decided_by_id=person.reviewer_id,
        created_at=plan_made,
    )
    rows.plans.append(plan)
    chosen_03 = rng.sample(content.modules["03"], k=min(len(content.modules["03"]), 8))
    picked, hours = [], 0
    for module in chosen_03:
        if hours >= 40:
            break
        picked.append(module)
        hours += module.hours
    assigned_01 = content.modules["01"][:1]
    plan_modules = [(m, Programme.P01, True) for m in assigned_01] + [
        (m, Programme.P03, False) for m in picked
    ]
    snapshot = []
    for module, programme, assigned in plan_modules:
        rows.items.append(
            PlanItem(
                plan=plan, module=module, programme=programme, hours=module.hours, assigned=assigned
            )
        )
        snapshot.append(
            {
                "id": module.pk,
                "code": module.code,
                "title": module.title,
                "hours": module.hours,
                "programme": programme,
                "assigned": assigned,
            }
        )
    rows.events.append(
        PlanEvent(
            plan=plan,
            action=PlanAction.SUBMITTED,
            actor_id=person.user_id,
            at=plan.submitted_at,
            modules=snapshot,
        )
    )
    rows.events.append(
        PlanEvent(
            plan=plan,
            action=PlanAction.APPROVED,
            actor_id=person.reviewer_id,
            at=plan.decided_at,
            modules=snapshot,
        )
    )

    done = math.floor(len(plan_modules) * share + 1e-9)
    for index, (module, programme, assigned) in enumerate(plan_modules):
        enrolled = plan_made + timedelta(hours=1)
        enrolment = Enrolment(
            user_id=person.user_id,
            module=module,
            school_year=year,
            programme=programme,
            source=EnrolmentSource.ASSIGNED if assigned else EnrolmentSource.PLAN,
            enrolled_at=enrolled,
        )
        rows.enrolments.append(enrolment)
        lessons = content.lessons.get(module.pk, [])
        if index >= done:
            # Started, not finished: the first lesson opened.
            if lessons and rng.random() < 0.6:
                seen = _at(_day(plan_made.date(), end, rng), rng)
                rows.views.append(
                    LessonView(
                        enrolment=enrolment,
                        lesson_id=lessons[0],
                        first_viewed_at=seen,
                        last_viewed_at=seen,
                    )
                )
                enrolment.last_lesson_id, enrolment.last_activity_at = lessons[0], seen
            continue
        finished = _at(_day(plan_made.date() + timedelta(days=7), end, rng), rng)
        for lesson_id in lessons:
            rows.views.append(
                LessonView(
                    enrolment=enrolment,
                    lesson_id=lesson_id,
                    first_viewed_at=finished - timedelta(days=2),
                    last_viewed_at=finished - timedelta(days=1),
                )
            )
        enrolment.last_lesson_id = lessons[-1] if lessons else None
        enrolment.last_activity_at = finished
        score = Decimal(rng.choice(["6.00", "7.00", "7.50", "8.00", "8.50", "9.00", "10.00"]))
        attempt = Attempt(
            enrolment=enrolment,
            number=1,
            quiz_id="demo",
            answers={},
            score=score,
            pass_mark=module.pass_mark,
            passed=True,
            submitted_at=finished,
        )
        rows.attempts.append(attempt)
        completion = Completion(
            enrolment=enrolment,
            user_id=person.user_id,
            module=module,
            school_year=year,
            programme=programme,
            module_code=module.code,
            module_title=module.title,
            module_revision_id=module.live_revision_id,
            hours=module.hours,
            pass_mark=module.pass_mark,
            score=score,
            attempt=attempt,
            completed_at=finished,
            completed_on=timezone.localdate(finished),
        )
        rows.completions.append(completion)
        rows.criteria.append((completion, criteria.get(module.pk, [])))

    # Face-to-face: Programme 01's second half and Programme 02.
    trainings = (
        FACE_TO_FACE if share >= 1 else FACE_TO_FACE[: max(1, round(len(FACE_TO_FACE) * share))]
    )
    for title, organiser, programme, hours in trainings:
        start = _day(first + timedelta(days=20), end - timedelta(days=3), rng)
        days = max(1, hours // 8)
        decided = _at(start + timedelta(days=days + rng.randint(1, 10)), rng)
        rows.records.append(
            TrainingRecord(
                user_id=person.user_id,
                school_year=year,
                title=title,
                organiser=organiser,
                start_date=start,
                end_date=start + timedelta(days=days - 1),
                hours=hours,
                programme=programme,
                status=RecordStatus.APPROVED,
                submitted_at=_at(start + timedelta(days=days), rng),
                decided_at=decided,
                decided_by_id=person.reviewer_id,
                created_at=_at(start + timedelta(days=days), rng),
            )
        )


def _people(ctx: DemoContext, *, exclude_units=()) -> list[Person]:
    reviewers = dict(
        StaffProfile.objects.filter(position=Position.PRINCIPAL).values_list("unit_id", "user_id")
    )
    return [
        Person(user_id, unit_id, position, reviewers.get(unit_id))
        for user_id, unit_id, position in StaffProfile.objects.filter(
            position__in=TRAINEE_POSITIONS, user__is_active=True
        )
        .exclude(unit_id__in=list(exclude_units))
        .order_by("user_id")
        .values_list("user_id", "unit_id", "position")
    ]


def _criteria(content: YearContent) -> dict[int, list[int]]:
    through = ModulePage.criteria.through
    pages = [m.pk for group in content.modules.values() for m in group]
    found: dict[int, list[int]] = {}
    for module_id, criterion_id in through.objects.filter(modulepage_id__in=pages).values_list(
        "modulepage_id", "criterion_id"
    ):
        found.setdefault(module_id, []).append(criterion_id)
    return found


def _bulk_year(ctx, content: YearContent, people: list[Person], rng, *, until: date, shares) -> int:
    rows, criteria = Rows(), _criteria(content)
    for index, person in enumerate(people):
        _history(
            person, content, rows, rng, criteria=criteria, until=until, share=rng.choice(shares)
        )
        if (index + 1) % 500 == 0:
            rows.flush()
    rows.flush()
    return len(people)


# This year through the services -------------------------------------------------------------------


def _study(module: ModulePage, person: User, *, lessons: int | None = None, score: str = "pass"):
    """Open `lessons` lessons (all when None) and, when all are open, answer the assessment."""
    pages = list(module.lessons())
    for lesson in pages[: len(pages) if lessons is None else lessons]:
        lesson_view_record(lesson=lesson, acting_user=person)
    if lessons is None and module.final_quiz() is not None:
        attempt_submit(
            module=module, answers=_answers(module, right=score == "pass"), acting_user=person
        )


def _answers(module: ModulePage, *, right: bool) -> dict:
    given = {}
    for question in module.final_quiz().value["questions"]:
        kind, value = question.block_type, question.value
        if kind in ("single_choice", "multiple_choice"):
            chosen = [c.id for c in value["choices"].bound_blocks if c.value["correct"] == right]
            given[question.id] = (chosen[:1] or [""])[0] if kind == "single_choice" else chosen
        elif kind == "true_false":
            given[question.id] = (
                value["answer"] if right else ("false" if value["answer"] == "true" else "true")
            )
        else:
            accepted = [str(a) for a in value["accepted_answers"]]
            given[question.id] = accepted[0] if right and accepted else "không rõ"
    return given


def _record(person: User, title, organiser, programme, hours, *, start: date, files=True):
    return training_record_submit(
        school_year=current_school_year(start),
        title=title,
        organiser=organiser,
        start_date=start,
        end_date=start + timedelta(days=max(1, hours // 8) - 1),
        hours=hours,
        programme=programme,
        files=[_pdf(title)] if files else [],
        acting_user=person,
    )


def _choose(content: YearContent, rng, *, hours: int) -> list[ModulePage]:
    modules = rng.sample(content.modules["03"], k=len(content.modules["03"]))
    picked, total = [], 0
    for module in modules:
        if total >= hours:
            break
        picked.append(module)
        total += module.hours
    return picked


def _demo_school_year(ctx: DemoContext, content: YearContent, rng) -> dict[str, int]:
    """The demo school's teachers this year, through the services, in every state."""
    manager, teacher = ctx.accounts["school_manager"], ctx.accounts["teacher"]
    today, year = ctx.today, content.school_year
    first, _last = school_year_dates(year)
    start = max(first + timedelta(days=14), today - timedelta(days=60))
    people = list(
        User.objects.filter(
            profile__unit=ctx.demo_school, profile__position=Position.TEACHER, is_active=True
        )
        .exclude(pk=teacher.pk)
        .order_by("name_sort")
    )
    counts = {"plans": 0, "completions": 0, "records": 0}
    # Every state early in the list, so that even a small demo school shows them all.
    states = ["approved", "submitted", "returned", "none", "approved", "draft"]
    for index, person in enumerate(people):
        state = states[index % len(states)]
        ahead = index % 3 != 2  # two in three are on track, one in three behind
        if state != "none":
            chosen = _choose(content, rng, hours=40)
            plan = plan_save(school_year=year, modules=chosen, acting_user=person)
            counts["plans"] += 1
            if state != "draft":
                plan_submit(plan=plan, acting_user=person)
                if state == "approved":
                    plan_approve(
                        plan=plan,
                        acting_user=manager,
                        comment=WORDS["plan_approved"],
                        seen_version=_seen(plan),
                    )
                elif state == "returned":
                    plan_return(
                        plan=plan,
                        acting_user=manager,
                        comment=WORDS["plan_returned"],
                        seen_version=_seen(plan),
                    )
            for module in chosen if ahead else chosen[:1]:
                _study(module, person)
                counts["completions"] += 1
            if not ahead and len(chosen) > 1:
                _study(chosen[1], person, lessons=1)
        for module in content.modules["01"][: 2 if ahead else 1]:
            _study(module, person)
            counts["completions"] += 1
        title, organiser, programme, hours = FACE_TO_FACE[index % len(FACE_TO_FACE)]
        record = _record(
            person,
            title,
            organiser,
            programme,
            hours,
            start=_day(start, today - timedelta(days=3), rng),
        )
        counts["records"] += 1
        if index % 4 == 0:
            training_record_approve(record=record, acting_user=manager, seen_version=_seen(record))
        elif index % 4 == 1:
            training_record_reject(
                record=record,
                acting_user=manager,
                reason=WORDS["record_rejected"],
                seen_version=_seen(record),
            )
    return counts


def _seen(item: TrainingPlan | TrainingRecord) -> str:
    """The version the demo's manager decides on: the plan or record as it is stored (a person's
    decision carries the version they were shown)."""
    if isinstance(item, TrainingPlan):
        return plan_version(TrainingPlan.objects.get(pk=item.pk))
    return record_version(TrainingRecord.objects.get(pk=item.pk))


def _demo_teacher(ctx: DemoContext, content: YearContent, rng) -> None:
    """gv.demo: a draft plan to submit, one module completed and one half studied, records
    approved, waiting and rejected."""
    teacher, manager = ctx.accounts["teacher"], ctx.accounts["school_manager"]
    modules_03 = content.modules["03"]
    plan_save(school_year=content.school_year, modules=modules_03[:3], acting_user=teacher)
    _study(modules_03[0], teacher)
    _study(modules_03[1], teacher, lessons=1)
    if content.modules["01"]:
        _study(content.modules["01"][0], teacher)
    first, _last = school_year_dates(content.school_year)
    day = max(first + timedelta(days=20), ctx.today - timedelta(days=40))
    approved = _record(teacher, *FACE_TO_FACE[1], start=day)
    training_record_approve(
        record=approved,
        acting_user=manager,
        comment=WORDS["record_approved"],
        seen_version=_seen(approved),
    )
    rejected = _record(teacher, *FACE_TO_FACE[2], start=day + timedelta(days=10), files=False)
    training_record_reject(
        record=rejected,
        acting_user=manager,
        reason=WORDS["record_rejected"],
        seen_version=_seen(rejected),
    )
    _record(
        teacher,
        *FACE_TO_FACE[3],
        start=min(day + timedelta(days=20), ctx.today - timedelta(days=2)),
    )


def build_records(ctx: DemoContext) -> None:
    rng = ctx.rng
    index = getattr(ctx, "programme_index", None) or ProgrammeIndexPage.objects.first()
    if index is None:
        ctx.log("No training programmes: the records step needs the courses content step first.")
        return
    office = ctx.accounts.get("office_staff")
    year = current_school_year(ctx.today)
    current = _current_content(index, year)
    year_target_set(
        school_year=year,
        audience="teacher",
        hours_01=40,
        hours_02=40,
        hours_03=40,
        acting_user=office,
    )

    everyone = _people(ctx)
    for back in range(ctx.years, 0, -1):
        start = int(year[:4]) - back
        past = _past_content(index, current, f"{start}-{start + 1}")
        # Most complete their plan; about one in six falls short.
        count = _bulk_year(
            ctx, past, everyone, rng, until=date(start + 1, 5, 31), shares=[1, 1, 1, 1, 1, 0.6]
        )
        year_close(
            school_year=past.school_year,
            unit=ctx.department,
            acting_user=office,
            reason=WORDS["year_closed"].format(year=past.school_year),
        )
        ctx.log(f"Records {past.school_year}: {count} people, year closed.")

    # Elsewhere in the province, in bulk: approved plans, some far along and some behind.
    others = _people(ctx, exclude_units=[ctx.demo_school.pk])
    _bulk_year(ctx, current, others, rng, until=ctx.today, shares=[0.2, 0.4, 0.5, 0.7, 1])
    if current.modules["01"]:
        deadline = max(ctx.today + timedelta(days=30), date(int(year[:4]) + 1, 1, 15))
        for module in current.modules["01"]:
            enrolment_assign(
                module=module,
                units=[ctx.department],
                deadline=deadline,
                note=WORDS["assignment_note"],
                acting_user=office,
            )
    counts = _demo_school_year(ctx, current, rng)
    _demo_teacher(ctx, current, rng)
    summaries_refresh(keys=summary_keys(school_year=year))
    ctx.log(
        f"Records {year}: {len(others)} people elsewhere in bulk; the demo school through the "
        f"services ({counts['plans']} plans, {counts['completions']} modules studied, "
        f"{counts['records']} face-to-face records); {YearSummary.objects.count()} summaries."
    )
    build_reminders(ctx)
