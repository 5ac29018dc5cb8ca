"""Certificates follow the training records through training's hooks: a year completed or a
module completed (when the module asks for a certificate) is certified without anyone asking."""

from certificates.models import Certificate
from certificates.tests.conftest import study, this_year
from training.services import enrolment_self


def test_completing_the_year_issues_its_certificate(
    teacher, issuer, completed_year, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        completed_year(teacher)
    certificate = Certificate.objects.get(kind="year")
    assert certificate.holder == teacher
    assert certificate.school_year == this_year()
    assert certificate.issued_by is None


def test_a_module_that_asks_for_a_certificate_gets_one(
    teacher, issuer, make_module, module_rule, django_capture_on_commit_callbacks
):
    with_certificate = make_module(hours=10, code="GVPT 05", title="Kiểm tra, đánh giá")
    without = make_module(hours=10)
    module_rule(with_certificate)
    with django_capture_on_commit_callbacks(execute=True):
        for module in (with_certificate, without):
            enrolment_self(module=module, acting_user=teacher)
            study(module, teacher)
    certificate = Certificate.objects.get()
    assert certificate.kind == "module"
    assert certificate.module_id == with_certificate.pk
    assert certificate.data["module_code"] == "GVPT 05"
    assert certificate.data["subtitle_lines"] == [
        "Hoàn thành mô-đun bồi dưỡng GVPT 05",
        "Kiểm tra, đánh giá",
    ]
    assert certificate.data["hours"] == 10


def test_the_dashboard_lists_the_holders_certificates(
    rf, teacher, issuer, completed_year, django_capture_on_commit_callbacks
):
    from wagtail import hooks

    from training.hooks import DASHBOARD_CONTEXT

    with django_capture_on_commit_callbacks(execute=True):
        completed_year(teacher)
    request = rf.get("/")
    request.user = teacher
    extra = {}
    for fn in hooks.get_hooks(DASHBOARD_CONTEXT):
        extra.update(fn(request, dashboard=None) or {})
    [entry] = extra["certificates"]
    assert entry["title"].startswith("Giấy chứng nhận hoàn thành chương trình bồi dưỡng")
    assert entry["url"].endswith("/pdf")
