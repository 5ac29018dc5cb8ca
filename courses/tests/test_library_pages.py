"""The library as readers see it: listing, filters in the address, the resource page with its
attribution, structured data and counted downloads."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model

from courses.attribution import attribution_line
from courses.models import Language, ResourceDownload, ResourceFile
from courses.selectors import RESOURCES_PER_PAGE


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def document(db):
    doc = get_document_model()(title="Phiếu bài tập")
    doc.file.save("phieu-bai-tap.csv", ContentFile("câu,đáp án\n1,a\n".encode()), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


@pytest.fixture
def resource_with_file(library, make_resource, document):
    page = make_resource(
        title="Phiếu bài tập phân số",
        type="exercise-set",
        levels=["lower_secondary"],
        subjects=["mathematics"],
        languages=["vietnamese", "hmong"],
        tags=["phân số"],
        live=False,
    )
    page.files = [ResourceFile(document=document)]
    from courses.tests.conftest import publish

    return publish(page)


def test_anyone_can_browse_the_library_and_share_a_filtered_address(client, make_resource):
    make_resource(title="Giáo án Toán", type="lesson-plan", levels=["primary"])
    make_resource(title="Video Ngữ văn", type="video", levels=["lower_secondary"])
    response = client.get("/thu-vien/?type=lesson-plan&q=giao+an")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giáo án Toán" in html and "Video Ngữ văn" not in html
    assert 'name="type" value="lesson-plan" checked' in html
    assert 'value="giao an"' in html


def test_page_links_keep_the_filters(client, make_resource):
    for n in range(RESOURCES_PER_PAGE + 1):
        make_resource(title=f"Đề kiểm tra {n}", type="test")
    html = client.get("/thu-vien/?type=test").content.decode()
    assert 'href="?type=test&amp;page=2"' in html
    second = client.get("/thu-vien/?type=test&page=2").content.decode()
    assert second.count('class="card resource-card"') == 1


def test_the_resource_page_describes_itself_as_a_learning_resource(client, resource_with_file):
    response = client.get(resource_with_file.url)
    assert response.status_code == 200
    data = json_ld(response.content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Phiếu bài tập phân số"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["inLanguage"] == ["vi", "hmn"]
    assert data["educationalLevel"] == ["Trung học cơ sở"]
    assert data["learningResourceType"] == "Bộ bài tập"
    assert data["about"] == [{"@type": "Thing", "name": "Toán"}]
    assert data["author"] == {"@type": "Person", "name": "Nguyễn Thị Hương"}
    assert data["keywords"] == "phân số"
    assert data["url"].endswith(resource_with_file.url)
    [media] = data["associatedMedia"]
    document = resource_with_file.files.get().document
    assert media["contentUrl"] == f"http://testserver/documents/{document.pk}/{document.filename}"


def test_structured_data_cannot_break_out_of_its_script(client, make_resource):
    page = make_resource(title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("licence", "author", "source", "expected"),
    [
        (
            "cc-by-4-0",
            "Lò Văn Thắng",
            "Trường THCS Phong Thổ",
            "“Bài giảng” by Lò Văn Thắng (Trường THCS Phong Thổ) is licensed under "
            '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.',
        ),
        (
            "cc-by-nc-sa-4-0",
            "",
            "Tổ Toán",
            "“Bài giảng” by Tổ Toán is licensed under "
            '<a rel="license" href="https://creativecommons.org/licenses/by-nc-sa/4.0/">'
            "CC BY-NC-SA 4.0</a>.",
        ),
        (
            "cc0-1-0",
            "",
            "",
            '“Bài giảng” (<a rel="license" href="https://creativecommons.org/publicdomain/zero/1.0/">'
            "CC0 1.0</a>) is free of copyright restrictions.",
        ),
        (
            "used-with-permission",
            "",
            "Trung tâm Văn hóa xã",
            "“Bài giảng” is used with the permission of Trung tâm Văn hóa xã. It is not under an "
            "open licence: ask the rights holder before reusing it elsewhere.",
        ),
    ],
)
def test_the_attribution_line_follows_the_licence(make_resource, licence, author, source, expected):
    page = make_resource(title="Bài giảng", licence=licence, author=author, source_name=source)
    with translation.override("en"):
        assert attribution_line(page) == expected


def test_the_attribution_line_links_the_original_and_escapes_text(make_resource):
    page = make_resource(
        title="<b>Bài</b>",
        author="A & B",
        original_url="https://example.org/goc",
        licence="cc-by-4-0",
    )
    with translation.override("en"):
        line = attribution_line(page)
    assert '<a href="https://example.org/goc" rel="noopener">&lt;b&gt;Bài&lt;/b&gt;</a>' in line
    assert "by A &amp; B" in line


def test_a_licence_that_asks_for_attribution_needs_an_author_or_source(make_resource):
    with pytest.raises(ValidationError) as error:
        make_resource(licence="cc-by-sa-4-0", author="", source_name="")
    assert "author" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_resource(licence="used-with-permission", author="", source_name="")
    assert "source_name" in error.value.message_dict
    make_resource(licence="cc0-1-0", author="", source_name="")  # nothing to credit: allowed


def test_a_resource_has_at_least_one_language(make_resource):
    with pytest.raises(ValidationError) as error:
        make_resource(languages=[])
    assert "languages" in error.value.message_dict


def test_anonymous_downloads_are_counted_and_served_by_wagtail(client, resource_with_file):
    attached = resource_with_file.files.get()
    download = f"{resource_with_file.url}tai-ve/{attached.document_id}/"
    for _ in range(2):
        response = client.get(download)
        assert response.status_code == 302
        assert response["Location"] == attached.document.url
        assert response["Location"].startswith(f"/documents/{attached.document_id}/phieu-bai-tap")
    assert ResourceDownload.objects.get(page=resource_with_file).count == 2
    assert client.head(download).status_code == 302
    assert ResourceDownload.objects.get(page=resource_with_file).count == 2

    served = client.get(response["Location"])
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content).decode() == "câu,đáp án\n1,a\n"

    html = client.get(resource_with_file.url).content.decode()
    assert f'href="{download}"' in html
    assert "/media/" not in html


def test_counts_survive_a_new_revision(client, resource_with_file):
    attached = resource_with_file.files.get()
    client.get(f"{resource_with_file.url}tai-ve/{attached.document_id}/")
    resource_with_file.summary = "Bản sửa."
    resource_with_file.save_revision().publish()
    assert ResourceDownload.objects.get(page=resource_with_file).count == 1


def test_only_the_resource_files_can_be_downloaded_through_it(
    client, resource_with_file, make_resource
):
    other = make_resource(title="Khác")
    attached = resource_with_file.files.get()
    assert client.get(f"{other.url}tai-ve/{attached.document_id}/").status_code == 404
    assert client.get(f"{resource_with_file.url}tai-ve/999999/").status_code == 404
    assert not ResourceDownload.objects.exists()


def test_a_draft_resource_is_not_public(client, make_resource):
    page = make_resource(title="Bản nháp", live=False)
    assert client.get(f"/thu-vien/{page.slug}/").status_code == 404
    assert "Bản nháp" not in client.get("/thu-vien/").content.decode()


@pytest.mark.django_db
def test_names_of_the_languages_shipped():
    names = set(Language.objects.values_list("name", flat=True))
    assert {
        "Tiếng Việt",
        "Tiếng Mông",
        "Tiếng Dao",
        "Tiếng Thái",
        "Tiếng Giáy",
        "Tiếng Hà Nhì",
    } <= names
