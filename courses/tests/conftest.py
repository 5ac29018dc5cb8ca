"""Fixtures for the content tests. Pages are built as editors build them: added under their
parent, saved as a revision, published. Reference data (licences, languages, …) comes from the
data migration, as in production."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Site

from courses.models import (
    Language,
    LessonPage,
    Licence,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    SchoolLevel,
    Subject,
)
from courses.quiz import quiz_block_data
from courses.services import editorial_sync


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def library(home):
    index = ResourceIndexPage(title="Thư viện học liệu mở", slug="thu-vien", live=False)
    home.add_child(instance=index)
    return publish(index)


@pytest.fixture
def make_resource(library):
    def make(*, title="Tài liệu bồi dưỡng", live=True, **fields):
        subjects = fields.pop("subjects", [])
        levels = fields.pop("levels", [])
        languages = fields.pop("languages", ["vietnamese"])
        tags = fields.pop("tags", [])
        fields.setdefault("summary", "Tài liệu dùng trong sinh hoạt chuyên môn.")
        fields.setdefault("author", "Nguyễn Thị Hương")
        fields["resource_type"] = ResourceType.objects.get(code=fields.pop("type", "document"))
        fields["licence"] = Licence.objects.get(code=fields.pop("licence", "cc-by-4-0"))
        page = ResourcePage(title=title, live=False, **fields)
        page.subjects = list(Subject.objects.filter(code__in=subjects))
        page.levels = list(SchoolLevel.objects.filter(code__in=levels))
        page.languages = list(Language.objects.filter(code__in=languages))
        page.tags.add(*tags)
        library.add_child(instance=page)
        return publish(page) if live else page

    return make


@pytest.fixture
def programmes(home):
    index = ProgrammeIndexPage(title="Chương trình bồi dưỡng", slug="chuong-trinh", live=False)
    home.add_child(instance=index)
    return publish(index)


@pytest.fixture
def make_programme(programmes):
    def make(*, kind="03", school_year="2026-2027", **fields):
        fields.setdefault("title", f"Chương trình {kind} — năm học {school_year}")
        page = ProgrammePage(kind=kind, school_year=school_year, live=False, **fields)
        programmes.add_child(instance=page)
        return publish(page)

    return make


@pytest.fixture
def programme(make_programme):
    return make_programme()


def sample_quiz(**kwargs):
    return quiz_block_data(
        title=kwargs.pop("title", "Kiểm tra cuối mô-đun"),
        questions=kwargs.pop(
            "questions",
            [
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
                {
                    "type": "true_false",
                    "prompt": "Điểm 5 trở lên là đạt.",
                    "answer": True,
                },
                {
                    "type": "short_answer",
                    "prompt": "Viết tên hoạt động học tập thường xuyên của giáo viên.",
                    "accepted_answers": ["Bồi dưỡng thường xuyên"],
                },
            ],
        ),
        **kwargs,
    )


@pytest.fixture
def make_module(programme):
    def make(*, parent=None, code="GVPT 05", quiz=True, criteria=(), levels=(), **fields):
        fields.setdefault("title", "Sử dụng phương pháp dạy học phát triển năng lực")
        fields.setdefault("hours", 10)
        fields.setdefault("delivery", "online")
        fields.setdefault("pass_mark", Decimal("5.0"))
        page = ModulePage(code=code, live=False, **fields)
        if quiz:
            page.assessment = [{"type": "quiz", "value": sample_quiz()}]
        page.criteria = list(criteria)
        page.levels = list(SchoolLevel.objects.filter(code__in=levels))
        (parent or programme).add_child(instance=page)
        return publish(page)

    return make


@pytest.fixture
def module(make_module):
    return make_module()


@pytest.fixture
def make_lesson(module):
    def make(*, parent=None, title="Bài 1", body=None, live=True):
        page = LessonPage(
            title=title,
            live=False,
            body=body
            if body is not None
            else [
                {"type": "paragraph", "value": "<p>Nội dung bài học.</p>"},
                {"type": "quiz", "value": sample_quiz(title="Tự kiểm tra")},
            ],
        )
        (parent or module).add_child(instance=page)
        return publish(page) if live else page

    return make


@pytest.fixture
def lesson(make_lesson):
    return make_lesson()


@pytest.fixture
def make_user(db):
    counter = iter(range(1, 10_000))

    def make(*, groups=(), **fields):
        number = next(counter)
        user = get_user_model().objects.create_user(
            username=fields.pop("username", f"user{number}"),
            password="mat-khau-rat-dai-2026",
            last_name=fields.pop("last_name", "Lò"),
            first_name=fields.pop("first_name", f"Văn {number}"),
            **fields,
        )
        user.groups.set(groups)
        return user

    return make


@pytest.fixture
def editorial_groups(db):
    """Two groups given the content roles by courses.services.editorial_sync, named here so
    that these tests do not depend on the training app's role names."""
    editors = Group.objects.create(name="Test editors")
    reviewers = Group.objects.create(name="Test reviewers")
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in (editors, reviewers):
        group.permissions.add(access)
    editorial_sync(editors=editors, reviewers=reviewers)
    return editors, reviewers
