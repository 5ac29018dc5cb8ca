"""Test support for the API's tests (courses/, training/, certificates/, site/ tests/api and
tests/test_api_*): a small world built through the real services, tokens, and clients.

`api_world` gives one school year of one school seen from every role: a teacher who enrolled,
studied, sat the final assessment, recorded a face-to-face training, submitted a plan and holds
a module certificate; a teacher of another school; both schools' managers; office staff of the
department; a content editor; the content they use (a programme with two modules, a resource,
the professional standard)."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import Site

from certificates.models import Delegation, Issuer, ModuleCertificateRule
from certificates.services import certificate_issue_module
from courses.models import (
    Framework,
    Language,
    LessonPage,
    Licence,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
)
from courses.quiz import quiz_block_data
from courses.school_year import current_school_year
from courses.services import standards_load
from portal.api.services import api_token_create
from training import roles
from training.models import Completion
from training.services import (
    attempt_submit,
    enrolment_self,
    lesson_view_record,
    plan_approve,
    plan_save,
    plan_submit,
    record_year_window,
    training_record_approve,
    training_record_submit,
    year_target_set,
)

#: The smallest file evidence_check takes for a PDF.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

#: The roles of the access matrix, in the order its tables list them.
ROLES = (
    "anonymous",
    "teacher",
    "other_teacher",
    "manager",
    "other_manager",
    "office",
    "editor",
)


def this_year() -> str:
    return current_school_year(timezone.localdate())


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def final_quiz():
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
    )


def quiz_answers(module: ModulePage, *, right: bool = True) -> dict:
    """Answers to a module's final quiz, all right or all wrong, read from the quiz itself."""
    return answers_for(module.final_quiz(), right=right)


def answers_for(quiz, *, right: bool = True) -> dict:
    """Answers to a quiz block, all right or all wrong."""
    given = {}
    for question in quiz.value["questions"]:
        kind, value = question.block_type, question.value
        if kind in ("single_choice", "multiple_choice"):
            picked = [c.id for c in value["choices"].bound_blocks if c.value["correct"] == right]
            given[question.id] = picked[0] if kind == "single_choice" else picked
        elif kind == "true_false":
            truth = value["answer"] == "true"
            given[question.id] = "true" if truth == right else "false"
        else:
            given[question.id] = "Bồi dưỡng thường xuyên" if right else "không biết"
    return given


def make_programme(*, kind="03", school_year=None) -> ProgrammePage:
    school_year = school_year or this_year()
    home = Site.objects.get(is_default_site=True).root_page
    index = ProgrammeIndexPage.objects.first()
    if index is None:
        index = ProgrammeIndexPage(title="Chương trình bồi dưỡng", slug="chuong-trinh", live=False)
        home.add_child(instance=index)
        index = publish(index)
    existing = ProgrammePage.objects.filter(kind=kind, school_year=school_year).first()
    if existing is not None:
        return existing
    page = ProgrammePage(
        title=f"Chương trình {kind} năm học {school_year}",
        slug=f"ct-{kind}-{school_year}",
        kind=kind,
        school_year=school_year,
        live=False,
    )
    index.add_child(instance=page)
    return publish(page)


def make_module(
    *, code: str, hours: int = 40, lessons: int = 2, quiz: bool = True, kind="03", **fields
) -> ModulePage:
    page = ModulePage(
        title=fields.pop("title", f"Mô-đun {code}"),
        slug=fields.pop("slug", code.lower().replace(" ", "-")),
        code=code,
        hours=hours,
        delivery="online",
        pass_mark=Decimal("5.0"),
        live=False,
        **fields,
    )
    if quiz:
        page.assessment = [{"type": "quiz", "value": final_quiz()}]
    make_programme(kind=kind).add_child(instance=page)
    page = publish(page)
    for number in range(1, lessons + 1):
        lesson = LessonPage(
            title=f"Bài {number}",
            slug=f"bai-{number}",
            live=False,
            body=[
                {"type": "heading", "value": f"Bài {number}"},
                {"type": "paragraph", "value": f"<p>Nội dung bài {number}.</p>"},
                {"type": "quiz", "value": final_quiz()},
            ],
        )
        page.add_child(instance=lesson)
        publish(lesson)
    return ModulePage.objects.get(pk=page.pk)


