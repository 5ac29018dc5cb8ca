"""Sending the yearly report upward and setting its deadline: who may, what is kept, what a
second sending does, what happens after the deadline, and every refusal leaving nothing
changed."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from training.models import ReportDeadline, YearReportSubmission
from training.services import training_record_submit
from training.tests.conftest import record_values, this_year
from training.tests.yearly_report.conftest import header
from training.yearly_report.selectors import (
    SubmissionState,
    default_deadline,
    submissions_below,
)
from training.yearly_report.services import (
    ERROR_NOT_OWN_UNIT,
    ERROR_OUT_OF_REACH,
    ERROR_REQUIRED,
    report_deadline_set,
    year_report_submit,
)


def send(world, **changes):
    return year_report_submit(
        unit=world.school,
        school_year=this_year(),
        header=header(**changes),
        acting_user=world.school_manager,
    )


def test_a_school_manager_sends_the_school_report(world):
    sent = send(world)
    assert sent.receiving_unit == world.commune
    assert sent.submitted_by == world.school_manager
    assert sent.deadline == default_deadline(this_year()) and not sent.late
    assert sent.data["total"]["teachers"] == 3 and sent.data["total"]["completed"] == 1
    assert bytes(sent.pdf).startswith(b"%PDF") and bytes(sent.xlsx).startswith(b"PK")
    entry = ModelLogEntry.objects.get(action="hoctap.year_report_submit")
    assert entry.user_id == world.school_manager.pk and entry.object_id == str(sent.pk)
    assert entry.data["late"] is False


def test_the_snapshot_does_not_follow_later_records(world):
    sent = send(world)
    training_record_submit(**record_values(hours=8), acting_user=world.behind)
    world.behind.delete()
    sent.refresh_from_db()
    assert sent.data["total"]["teachers"] == 3


def test_sending_again_replaces_and_keeps_history(world):
    first = send(world)
    second = send(world, signer_name="Lò Thị Mai")
    first.refresh_from_db()
    assert first.superseded_at is not None and first.superseded_by == second
    assert second.is_current and second.data["header"]["signer_name"] == "Lò Thị Mai"
    assert YearReportSubmission.objects.filter(unit=world.school).count() == 2
    assert ModelLogEntry.objects.filter(action="hoctap.year_report_submit").count() == 2
    assert (
        ModelLogEntry.objects.filter(action="hoctap.year_report_submit")
        .latest("timestamp")
        .data["replaces"]
        == first.pk
    )


def test_after_the_deadline_the_report_is_taken_and_marked_late(world):
    start = int(this_year()[:4])
    report_deadline_set(
        unit=world.commune,
        school_year=this_year(),
        deadline=date(start, 9, 2),
        acting_user=world.office_staff,
    )
    sent = send(world)
    assert sent.late and sent.deadline == date(start, 9, 2)
    rows = {
        row.unit.pk: row
        for row in submissions_below(
            user=world.office_staff, unit=world.commune, school_year=this_year()
        )
    }
    assert rows[world.school.pk].state == SubmissionState.LATE
    # The other school has not sent anything, and the deadline has passed.
    assert rows[world.other_school.pk].state == SubmissionState.OVERDUE


def test_the_office_sees_who_has_and_has_not_sent(world):
    send(world)
    rows = submissions_below(
        user=world.office_staff, unit=world.department, school_year=this_year()
    )
    states = {row.unit.pk: row.state for row in rows}
    assert states == {
        world.commune.pk: SubmissionState.MISSING,
        world.school.pk: SubmissionState.SUBMITTED,
        world.other_school.pk: SubmissionState.MISSING,
    }
    sent_only = submissions_below(
        user=world.office_staff,
        unit=world.department,
        school_year=this_year(),
        state=SubmissionState.SUBMITTED,
    )
    assert [row.unit for row in sent_only] == [world.school]
    # A school manager sees nothing above or beside their school.
    assert (
        submissions_below(user=world.school_manager, unit=world.commune, school_year=this_year())
        == []
    )


def test_a_school_manager_cannot_send_for_another_school(world):
    with pytest.raises(PermissionDenied) as refused:
        year_report_submit(
            unit=world.other_school,
            school_year=this_year(),
            header=header(),
            acting_user=world.school_manager,
        )
    assert str(refused.value) == str(ERROR_OUT_OF_REACH)
    assert not YearReportSubmission.objects.exists()


def test_office_staff_cannot_send_a_school_report_in_its_place(world):
    with pytest.raises(PermissionDenied) as refused:
        year_report_submit(
            unit=world.school,
            school_year=this_year(),
            header=header(),
            acting_user=world.office_staff,
        )
    assert str(refused.value) == str(ERROR_NOT_OWN_UNIT)
    assert not YearReportSubmission.objects.exists()


def test_a_teacher_cannot_send(world):
    with pytest.raises(PermissionDenied):
        year_report_submit(
            unit=world.school, school_year=this_year(), header=header(), acting_user=world.teacher
        )


def test_the_top_unit_has_nobody_to_send_to(world):
    with pytest.raises(ValidationError) as refused:
        year_report_submit(
            unit=world.department,
            school_year=this_year(),
            header=header(),
            acting_user=world.office_staff,
        )
    assert refused.value.code == "no_unit_above"
    assert not YearReportSubmission.objects.exists()


def test_a_header_without_place_or_signer_is_refused_with_every_field(world):
    with pytest.raises(ValidationError) as refused:
        send(world, place=" ", signer_name="", delegation="KT.", signer_title="", day=None)
    errors = refused.value.message_dict
    assert errors["place"] == [str(ERROR_REQUIRED)] and errors["signer_name"] == [
        str(ERROR_REQUIRED)
    ]
    assert "signer_title" in errors and "day" in errors
    assert not YearReportSubmission.objects.exists()
    assert not ModelLogEntry.objects.filter(action="hoctap.year_report_submit").exists()


def test_a_bad_school_year_or_delegation_is_refused(world):
    with pytest.raises(ValidationError):
        year_report_submit(
            unit=world.school, school_year="2026", header=header(), acting_user=world.school_manager
        )
    with pytest.raises(ValidationError) as refused:
        send(world, delegation="Q.")
    assert "delegation" in refused.value.message_dict
    assert not YearReportSubmission.objects.exists()


# Deadlines ----------------------------------------------------------------------------------------


def test_office_staff_set_and_change_a_deadline_with_an_audit_entry(world):
    year = this_year()
    start = int(year[:4])
    first = report_deadline_set(
        unit=world.commune,
        school_year=year,
        deadline=date(start + 1, 10, 15),
        acting_user=world.office_staff,
    )
    report_deadline_set(
        unit=world.commune,
        school_year=year,
        deadline=date(start + 1, 10, 25),
        acting_user=world.office_staff,
    )
    first.refresh_from_db()
    assert first.deadline == date(start + 1, 10, 25) and ReportDeadline.objects.count() == 1
    entries = ModelLogEntry.objects.filter(action="hoctap.report_deadline_set").order_by(
        "timestamp"
    )
    assert [e.data["previous"] for e in entries] == [None, date(start + 1, 10, 15).isoformat()]


def test_deadline_refusals_change_nothing(world):
    year = this_year()
    start = int(year[:4])
    with pytest.raises(PermissionDenied):  # school managers do not set deadlines
        report_deadline_set(
            unit=world.school,
            school_year=year,
            deadline=date(start + 1, 10, 1),
            acting_user=world.school_manager,
        )
    with pytest.raises(ValidationError) as refused:  # before the school year starts
        report_deadline_set(
            unit=world.commune,
            school_year=year,
            deadline=date(start, 8, 1),
            acting_user=world.office_staff,
        )
    assert "deadline" in refused.value.message_dict
    assert not ReportDeadline.objects.exists()


def test_deadline_out_of_reach_is_refused(world, make_person):
    from training import roles

    office_of_school = make_person(
        unit=world.other_school, role=roles.OFFICE_STAFF, position="office_specialist"
    )
    with pytest.raises(PermissionDenied):
        report_deadline_set(
            unit=world.commune,
            school_year=this_year(),
            deadline=date(int(this_year()[5:]), 10, 1),
            acting_user=office_of_school,
        )
    assert not ReportDeadline.objects.exists()


def test_a_commune_office_sends_its_aggregated_report_to_the_department(world, make_person):
    from training import roles

    commune_staff = make_person(
        unit=world.commune, role=roles.OFFICE_STAFF, position="office_specialist"
    )
    sent = year_report_submit(
        unit=world.commune,
        school_year=this_year(),
        header=header(body_name="UBND xã Phong Thổ", head_title="CHỦ TỊCH"),
        acting_user=commune_staff,
    )
    assert sent.receiving_unit == world.department
    total = sent.data["total"]
    assert (total["teachers"], total["completed"], total["not_completed"]) == (5, 1, 2)
    # The department's staff see it among the units below them.
    rows = submissions_below(
        user=world.office_staff, unit=world.department, school_year=this_year()
    )
    assert {row.unit.pk: row.state for row in rows}[world.commune.pk] == SubmissionState.SUBMITTED
