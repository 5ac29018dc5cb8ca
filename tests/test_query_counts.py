"""The pages a teacher hits make the same number of SQL queries however much data there is.

Each page is fetched once (caches warm, as in a running site), then its queries are counted; more
data is then added through the real services — more modules studied, certificates issued,
resources published, colleagues — and the count must not move. The benchmark (`make bench`)
prints the same counts for the demo and the province-size data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.services import certificate_issue_year
from certificates.tests.conftest import (  # noqa: F401 — fixtures
    _media_in_tmp,
    completed_year,
    issuer,
    make_module,
    study,
)
from courses.models import Language, Licence, ResourcePage, ResourceType, SchoolLevel, Subject
from tests.e2e.world import library_with_resources
from training.tests.conftest import this_year

pytestmark = pytest.mark.django_db

#: Most queries any of these pages may make (the lesson page, which records the view, makes 28
#: today); the counts on the demo data are printed by `make bench`.
CEILING = 30


def _add_resources(library, count: int, start: int) -> None:
    for number in range(start, start + count):
        page = ResourcePage(
            title=f"Phiếu học tập số {number}",
            summary="Tài liệu dùng trong sinh hoạt chuyên môn.",
            author="Lò Văn Minh",
            resource_type=ResourceType.objects.get(code="exercise-set"),
            licence=Licence.objects.get(code="cc-by-4-0"),
            live=False,
        )
        page.languages = list(Language.objects.filter(code="vietnamese"))
        page.subjects = list(Subject.objects.filter(code="mathematics"))
        page.levels = list(SchoolLevel.objects.filter(code="primary"))
        library.add_child(instance=page)
        page.save_revision().publish()


@pytest.fixture
def world(teacher, school, make_person, issuer, completed_year, make_module):  # noqa: F811
    """A teacher with a completed year and its certificate, a module, the library."""
    module = make_module(school_year=this_year())
    summary = completed_year(teacher, module=module)
    certificate = certificate_issue_year(summary=summary, acting_user=None)
    library = library_with_resources()
    lesson = module.lessons()[0]
    return {
        "teacher dashboard": ("/trang-ca-nhan/", teacher),
        "module page": (module.url, teacher),
        "lesson page": (lesson.url, teacher),
        "library index": (library.url, None),
        "verification page": (f"/verify/{certificate.code}/", None),
        "API list": ("/api/v1/enrolments/", teacher),
        "_grow": (teacher, school, make_person, completed_year, make_module, library),
    }


def _count(client, path, person) -> int:
    client.logout()
    if person is not None:
        client.force_login(person)
    for _warm_up in range(2):  # the very first request also creates the site's settings row
        first = client.get(path)
        assert first.status_code == 200, (path, first.status_code)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries)


def _grow(teacher, school, make_person, completed_year, make_module, library):  # noqa: F811
    """Several times the data: colleagues with certificates, more modules the teacher
    enrolled in, more resources."""
    for number in range(2):
        colleague = make_person(unit=school, staff_code=f"GV9{number:02d}")
        summary = completed_year(colleague)
        certificate_issue_year(summary=summary, acting_user=None)
    for _ in range(3):
        study(make_module(school_year=this_year()), teacher)  # enrolled on opening, completed
    _add_resources(library, 6, start=1)


def test_each_page_makes_the_same_queries_as_the_data_grows(client, world):
    grow = world.pop("_grow")
    before = {name: _count(client, path, person) for name, (path, person) in world.items()}
    _grow(*grow)
    after = {name: _count(client, path, person) for name, (path, person) in world.items()}
    assert after == before
    assert max(before.values()) <= CEILING, before


def test_the_site_and_its_settings_are_not_read_again_on_each_request(client, world):
    path, _person = world["library index"]
    client.get(path)  # creates the site's settings row
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    tables = " ".join(q["sql"] for q in captured.captured_queries)
    assert "wagtailcore_site" not in tables
    assert "portal_portalsettings" not in tables
    assert "portal_navigationlink" not in tables