def make_resource(*, title="Tài liệu bồi dưỡng thường xuyên", **fields) -> ResourcePage:
    home = Site.objects.get(is_default_site=True).root_page
    library = ResourceIndexPage.objects.first()
    if library is None:
        library = ResourceIndexPage(title="Thư viện", slug="thu-vien", live=False)
        home.add_child(instance=library)
        library = publish(library)
    page = ResourcePage(
        title=title,
        summary=fields.pop("summary", "Tài liệu dùng trong sinh hoạt chuyên môn."),
        author="Nguyễn Thị Hương",
        resource_type=ResourceType.objects.get(code=fields.pop("type", "document")),
        licence=Licence.objects.get(code="cc-by-4-0"),
        live=False,
        **fields,
    )
    page.languages = list(Language.objects.filter(code="vietnamese"))
    library.add_child(instance=page)
    return publish(page)


def token_for(user) -> str:
    _token, key = api_token_create(user=user, name="tests", acting_user=user)
    return key


def client_for(user=None) -> APIClient:
    """An API client that sends the person's token (none: anonymous)."""
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
    return client


def if_match(item) -> dict:
    """The If-Match header of a decision on a plan or face-to-face record as it is stored now
    (what a GET's ETag says)."""
    from training.models import TrainingPlan
    from training.review_selectors import plan_version, record_version

    item = type(item).objects.get(pk=item.pk)
    version = plan_version(item) if isinstance(item, TrainingPlan) else record_version(item)
    return {"HTTP_IF_MATCH": f'"{version}"'}


@dataclass
class World:
    department: object
    commune: object
    school: object
    other_school: object
    teacher: object
    graduate: object
    other_teacher: object
    manager: object
    other_manager: object
    office: object
    editor: object
    programme: ProgrammePage
    module: ModulePage
    plain_module: ModulePage
    lesson: LessonPage
    resource: ResourcePage
    framework: Framework
    enrolment: object
    lesson_view: object
    attempt: object
    record: object
    plan: object
    summary: object
    certificate: object
    issuer: Issuer

    def person(self, role: str):
        return None if role == "anonymous" else getattr(self, role)


def complete_year(person, *, module: ModulePage, day) -> None:
    """Take a person through the whole year: plan approved, the module studied and passed,
    40 + 40 tiết of approved face-to-face training."""
    year = this_year()
    plan = plan_save(school_year=year, modules=[module], acting_user=person)
    plan_approve(plan=plan_submit(plan=plan, acting_user=person), acting_user=None)
    for lesson in module.lessons():
        lesson_view_record(lesson=lesson, acting_user=person)
    attempt_submit(module=module, answers=quiz_answers(module), acting_user=person)
    for programme in ("01", "02"):
        record = training_record_submit(
            school_year=year,
            title=f"Tập huấn chương trình {programme}",
            organiser="Sở GD&ĐT Lai Châu",
            start_date=day,
            end_date=day,
            hours=40,
            programme=programme,
            acting_user=person,
        )
        training_record_approve(record=record, acting_user=None)


