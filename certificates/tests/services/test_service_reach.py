"""The issuing services hold to the actor's reach themselves (issue #12), not only the screens
and the API in front of them: an office beside the holder's unit, or a role without the
permission, changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from certificates.models import BulkIssue, Certificate
from certificates.services import (
    bulk_issue_request,
    certificate_issue_for_year,
    certificate_issue_year,
    certificate_reissue,
    certificate_revoke,
)
from certificates.tests.conftest import this_year
from training import roles
from training.services import (
    ERROR_NOT_ALLOWED,
    ERROR_OUT_OF_REACH,
    ERROR_UNIT_OUT_OF_REACH,
    unit_create,
)


@pytest.fixture
def office_beside(department, make_person):
    """The office of another commune: the teacher's school is not below it."""
    other = unit_create(
        name="UBND xã Dào San", code="XA-DS", kind="commune", parent=department, acting_user=None
    )
    return make_person(unit=other, role=roles.OFFICE_STAFF, staff_code="CVDS01")


@pytest.fixture
def commune_office(commune, make_person):
    return make_person(unit=commune, role=roles.OFFICE_STAFF, staff_code="CVPT01")


def test_an_office_beside_the_holder_neither_issues_nor_revokes(
    office_beside, commune_office, school_manager, teacher, school, issuer, completed_year
):
    summary = completed_year(teacher)
    with pytest.raises(PermissionDenied) as issue:
        certificate_issue_for_year(
            holder=teacher, school_year=this_year(), acting_user=office_beside
        )
    assert issue.value.args == (ERROR_OUT_OF_REACH,)
    with pytest.raises(PermissionDenied) as bulk:
        bulk_issue_request(unit=school, school_year=this_year(), acting_user=office_beside)
    assert bulk.value.args == (ERROR_UNIT_OUT_OF_REACH,)
    with pytest.raises(PermissionDenied) as role:
        certificate_issue_year(summary=summary, acting_user=school_manager)
    assert role.value.args == (ERROR_NOT_ALLOWED,)
    assert not Certificate.objects.exists() and not BulkIssue.objects.exists()

    certificate = certificate_issue_year(summary=summary, acting_user=commune_office)
    for call, kwargs in (
        (certificate_revoke, {"reason": "Cấp nhầm."}),
        (certificate_reissue, {"correction": "Sửa tên."}),
    ):
        with pytest.raises(PermissionDenied):
            call(certificate=certificate, acting_user=office_beside, **kwargs)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None and certificate.replaced_at is None
    certificate_revoke(certificate=certificate, reason="Cấp nhầm.", acting_user=commune_office)
