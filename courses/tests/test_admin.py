"""The admin: every page type's form opens, the managed lists and standards are snippets with
listings and exports, and a criterion takes its framework from its standard."""

import csv
import io

import pytest
from django.urls import reverse

from courses.models import Criterion, Licence, Standard
from courses.services import standards_load
from courses.tests.services.test_standards_load import TEACHERS


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        ("resourceindexpage", "home"),
        ("resourcepage", "library"),
        ("programmeindexpage", "home"),
        ("programmepage", "programmes"),
        ("modulepage", "programme"),
        ("lessonpage", "module"),
    ],
)
def test_every_page_form_opens(admin_client, request, model, parent):
    parent_page = request.getfixturevalue(parent)
    url = reverse("wagtailadmin_pages:add", args=("courses", model, parent_page.pk))
    assert admin_client.get(url).status_code == 200


def test_existing_pages_open_for_editing(admin_client, lesson, make_resource):
    for page in (lesson, lesson.get_parent(), make_resource()):
        assert (
            admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
        )


@pytest.mark.parametrize(
    "model",
    ["resourcetype", "subject", "schoollevel", "grade", "language", "licence", "framework",
     "standard", "criterion"],
)  # fmt: skip
def test_snippet_listings_open(admin_client, model):
    standards_load(path=TEACHERS)
    response = admin_client.get(reverse(f"wagtailsnippets_courses_{model}:list"))
    assert response.status_code == 200


def test_licences_export_as_csv(admin_client):
    """Through the one export path: BOM, the verbose names as headings, a choice by its label,
    yes/no in words, a Vietnamese file name."""
    response = admin_client.get(reverse("wagtailsnippets_courses_licence:list") + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert len(rows) == 1 + Licence.objects.count()
    assert rows[0] == [
        "Tên ngắn",
        "Tên",
        "Mã",
        "Địa chỉ văn bản giấy phép",
        "Ghi công",
        "Giấy phép mở",
    ]
    assert ["CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"] == [rows[1][0], rows[1][3]]
    assert rows[1][4] == "Phải ghi công (tên, tác giả, nguồn, giấy phép)" and rows[1][5] == "Có"
    assert "filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p" in response["Content-Disposition"]


def test_a_criterion_takes_its_framework_from_its_standard(admin_client):
    framework = standards_load(path=TEACHERS).framework
    standard = Standard.objects.get(framework=framework, code="5")
    url = reverse("wagtailsnippets_courses_criterion:add")
    data = {"standard": standard.pk, "code": "16", "sort_order": "16", "confirmed": "on",
            "name": "Tiêu chí thử", "description": ""}  # fmt: skip
    assert admin_client.post(url, data).status_code == 302
    assert Criterion.objects.get(code="16").framework == framework
    duplicate = admin_client.post(url, {**data, "code": "3"})
    assert duplicate.status_code == 200
    assert "code" in duplicate.context["form"].errors
