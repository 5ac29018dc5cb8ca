"""Units and staff within the caller's reach, searched with or without diacritics."""

from tests.api_support import client_for


def ids(response):
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_units_are_those_within_reach(api_world):
    w = api_world
    assert ids(client_for(w.teacher).get("/api/v1/units/")) == []
    assert ids(client_for(w.manager).get("/api/v1/units/")) == [w.school.pk]
    office = client_for(w.office)
    assert set(ids(office.get("/api/v1/units/"))) == {
        w.department.pk,
        w.commune.pk,
        w.school.pk,
        w.other_school.pk,
    }
    assert ids(office.get("/api/v1/units/", {"parent": w.commune.pk, "ordering": "name"})) == [
        w.school.pk,
        w.other_school.pk,
    ]
    unit = office.get(f"/api/v1/units/{w.school.pk}/").json()
    assert unit["parent"] == w.commune.pk and unit["is_school"] is True


def test_units_are_found_with_or_without_diacritics(api_world):
    office = client_for(api_world.office)
    for query in ("sin suoi ho", "SÌN SUỐI HỒ", "Suối", "tr-ssh"):
        assert ids(office.get("/api/v1/units/", {"q": query})) == [api_world.school.pk], query
    assert ids(office.get("/api/v1/units/", {"q": "dao san", "kind": "primary"})) == [
        api_world.other_school.pk
    ]


def test_staff_are_those_within_reach_in_vietnamese_order(api_world):
    w = api_world
    assert ids(client_for(w.teacher).get("/api/v1/staff/")) == [w.teacher.pk]
    names = [row["name"] for row in client_for(w.manager).get("/api/v1/staff/").json()["results"]]
    # By given name, as Vietnamese lists are: Dũng, Hương, Lử.
    assert names == ["Đặng Văn Dũng", "Nguyễn Thị Hương", "Giàng Seo Lử"]
    assert w.other_teacher.pk not in ids(client_for(w.manager).get("/api/v1/staff/"))


def test_staff_are_found_with_or_without_diacritics(api_world):
    office = client_for(api_world.office)
    for query in ("nguyen thi huong", "Nguyễn Thị Hương", "huong", "gv001"):
        assert ids(office.get("/api/v1/staff/", {"q": query})) == [api_world.teacher.pk], query
    # Mây before Páo: by given name.
    assert ids(office.get("/api/v1/staff/", {"unit": api_world.other_school.pk})) == [
        api_world.other_manager.pk,
        api_world.other_teacher.pk,
    ]
