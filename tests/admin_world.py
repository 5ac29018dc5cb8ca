"""The admin access matrix's world (tests/test_admin_access_matrix.py), built once per module.

It is the API matrix's world (tests.api_support.build_world: two schools under one commune
under a department) with what the admin screens open beyond it: the other school's people have
records too (a plan, a face-to-face record, a certificate, a yearly report), so that a foreign
unit's objects can be asked for by id, and the audit log holds entries about both schools."""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Revision, Site

from certificates.models import CertificateTemplate, ModuleCertificateRule
from certificates.services import certificate_issue_module
from courses.models import Subject
from tests.api_support import PDF, build_world, this_year
from training import roles
from training.models import Completion, ReminderSettings
from training.services import (
    lesson_view_record,
    plan_save,
    plan_submit,
    record_year_window,
    staff_create,
    training_record_submit,
    unit_create,
)
from training.yearly_report.services import year_report_submit

#: Names and staff codes of the other school's people: a page the manager may open never
#: shows them.
FOREIGN_MARKS = ("Lò Văn Páo", "GV002", "Tẩn Thị Mây", "QL002")
#: Staff codes of our school's people, which the other school's manager never sees.
OWN_MARKS = ("GV001", "QL001", "GV003")


@dataclass
class AdminWorld:
    w: Any
    ids: dict = field(default_factory=dict)


def _header(name: str) -> dict:
    return {
        "parent_body_name": "UBND XÃ PHONG THỔ",
        "body_name": name.upper(),
        "place": "Phong Thổ",
        "head_title": "HIỆU TRƯỞNG",
        "signer_name": "Người ký",
        "delegation": "",
        "day": timezone.localdate(),
    }


def build_admin_world() -> AdminWorld:
    department = unit_create(
        name="Sở GD&ĐT Lai Châu", code="SGD-LC", kind="department", acting_user=None
    )
    commune = unit_create(
        name="UBND xã Phong Thổ", code="XA-PT", kind="commune", parent=department, acting_user=None
    )
    school = unit_create(
        name="Trường PTDTBT TH&THCS Sin Suối Hồ",
        code="TR-SSH",
        kind="ethnic_boarding",
        parent=commune,
        acting_user=None,
    )
    other_school = unit_create(
        name="Trường Tiểu học Dào San",
        code="TR-DS",
        kind="primary",
        parent=commune,
        acting_user=None,
    )
    counter = iter(range(1, 100_000))

    def make_person(*, unit, role=roles.TEACHER, full_name="Nguyễn Thị Hương", **kwargs):
        kwargs.setdefault("staff_code", f"GV{next(counter):05d}")
        kwargs.setdefault("password", "mat-khau-rat-dai-2026")
        return staff_create(
            full_name=full_name, unit=unit, roles=[role], acting_user=None, **kwargs
        )

    w = build_world(
        department=department,
        commune=commune,
        school=school,
        other_school=other_school,
        make_person=make_person,
    )
    year = this_year()
    # The other school's teacher: a plan, a record, a module certificate.
    other = w.other_teacher
    other_plan = plan_submit(
        plan=plan_save(school_year=year, modules=[w.module], acting_user=other), acting_user=other
    )
    _first, last = record_year_window(year)
    day = min(timezone.localdate() - timedelta(days=1), last)
    other_record = training_record_submit(
        school_year=year,
        title="Tập huấn ở Dào San",
        organiser="Phòng GD&ĐT",
        start_date=day,
        end_date=day,
        hours=8,
        programme="01",
        files=[SimpleUploadedFile("minh-chung.pdf", PDF, content_type="application/pdf")],
        acting_user=other,
    )
    for item in w.plain_module.lessons():
        lesson_view_record(lesson=item, acting_user=other)
    other_certificate = certificate_issue_module(
        completion=Completion.objects.get(user=other, module=w.plain_module), acting_user=None
    )
    # Both schools' yearly reports, sent upward by their managers.
    submission = year_report_submit(
        unit=school, school_year=year, header=_header(school.name), acting_user=w.manager
    )
    other_submission = year_report_submit(
        unit=other_school,
        school_year=year,
        header=_header(other_school.name),
        acting_user=w.other_manager,
    )
    image = get_image_model().objects.create(title="Con dấu", file=get_test_image_file())
    site = Site.objects.get(is_default_site=True)
    revision = Revision.page_revisions.filter(object_id=str(w.module.pk)).first()
    ids = {
        "module": w.module.pk,
        "lesson": w.lesson.pk,
        "programme": w.programme.pk,
        "home": site.root_page_id,
        "revision": revision.pk,
        "school": school.pk,
        "other_school": other_school.pk,
        "department": department.pk,
        "teacher": w.teacher.pk,
        "other_teacher": other.pk,
        "manager": w.manager.pk,
        "other_manager": w.other_manager.pk,
        "office": w.office.pk,
        "editor": w.editor.pk,
        "teacher_profile": w.teacher.profile.pk,
        "other_teacher_profile": other.profile.pk,
        "other_manager_profile": w.other_manager.profile.pk,
        "plan": w.plan.pk,
        "other_plan": other_plan.pk,
        "record": w.record.pk,
        "other_record": other_record.pk,
        "certificate": w.certificate.pk,
        "other_certificate": other_certificate.pk,
        "issuer": w.issuer.pk,
        "rule": ModuleCertificateRule.objects.get(module=w.plain_module).pk,
        "template": CertificateTemplate.objects.get_or_create(
            name="Mẫu giấy chứng nhận", defaults={"kind": "module"}
        )[0].pk,
        "submission": submission.pk,
        "other_submission": other_submission.pk,
        "image": image.pk,
        "collection": Collection.get_first_root_node().pk,
        "site": site.pk,
        "subject": Subject.objects.get_or_create(code="toan", defaults={"name": "Toán"})[0].pk,
        "group": Group.objects.get(name=roles.TEACHER).pk,
        "reminder_settings": ReminderSettings.load().pk,
        "missing": 999999,
    }
    return AdminWorld(w=w, ids=ids)
