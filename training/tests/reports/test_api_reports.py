"""The reports in the API give the numbers of the admin's reports, for the same parameters, and
nothing outside the caller's reach."""

from datetime import date

from rest_framework.test import APIClient

from training.tests.conftest import this_year
from training.tests.reports.screen import csv_rows, get

PROGRAMMES_API = "/api/v1/reports/programmes/"
MODULES_API = "/api/v1/reports/modules/"
BEHIND_API = "/api/v1/reports/behind-plan/"


def number(value):
    """A figure as both sides write it: the API a JSON number, the CSV file text."""
    return None if value in ("", None) else float(value)


def numbers(row) -> list:
    return [number(value) for value in row]


def api(user, path, **params):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(path, params)


def test_the_api_gives_the_numbers_of_the_exports(client, more, monkeypatch):
    end = date(int(this_year()[5:]), 5, 31)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: end)
    w = more.world
    params = {"unit": w.commune.pk, "school_year": this_year()}

    programmes = api(w.office_staff, PROGRAMMES_API, **params)
    assert programmes.status_code == 200
    exported = csv_rows(
        get(client, w.office_staff, "training_reports:programmes", export="csv", **params)
    )
    keys = ("enrolled", "completed", "average_score", "hours", "people_with_hours")
    assert [numbers(row[key] for key in keys) for row in programmes.json()["rows"]] == [
        numbers(row[1:]) for row in exported[1:]
    ]

    modules = api(w.office_staff, MODULES_API, **params, programme="03")
    exported = csv_rows(
        get(
            client,
            w.office_staff,
            "training_reports:modules",
            export="csv",
            programme="03",
            **params,
        )
    )
    keys = ("enrolled", "completed", "completion_rate", "average_score", "hours")
    assert [
        [row["module"]["code"], *numbers(row[key] for key in keys)]
        for row in modules.json()["rows"]
    ] == [[row[1], *numbers(row[3:])] for row in exported[1:]]
    assert len(modules.json()["rows"]) == 4

    behind = api(w.office_staff, BEHIND_API, **params, page_size=2)
    body = behind.json()
    assert body["count"] == 6 and len(body["results"]) == 2 and body["pace_percent"] == 100.0
    everyone = api(w.office_staff, BEHIND_API, **params)
    exported = csv_rows(
        get(client, w.office_staff, "training_reports:behind", export="csv", **params)
    )
    assert [
        [
            row["person"]["staff_code"],
            *(
                str(row[key])
                for key in (
                    "planned",
                    "done",
                    "short_of_plan",
                    "target",
                    "expected",
                    "short_of_target",
                )
            ),
        ]
        for row in everyone.json()["results"]
    ] == [[row[1], *row[5:]] for row in exported[1:]]
    found = api(w.office_staff, BEHIND_API, **params, q="sung thi do").json()["results"]
    assert [row["person"]["name"] for row in found] == ["Sùng Thị Dợ"]


def test_the_api_keeps_a_school_manager_within_their_school(more):
    w = more.world
    for path in (PROGRAMMES_API, MODULES_API, BEHIND_API):
        for unit in (w.other_school.pk, w.commune.pk, more.third_school.pk, 10**12):
            response = api(w.school_manager, path, unit=unit)
            assert response.status_code == 404, (path, unit)
        assert api(w.school_manager, path, unit="x").status_code == 400
        assert api(w.school_manager, path, programme="09").status_code == 400
        assert api(w.teacher, path).status_code == 403
    own = api(w.school_manager, MODULES_API).json()
    assert own["unit"]["id"] == w.school.pk
    assert "GVPT 31" not in {row["module"]["code"] for row in own["rows"]}
