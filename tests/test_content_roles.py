"""Across apps: the content roles of training.roles get the page, collection and workflow
permissions courses.services.editorial_sync gives, every time migrations run."""

import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, Site, WorkflowPage
from wagtail.permissions import policy_registry

from courses.permissions import TASK_NAME, WORKFLOW_NAME
from training import roles
from training.roles import roles_sync


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def editor(department, make_person):
    return make_person(unit=department, role=roles.CONTENT_EDITOR, staff_code="BT001")


@pytest.fixture
def reviewer(department, make_person):
    return make_person(unit=department, role=roles.CONTENT_REVIEWER, staff_code="ND001")


def test_editors_edit_and_submit_reviewers_publish(home, editor, reviewer):
    editor_perms, reviewer_perms = (
        home.permissions_for_user(editor),
        home.permissions_for_user(reviewer),
    )
    assert editor_perms.can_add_subpage() and editor_perms.can_edit()
    assert not editor_perms.can_publish() and not editor_perms.can_publish_subpage()
    assert reviewer_perms.can_publish() and reviewer_perms.can_publish_subpage()


def test_every_page_goes_through_the_reviewers(home):
    workflow = WorkflowPage.objects.get(page=home).workflow
    assert workflow.name == WORKFLOW_NAME and workflow.active
    [task] = workflow.tasks
    assert task.name == TASK_NAME
    reviewers = Group.objects.get(name=roles.CONTENT_REVIEWER)
    assert list(GroupApprovalTask.objects.get(pk=task.pk).groups.all()) == [reviewers]


def test_both_roles_upload_documents_and_manage_library_lists(editor, reviewer):
    documents = policy_registry.get_by_type(get_document_model())
    for user in (editor, reviewer):
        assert documents.user_has_permission(user, "add")
        assert user.has_perm("courses.add_subject")
    assert not editor.has_perm("courses.change_licence")
    assert reviewer.has_perm("courses.change_licence")


def test_roles_sync_again_changes_nothing(home, editor):
    before = sorted(home.group_permissions.values_list("group__name", "permission__codename"))
    roles_sync()
    assert (
        sorted(home.group_permissions.values_list("group__name", "permission__codename")) == before
    )
