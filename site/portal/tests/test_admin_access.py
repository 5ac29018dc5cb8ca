"""Wagtail's site history under the reach rule (issue #12, finding 2): a school manager's
report, filters and exports hold nothing about another school's people; content editors keep
the page and content history; superusers see everything."""

import csv
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page

from portal.admin_access import PERSON_PATHS, UNIT_PATHS, log_entries_visible_to
from tests.api_support import api_media, api_world  # noqa: F401
from training.models import Unit

#: The other school's people, as the report would name them.
FOREIGN = ("Lò Văn Páo", "GV002", "Tẩn Thị Mây", "QL002")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _history(user, query="") -> str:
    response = _client(user).get(reverse("wagtailadmin_reports:site_history") + query)
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig", errors="replace")
    return response.content.decode()


@pytest.fixture
def world(api_world):  # noqa: F811 - the fixture imported above
    w = api_world
    # Entries about the other school's people: their profile changed, a certificate issued.
    log(instance=w.other_teacher, action="wagtail.edit", user=w.other_manager)
    log(instance=w.other_teacher.profile, action="wagtail.edit", user=w.other_manager)
    log(instance=w.other_school, action="wagtail.edit", user=w.office)
    return w


def test_a_manager_sees_no_entry_about_another_school(world):
    w = world
    page = _history(w.manager)
    for mark in FOREIGN:
        assert mark not in page
    # Their own school's people are there.
    assert w.teacher.get_full_name() in page or w.teacher.username in page


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_export_holds_no_entry_about_another_school(world, export):
    w = world
    response = _client(w.manager).get(
        reverse("wagtailadmin_reports:site_history") + f"?export={export}"
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        text = body.decode("utf-8")
        assert text.startswith("\ufeff"), "the one export path writes a BOM"
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert len(rows) > 1
        assert not any(mark in cell for row in rows for cell in row for mark in FOREIGN)
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert not any(mark in cell for cell in cells for mark in FOREIGN)


def test_the_user_filter_names_nobody_of_another_school(world):
    w = world
    page = _history(w.manager)
    assert "Tẩn Thị Mây" not in page  # the other manager acted, but on their own school


def test_office_staff_see_every_school_below_them_and_a_superuser_everything(world):
    w = world
    page = _history(w.office)
    assert "Lò Văn Páo" in page
    boss = get_user_model().objects.create_superuser("sa", "sa@example.vn", "mat-khau-dai-2026")
    entries = log_entries_visible_to(boss, ModelLogEntry)
    assert entries.count() == ModelLogEntry.objects.count()


def test_the_other_manager_sees_their_own_school_only(world):
    w = world
    entries = log_entries_visible_to(w.other_manager, ModelLogEntry)
    labels = " ".join(entries.values_list("label", flat=True))
    assert "Lò Văn Páo" in labels
    assert w.teacher.get_full_name() not in labels


def test_a_content_editor_sees_content_history_and_no_training_record(world):
    w = world
    entries = log_entries_visible_to(w.editor, ModelLogEntry)
    models_seen = {entry.content_type.model_class() for entry in entries}
    assert not models_seen & (set(PERSON_PATHS) | set(UNIT_PATHS)) - {get_user_model()}
    page = _history(w.editor)
    assert "Lò Văn Páo" not in page and w.teacher.get_full_name() not in page


def test_every_model_of_a_person_or_a_unit_is_scoped():
    """A new model that points at a person or a unit must say how its log entries are scoped
    (portal.admin_access.PERSON_PATHS / UNIT_PATHS) or that they are shared by everyone."""
    user_model = get_user_model()
    shared = {("certificates", "issuer")}  # an issuing office's settings, not a person's record
    missing = []
    for model in apps.get_models():
        if model in PERSON_PATHS or model in UNIT_PATHS:
            continue
        if (model._meta.app_label, model._meta.model_name) in shared or issubclass(model, Page):
            continue
        owned = any(
            f.many_to_one or f.one_to_one
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model in (user_model, Unit)
        )
        if owned and model._meta.app_label in _OUR_APPS:
            missing.append(model._meta.label)
    assert not missing, f"Say how these models' log entries are scoped: {missing}"


_OUR_APPS = {"training", "certificates", "courses", "portal", "api", "xapi"}
