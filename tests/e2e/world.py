"""The small world the browser journeys walk through, built as people build it: pages added under
their parent and published, people created and modules assigned through the real services.

Fixtures shared by the journeys live in conftest.py; these are the plain builders they call."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Site

from courses.models import (
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
from training.tests.conftest import final_quiz, publish, this_year

#: The right answers to `final_quiz()`, as a teacher reads them on the page.
RIGHT_CHOICES = ["Thang điểm 10", "Chương trình 01", "Chương trình 02"]
RIGHT_TEXT = "Bồi dưỡng thường xuyên"


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def programme_03(school_year: str | None = None) -> ProgrammePage:
    index = ProgrammeIndexPage.objects.first()
    if index is None:
        index = ProgrammeIndexPage(title="Chương trình bồi dưỡng", slug="chuong-trinh", live=False)
        home_page().add_child(instance=index)
        index = publish(index)
    school_year = school_year or this_year()
    programme = ProgrammePage.objects.filter(kind="03", school_year=school_year).first()
    if programme is None:
        programme = ProgrammePage(
            title=f"Chương trình 03 năm học {school_year}",
            slug=f"ct-03-{school_year}",
            kind="03",
            school_year=school_year,
            live=False,
        )
        index.add_child(instance=programme)
        programme = publish(programme)
    return programme


def module_with_quiz(*, code="GVPT 05", title="Ứng dụng công nghệ thông tin trong dạy học"):
    """A 20-tiết online module with two lessons and the final quiz of `final_quiz()`."""
    module = ModulePage(
        title=title,
        slug=code.lower().replace(" ", "-"),
        code=code,
        hours=20,
        delivery="online",
        assessment=[{"type": "quiz", "value": final_quiz()}],
        live=False,
    )
    programme_03().add_child(instance=module)
    module = publish(module)
    for number, heading in ((1, "Khai thác học liệu số"), (2, "Thiết kế bài giảng điện tử")):
        lesson = LessonPage(
            title=f"Bài {number}. {heading}",
            slug=f"bai-{number}",
            body=[{"type": "paragraph", "value": f"<p>Nội dung bài {number}: {heading}.</p>"}],
            live=False,
        )
        module.add_child(instance=lesson)
        publish(lesson)
    return ModulePage.objects.get(pk=module.pk)


def library_with_resources() -> ResourceIndexPage:
    """The open library with three resources; only the Mông-language one has a file."""
    library = ResourceIndexPage(title="Thư viện học liệu mở", slug="thu-vien", live=False)
    home_page().add_child(instance=library)
    library = publish(library)
    document = get_document_model()(title="Phiếu bài tập phân số")
    document.file.save("phieu-bai-tap.csv", ContentFile("câu,đáp án\n1,a\n".encode()), save=False)
    document._set_document_file_metadata()
    document.save()
    for title, kind, language, subject, files in (
        ("Phiếu bài tập phân số", "exercise-set", "hmong", "mathematics", [document]),
        ("Giáo án Tiếng Việt lớp 3", "lesson-plan", "vietnamese", "vietnamese", []),
        ("Video hướng dẫn thí nghiệm", "video", "vietnamese", "science", []),
    ):
        page = ResourcePage(
            title=title,
            summary="Tài liệu dùng trong sinh hoạt chuyên môn.",
            author="Nguyễn Thị Hương",
            resource_type=ResourceType.objects.get(code=kind),
            licence=Licence.objects.get(code="cc-by-4-0"),
            live=False,
        )
        page.languages = list(Language.objects.filter(code=language))
        page.subjects = list(Subject.objects.filter(code=subject))
        page.levels = list(SchoolLevel.objects.filter(code="primary"))
        page.files = [ResourceFile(document=doc) for doc in files]
        library.add_child(instance=page)
        publish(page)
    return library


def certificate_issuer(department):
    from certificates.tests.conftest import issuer_create

    return issuer_create(department)
