from certificates.models import BulkIssue, BulkIssueStatus, Certificate
from certificates.services import bulk_issue_request
from certificates.tests.conftest import this_year


def test_bulk_issue_issues_each_completed_year_once(
    school, other_school, make_person, issuer, completed_year, office_staff,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    done = [
        make_person(unit=unit, full_name=name)
        for unit, name in (
            (school, "Nguyễn Thị Hương"),
            (school, "Đặng Văn Dũng"),
            (other_school, "Sùng A Dế"),
        )
    ]
    make_person(unit=school, full_name="Hoàng Thị Thùy")  # has not completed the year
    with django_capture_on_commit_callbacks(execute=True):
        for person in done:
            completed_year(person)
    assert Certificate.objects.count() == 3  # issued automatically as each year completed
    Certificate.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        bulk = bulk_issue_request(
            unit=school.get_parent(), school_year=this_year(), acting_user=office_staff
        )
    bulk.refresh_from_db()
    assert (bulk.status, bulk.total, bulk.done, bulk.issued, bulk.already) == (
        BulkIssueStatus.DONE, 3, 3, 3, 0)  # fmt: skip
    assert bulk.percent == 100
    assert sorted(c.holder_name for c in Certificate.objects.all()) == sorted(
        p.full_name for p in done
    )

    with django_capture_on_commit_callbacks(execute=True):
        again = bulk_issue_request(unit=school, school_year=this_year(), acting_user=office_staff)
    again.refresh_from_db()
    assert (again.total, again.issued, again.already) == (2, 0, 2)
    assert Certificate.objects.count() == 3
    assert BulkIssue.objects.count() == 2
