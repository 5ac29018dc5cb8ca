from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from training import roles
from training.models import EvidenceFile, RecordStatus, TrainingRecord
from training.services import (
    ERROR_HOURS_TOO_MANY,
    training_record_reject,
    training_record_submit,
)
from training.tests.conftest import pdf_file, record_values, seen


def form_data(**changes):
    values = record_values(**changes)
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in values.items()
    }


def test_a_teacher_records_a_training_with_evidence(client, teacher):
    client.force_login(teacher)
    url = reverse("training:record_create")
    assert client.get(url).status_code == 200
    response = client.post(url, {**form_data(), "files": [pdf_file(), pdf_file("b.pdf")]})
    assert response.status_code == 302
    record = TrainingRecord.objects.get()
    assert record.user == teacher and record.evidence.count() == 2


def test_absurd_hours_and_bad_files_are_explained_and_nothing_is_recorded(client, teacher):
    client.force_login(teacher)
    response = client.post(
        reverse("training:record_create"),
        {
            **form_data(hours=500),
            "files": [SimpleUploadedFile("virus.exe", b"MZ")],
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert str(ERROR_HOURS_TOO_MANY % {"max": 200}) in html
    assert "virus.exe" in html
    assert not TrainingRecord.objects.exists() and not EvidenceFile.objects.exists()


def test_a_rejected_record_is_corrected_on_its_page(client, teacher, school_manager):
    record = training_record_submit(**record_values(), acting_user=teacher)
    training_record_reject(
        record=record, acting_user=school_manager, reason="Sai số tiết.", seen_version=seen(record)
    )
    client.force_login(teacher)
    url = reverse("training:record_edit", args=[record.pk])
    assert "Sai số tiết." in client.get(url).content.decode()
    assert client.post(url, form_data(hours=12)).status_code == 302
    record.refresh_from_db()
    assert (record.status, record.hours) == (RecordStatus.SUBMITTED, 12)


def test_nobody_opens_anothers_record(client, teacher, school, make_person):
    record = training_record_submit(**record_values(), acting_user=teacher)
    client.force_login(make_person(unit=school, full_name="Lò Văn Thanh"))
    assert client.get(reverse("training:record_edit", args=[record.pk])).status_code == 404


def test_evidence_is_served_to_its_owner_and_managers_in_reach_only(
    client, teacher, school_manager, other_school, make_person
):
    record = training_record_submit(**record_values(), files=[pdf_file()], acting_user=teacher)
    url = reverse("training:evidence", args=[record.evidence.get().pk])
    elsewhere = make_person(
        unit=other_school, role=roles.SCHOOL_MANAGER, full_name="Lò Văn Thanh", position="principal"
    )
    for person, status in ((teacher, 200), (school_manager, 200), (elsewhere, 404)):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == status
        if status == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF-")
            assert response["Content-Disposition"].startswith("attachment")
            assert "no-store" in response["Cache-Control"]
    client.logout()
    assert client.get(url).status_code == 302
