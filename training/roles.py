"""Roles are Django groups. This module is the one place that says which groups exist and what
each may do; `roles_sync()` makes the database say the same (run after every migrate)."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from courses.permissions import EDITOR_MODEL_PERMISSIONS, REVIEWER_MODEL_PERMISSIONS

TEACHER = "Giáo viên"
SCHOOL_MANAGER = "Cán bộ quản lý trường"
OFFICE_STAFF = "Chuyên viên phòng/sở"
CONTENT_EDITOR = "Biên tập viên"
CONTENT_REVIEWER = "Người duyệt nội dung"

#: Groups whose members reach the units below the unit their staff profile is attached to.
MANAGER_ROLES = (SCHOOL_MANAGER, OFFICE_STAFF)

_ADMIN = "wagtailadmin.access_admin"

#: What every manager does with the training records of the people in their reach: review
#: plans and face-to-face records, assign modules, read summaries, close a school year.
_RECORDS_REVIEW = {
    "training.review_trainingplan",
    "training.review_trainingrecord",
    "training.assign_module",
    "training.view_yearsummary",
    "training.close_schoolyear",
    "training.view_yeartarget",
}

#: "app_label.codename" permissions of each role. Later issues add theirs here.
ROLE_PERMISSIONS: dict[str, set[str]] = {
    TEACHER: set(),
    SCHOOL_MANAGER: {_ADMIN, "training.view_unit", "training.view_staffprofile", *_RECORDS_REVIEW},
    OFFICE_STAFF: {
        _ADMIN,
        "training.view_unit",
        "training.add_unit",
        "training.change_unit",
        "training.view_staffprofile",
        "training.add_staffprofile",
        "training.change_staffprofile",
        *_RECORDS_REVIEW,
        "training.add_yeartarget",
        "training.change_yeartarget",
    },
    CONTENT_EDITOR: {
        _ADMIN,
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        *EDITOR_MODEL_PERMISSIONS,
    },
    CONTENT_REVIEWER: {
        _ADMIN,
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        *REVIEWER_MODEL_PERMISSIONS,
    },
}


#: Certificates (issue #5): office staff configure issuers, templates and the modules that earn a
#: certificate, issue (one by one or in bulk), revoke and re-issue; school managers see and
#: download their teachers' certificates. Templates, module rules and the issuers' signature
#: and seal hold for the whole province: only the department's office changes them
#: (training.selectors.may_change_province_settings, asked by the services, the admin's
#: permission policies and the API). The signature and seal is no image of Wagtail's library
#: (certificates.models.Issuer.signature), so certificate managers need no image permission.
ROLE_PERMISSIONS[OFFICE_STAFF] |= {
    "certificates.view_certificate",
    "certificates.issue_certificate",
    "certificates.revoke_certificate",
    "certificates.view_issuer",
    "certificates.add_issuer",
    "certificates.change_issuer",
    "certificates.view_certificatetemplate",
    "certificates.add_certificatetemplate",
    "certificates.change_certificatetemplate",
    "certificates.view_modulecertificaterule",
    "certificates.add_modulecertificaterule",
    "certificates.change_modulecertificaterule",
    "certificates.delete_modulecertificaterule",
}
ROLE_PERMISSIONS[SCHOOL_MANAGER] |= {"certificates.view_certificate"}


#: The yearly report upward (issue #6): school managers and office staff send their unit's
#: report and see those of the units below; office staff set the deadline for those units.
_YEARLY_REPORT = {
    "training.submit_yearreport",
    "training.view_yearreportsubmission",
    "training.view_reportdeadline",
}
ROLE_PERMISSIONS[SCHOOL_MANAGER] |= _YEARLY_REPORT
ROLE_PERMISSIONS[OFFICE_STAFF] |= {
    *_YEARLY_REPORT,
    "training.add_reportdeadline",
    "training.change_reportdeadline",
}


def roles_sync() -> None:
    """Create each role's group and give it exactly the permissions listed above."""
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        query = Q(pk__in=[])
        for name in names:
            app_label, codename = name.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
    # Page, collection and moderation-workflow permissions of the content roles.
    from courses.services import editorial_sync

    editorial_sync(
        editors=Group.objects.get(name=CONTENT_EDITOR),
        reviewers=Group.objects.get(name=CONTENT_REVIEWER),
    )
