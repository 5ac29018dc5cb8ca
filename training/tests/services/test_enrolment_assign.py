from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from training import roles
from training.models import Enrolment, EnrolmentSource, YearSummary
from training.services import (
    ERROR_ASSIGN_NOBODY,
    ERROR_DEADLINE_PAST,
    enrolment_assign,
    enrolment_self,
)


def test_office_staff_assign_a_module_to_everyone_it_is_written_for_below_a_unit(
    make_module, commune, school, other_school, office_staff, teacher, school_manager, make_person
):
    module = make_module(kind="01", positions=["teacher"])
    colleague = make_person(unit=other_school, full_name="Lò Văn Thanh")
    clerk = make_person(unit=school, full_name="Vàng Thị Mai", position="staff")
    deadline = timezone.localdate() + timedelta(days=30)
    assignment = enrolment_assign(
        module=module, units=[commune], deadline=deadline, acting_user=office_staff
    )
    enrolled = {e.user for e in Enrolment.objects.filter(module=module)}
    assert enrolled == {teacher, colleague}  # not the principal (not a teacher), not the clerk
    assert clerk not in enrolled and school_manager not in enrolled
    for enrolment in Enrolment.objects.all():
        assert (enrolment.source, enrolment.deadline, enrolment.assignment) == (
            EnrolmentSource.ASSIGNED,
            deadline,
            assignment,
        )
        assert enrolment.programme == "01"
    assert assignment.enrolled == 2
    assert YearSummary.objects.filter(school_year=module.school_year).count() == 2
    entry = ModelLogEntry.objects.for_instance(assignment).get()
    assert (entry.action, entry.user, entry.data["enrolled"]) == ("hoctap.assign", office_staff, 2)


def test_an_existing_enrolment_keeps_its_progress_and_becomes_assigned(
    module, school, school_manager, teacher
):
    own = enrolment_self(module=module, acting_user=teacher)
    enrolment_assign(module=module, people=[teacher], acting_user=school_manager)
    own.refresh_from_db()
    assert own.source == EnrolmentSource.ASSIGNED
    assert Enrolment.objects.count() == 1


def test_a_manager_cannot_assign_outside_their_reach(
    module, commune, other_school, school_manager, make_person
):
    stranger = make_person(unit=other_school, full_name="Giàng A Páo")
    with pytest.raises(PermissionDenied):
        enrolment_assign(module=module, units=[other_school], acting_user=school_manager)
    with pytest.raises(PermissionDenied):
        enrolment_assign(module=module, people=[stranger], acting_user=school_manager)
    assert not Enrolment.objects.exists()


def test_teachers_cannot_assign(module, school, teacher):
    with pytest.raises(PermissionDenied):
        enrolment_assign(module=module, units=[school], acting_user=teacher)


def test_an_assignment_names_someone_and_a_deadline_not_in_the_past(module, school, school_manager):
    with pytest.raises(ValidationError) as error:
        enrolment_assign(module=module, acting_user=school_manager)
    assert error.value.messages == [ERROR_ASSIGN_NOBODY]
    with pytest.raises(ValidationError) as error:
        enrolment_assign(
            module=module,
            units=[school],
            deadline=timezone.localdate() - timedelta(days=1),
            acting_user=school_manager,
        )
    assert error.value.message_dict == {"deadline": [ERROR_DEADLINE_PAST]}


def test_the_role_permissions_let_managers_assign(school_manager, office_staff, teacher):
    for person, expected in ((school_manager, True), (office_staff, True), (teacher, False)):
        assert person.has_perm("training.assign_module") is expected
    assert roles.SCHOOL_MANAGER in {g.name for g in school_manager.groups.all()}