def build_world(*, department, commune, school, other_school, make_person) -> World:
    today = timezone.localdate()
    year = this_year()
    # The plan deadline in the future whatever day the tests run on.
    year_target_set(
        school_year=year,
        audience="teacher",
        hours_01=40,
        hours_02=40,
        hours_03=40,
        plan_deadline=today + timedelta(days=60),
        acting_user=None,
    )
    teacher = make_person(unit=school, staff_code="GV001", email="huong@example.vn")
    other_teacher = make_person(unit=other_school, staff_code="GV002", full_name="Lò Văn Páo")
    manager = make_person(
        unit=school,
        role=roles.SCHOOL_MANAGER,
        full_name="Đặng Văn Dũng",
        staff_code="QL001",
        position="principal",
    )
    other_manager = make_person(
        unit=other_school,
        role=roles.SCHOOL_MANAGER,
        full_name="Tẩn Thị Mây",
        staff_code="QL002",
        position="principal",
    )
    office = make_person(
        unit=department,
        role=roles.OFFICE_STAFF,
        full_name="Hoàng Thị Thùy",
        staff_code="CV001",
        position="office_specialist",
    )
    editor = make_person(
        unit=department,
        role=roles.CONTENT_EDITOR,
        full_name="Vàng Thị Dung",
        staff_code="BT001",
        position="staff",
    )
    module = make_module(code="GVPT 05", hours=40, lessons=2, quiz=True)
    plain_module = make_module(code="GVPT 09", hours=10, lessons=1, quiz=False)
    lesson = module.lessons().first()
    resource = make_resource()
    standards_load(path=Path(settings.BASE_DIR) / "courses" / "standards" / "gvpt-tt20-2018.yaml")
    framework = Framework.objects.get(code="GVPT")

    # The teacher's year so far.
    plan = plan_save(school_year=year, modules=[module], acting_user=teacher)
    plan = plan_submit(plan=plan, acting_user=teacher)
    enrolment = enrolment_self(module=module, acting_user=teacher)
    lesson_view = lesson_view_record(lesson=lesson, acting_user=teacher)
    attempt = attempt_submit(
        module=module, answers=quiz_answers(module, right=False), acting_user=teacher
    )
    first, last = record_year_window(year)
    day = min(today - timedelta(days=1), last)
    record = training_record_submit(
        school_year=year,
        title="Tập huấn chương trình giáo dục phổ thông 2018",
        organiser="Sở GD&ĐT Lai Châu",
        start_date=day,
        end_date=day,
        hours=16,
        programme="01",
        files=[SimpleUploadedFile("giay-chung-nhan.pdf", PDF, content_type="application/pdf")],
        acting_user=teacher,
    )
    graduate = make_person(unit=school, staff_code="GV003", full_name="Giàng Seo Lử")
    complete_year(graduate, module=module, day=day)
    # A module certificate: the plain module studied, its certificate issued.
    issuer = Issuer.objects.create(
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
    )
    ModuleCertificateRule.objects.create(module=plain_module)
    for item in plain_module.lessons():
        lesson_view_record(lesson=item, acting_user=teacher)
    completion = Completion.objects.get(user=teacher, module=plain_module)
    certificate = certificate_issue_module(completion=completion, acting_user=None)
    summary = teacher.year_summaries.get(school_year=year)
    return World(
        department=department,
        commune=commune,
        school=school,
        other_school=other_school,
        teacher=teacher,
        graduate=graduate,
        other_teacher=other_teacher,
        manager=manager,
        other_manager=other_manager,
        office=office,
        editor=editor,
        programme=module.programme,
        module=module,
        plain_module=plain_module,
        lesson=lesson,
        resource=resource,
        framework=framework,
        enrolment=enrolment,
        lesson_view=lesson_view,
        attempt=attempt,
        record=record,
        plan=plan,
        summary=summary,
        certificate=certificate,
        issuer=issuer,
    )


@pytest.fixture
def api_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.CERTIFICATES_PUBLIC_URL = "https://hoctap.example.vn"


@pytest.fixture
def api_world(department, commune, school, other_school, make_person, api_media) -> World:
    cache.clear()
    return build_world(
        department=department,
        commune=commune,
        school=school,
        other_school=other_school,
        make_person=make_person,
    )


@pytest.fixture
def fresh_throttles():
    """Throttle counts live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()
