"""The yearly report in the API: sending one's own unit's report, reading those within reach,
the refusals in the API's error shape."""

from tests.api_support import client_for
from training.models import YearReportSubmission
from training.tests.conftest import this_year

URL = "/api/v1/yearly-reports/"


def body(world, **changes):
    return {
        "unit": world.school.pk,
        "school_year": this_year(),
        "body_name": world.school.name,
        "place": "Phong Thổ",
        "day": "2026-10-15",
        "head_title": "HIỆU TRƯỞNG",
        "delegation": "KT.",
        "signer_title": "PHÓ HIỆU TRƯỞNG",
        "signer_name": "Đặng Văn Dũng",
        **changes,
    }


def test_a_school_manager_sends_and_the_office_reads_it(world):
    sent = client_for(world.school_manager).post(URL, body(world), format="json")
    assert sent.status_code == 201, sent.content
    report = sent.json()
    assert report["unit"]["id"] == world.school.pk and report["current"] is True
    assert report["receiving_unit"]["id"] == world.commune.pk
    assert report["data"]["total"]["teachers"] == 3 and report["late"] is False

    again = client_for(world.school_manager).post(URL, body(world), format="json")
    assert again.status_code == 201
    office = client_for(world.office_staff)
    current = office.get(URL, {"school_year": this_year()}).json()
    assert [item["id"] for item in current["results"]] == [again.json()["id"]]
    everything = office.get(URL, {"all": "1"}).json()
    assert len(everything["results"]) == 2
    detail = office.get(f"{URL}{report['id']}/").json()
    assert detail["current"] is False and detail["replaced_at"]


def test_refusals_write_nothing(world):
    manager = client_for(world.school_manager)
    out_of_reach = manager.post(URL, body(world, unit=world.other_school.pk), format="json")
    assert out_of_reach.status_code == 404
    missing = manager.post(URL, body(world, place=""), format="json")
    assert missing.status_code == 400
    no_title = manager.post(URL, body(world, signer_title=""), format="json")
    assert no_title.status_code == 400 and "signer_title" in no_title.content.decode()
    not_theirs = client_for(world.office_staff).post(URL, body(world), format="json")
    assert not_theirs.status_code == 403
    assert not YearReportSubmission.objects.exists()
