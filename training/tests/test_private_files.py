"""Private files: evidence and uploaded rosters live where no address serves them, and the app
hands them out after its access check, or lets the web server do so (X-Accel-Redirect,
X-Sendfile)."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from training import roles
from training.models.records import EVIDENCE_FOLDER
from training.private_files import private_files_move, private_storage
from training.roster.uploads import FOLDER as ROSTER_FOLDER
from training.roster.uploads import upload_keep
from training.services import training_record_submit
from training.tests.conftest import pdf_file, record_values


@pytest.fixture
def evidence(teacher):
    record = training_record_submit(**record_values(), files=[pdf_file()], acting_user=teacher)
    return record.evidence.get()


@pytest.fixture
def stranger(other_school, make_person):
    return make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Lò Văn Thanh", position="principal"
    )


def test_evidence_is_stored_outside_media_and_has_no_address(settings, evidence):
    private = Path(settings.PRIVATE_ROOT) / evidence.file.name
    assert private.read_bytes().startswith(b"%PDF-")
    assert not (Path(settings.MEDIA_ROOT) / evidence.file.name).exists()
    with pytest.raises(ValueError, match="not accessible via a URL"):
        evidence.file.url  # noqa: B018


def test_an_uploaded_roster_is_kept_outside_media(settings, teacher):
    upload = upload_keep(file=SimpleUploadedFile("ds.csv", b"a;b\r\n1;2\r\n"), user=teacher)
    assert upload.path.startswith(f"{ROSTER_FOLDER}/")
    assert (Path(settings.PRIVATE_ROOT) / upload.path).read_bytes() == b"a;b\r\n1;2\r\n"
    assert not Path(settings.MEDIA_ROOT, ROSTER_FOLDER).exists()


def test_the_private_root_follows_the_setting(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "elsewhere"
    assert private_storage().path("a.pdf") == str(tmp_path / "elsewhere" / "a.pdf")


def test_nginx_sends_the_file_only_after_the_apps_check(
    client, settings, evidence, school_manager, stranger
):
    settings.PRIVATE_FILES_SENDFILE = "nginx"
    url = reverse("training:evidence", args=[evidence.pk])
    client.force_login(school_manager)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private/{evidence.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="giay-chung-nhan.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(stranger)
    refused = client.get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_nginx_addresses_are_quoted_under_the_internal_prefix(client, settings, teacher):
    settings.PRIVATE_FILES_SENDFILE = "nginx"
    settings.PRIVATE_FILES_INTERNAL_URL = "/noi-bo"
    record = training_record_submit(
        **record_values(), files=[pdf_file("Giấy chứng nhận.pdf")], acting_user=teacher
    )
    item = record.evidence.get()
    client.force_login(teacher)
    response = client.get(reverse("training:evidence", args=[item.pk]))
    assert response["X-Accel-Redirect"] == f"/noi-bo/{item.file.name}"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn.pdf"
    )


def test_apache_sends_the_file_by_its_path(client, settings, evidence, teacher):
    settings.PRIVATE_FILES_SENDFILE = "apache"
    client.force_login(teacher)
    response = client.get(reverse("training:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    path = Path(response["X-Sendfile"])
    assert path.is_absolute() and path.read_bytes().startswith(b"%PDF-")
    assert path.is_relative_to(Path(settings.PRIVATE_ROOT).resolve())


def test_the_api_hands_out_evidence_the_same_way(settings, evidence, school_manager, stranger):
    from rest_framework.test import APIClient

    settings.PRIVATE_FILES_SENDFILE = "nginx"
    url = reverse(
        "api:training-record-evidence",
        kwargs={"pk": evidence.record_id, "evidence_id": evidence.pk},
    )
    client = APIClient()
    client.force_authenticate(school_manager)
    assert client.get(url)["X-Accel-Redirect"] == f"/_private/{evidence.file.name}"
    client.force_authenticate(stranger)
    assert client.get(url).status_code == 404


def test_a_file_missing_from_the_storage_is_a_404_not_a_crash(client, evidence, teacher):
    evidence.file.storage.delete(evidence.file.name)
    client.force_login(teacher)
    assert client.get(reverse("training:evidence", args=[evidence.pk])).status_code == 404


# Moving an existing installation's files out of MEDIA_ROOT --------------------------------------


@pytest.fixture
def public(settings):
    return FileSystemStorage(location=settings.MEDIA_ROOT)


def test_files_move_from_media_to_the_private_storage_once(settings, public):
    names = [
        public.save(f"{EVIDENCE_FOLDER}/ab/ab12.pdf", ContentFile(b"%PDF-1 a")),
        public.save(f"{EVIDENCE_FOLDER}/cd/cd34.jpg", ContentFile(b"\xff\xd8\xff b")),
        public.save(f"{ROSTER_FOLDER}/x.csv", ContentFile(b"a;b")),
    ]
    library = public.save("documents/phieu.pdf", ContentFile(b"%PDF-1 public"))

    first = private_files_move(folders=[EVIDENCE_FOLDER, ROSTER_FOLDER], source=public)
    assert sorted(first.moved) == sorted(names) and not first.conflicts
    for name in names:
        assert not public.exists(name)
        assert (Path(settings.PRIVATE_ROOT) / name).is_file()
    assert private_storage().open(names[0]).read() == b"%PDF-1 a"
    assert public.exists(library), "the open library's files stay public"

    again = private_files_move(folders=[EVIDENCE_FOLDER, ROSTER_FOLDER], source=public)
    assert (again.moved, again.already, again.conflicts) == ([], [], [])


def test_a_file_already_copied_is_only_removed_and_a_different_one_is_kept(public):
    private = private_storage()
    same = f"{EVIDENCE_FOLDER}/ab/same.pdf"
    different = f"{EVIDENCE_FOLDER}/ab/different.pdf"
    for storage in (public, private):
        storage.save(same, ContentFile(b"%PDF-1 same"))
    public.save(different, ContentFile(b"%PDF-1 old"))
    private.save(different, ContentFile(b"%PDF-1 new"))

    result = private_files_move(folders=[EVIDENCE_FOLDER], source=public)
    assert result.already == [same] and result.conflicts == [different] and not result.moved
    assert not public.exists(same)
    assert public.open(different).read() == b"%PDF-1 old"
    assert private.open(different).read() == b"%PDF-1 new"


def test_nothing_to_move_is_not_an_error(public):
    result = private_files_move(folders=["khong-co"], source=public)
    assert (result.moved, result.already, result.conflicts) == ([], [], [])
