"""The editorial flow through the admin: an editor writes a module with a lesson and a quiz and
submits it; the editor cannot publish; a reviewer approves; a teacher then sees it."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import LessonPage, ModulePage
from courses.permissions import WORKFLOW_NAME
from courses.services import editorial_sync


@pytest.fixture
def editor(make_user, editorial_groups):
    return make_user(groups=[editorial_groups[0]], username="bientap")


@pytest.fixture
def reviewer(make_user, editorial_groups):
    return make_user(groups=[editorial_groups[1]], username="duyet")


def quiz_form_data():
    question = {
        "prompt": "Bài kiểm tra bồi dưỡng thường xuyên chấm theo thang điểm nào?",
        "points": "1",
        "choices": {
            "count": "2",
            "0": {"value": {"text": "Thang điểm 10", "correct": "on"}, "deleted": "", "order": "0"},
            "1": {"value": {"text": "Thang điểm 4"}, "deleted": "", "order": "1"},
        },
    }
    answer = {"value": "BDTX", "deleted": "", "order": "0"}
    short = {
        "prompt": "Viết tắt của bồi dưỡng thường xuyên?",
        "points": "1",
        "accepted_answers": {"count": "1", "0": answer},
    }
    return {
        "title": "Kiểm tra",
        "instructions": "",
        "questions": streamfield([("single_choice", question), ("short_answer", short)]),
    }


def page_form(**fields):
    return nested_form_data({"comments": inline_formset([]), **fields})


def admin_add(client, model, parent, data):
    return client.post(reverse("wagtailadmin_pages:add", args=("courses", model, parent.pk)), data)


def test_editor_submits_reviewer_approves_teacher_sees(client, editor, reviewer, programme):
    client.force_login(editor)
    response = admin_add(
        client,
        "modulepage",
        programme,
        page_form(
            title="Giáo dục STEM ở vùng cao",
            slug="gvpt-16",
            code="GVPT 16",
            hours="10",
            delivery="blended",
            summary="Bài học STEM từ tre, nứa, chai nhựa.",
            objectives=rich_text("<p>Thiết kế một bài học STEM.</p>"),
            pass_mark="5.0",
            attempt_limit="",
            deadline="",
            assessment=streamfield([("quiz", quiz_form_data())]),
            **{"action-submit": "Submit"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    module = ModulePage.objects.get(code="GVPT 16")
    assert not module.live and module.workflow_in_progress
    assert module.get_latest_revision().content["code"] == "GVPT 16"

    response = admin_add(
        client,
        "lessonpage",
        module,
        page_form(
            title="Bài 1. Quy trình thiết kế kĩ thuật",
            slug="bai-1",
            summary="",
            body=streamfield(
                [
                    ("paragraph", rich_text("<p>Xác định vấn đề, làm mẫu, thử, cải tiến.</p>")),
                    ("quiz", quiz_form_data()),
                ]
            ),
            **{"action-submit": "Submit"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(slug="bai-1", depth=module.depth + 1)

    # The editor cannot publish, in Wagtail's permission policy and in the admin.
    assert not module.permissions_for_user(editor).can_publish()
    edit = reverse("wagtailadmin_pages:edit", args=(lesson.pk,))
    attempt = page_form(title=lesson.title, slug="bai-1", summary="", body=streamfield([]))
    client.post(edit, {**attempt, "action-publish": "Publish"})
    lesson.refresh_from_db()
    assert not lesson.live
    client.logout()
    assert client.get(module.url).status_code == 404  # nobody sees it before review
    assert client.get(lesson.url).status_code == 404

    # The reviewer approves both; they go live.
    client.force_login(reviewer)
    assert module.permissions_for_user(reviewer).can_publish()
    for page in (module, lesson):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        )
        assert client.post(url).status_code == 302
        page.refresh_from_db()
        assert page.live and not page.workflow_in_progress

    # A teacher (here, anyone) sees the module with its lesson, and the lesson's quiz.
    client.logout()
    html = client.get(module.url).content.decode()
    assert "GVPT 16" in html and "Bài 1. Quy trình thiết kế kĩ thuật" in html
    lesson_html = client.get(lesson.url).content.decode()
    assert "Thang điểm 10" in lesson_html and "BDTX" not in lesson_html
    quiz = module.final_quiz()
    assert [q.block_type for q in quiz.value["questions"]] == ["single_choice", "short_answer"]


def test_editor_cannot_publish_even_without_a_workflow(editor, reviewer, programme, module):
    WorkflowPage.objects.all().delete()
    module.refresh_from_db()
    assert not module.permissions_for_user(editor).can_publish()
    assert module.permissions_for_user(editor).can_edit()
    assert module.permissions_for_user(reviewer).can_publish()


def test_the_reviewer_group_approves_and_the_editor_group_does_not(editor, reviewer, module):
    module.save_revision(user=editor)
    state = module.get_workflow().start(module, editor)
    task = state.current_task_state.task.specific
    assert [name for name, _label, _modal in task.get_actions(module, reviewer)] == [
        "reject",
        "approve",
        "approve",
    ]
    assert task.get_actions(module, editor) == []
    task.on_action(state.current_task_state, reviewer, "reject")
    state.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES


def test_editorial_sync_is_idempotent(editorial_groups, home):
    editors, reviewers = editorial_groups
    before = sorted(
        GroupPagePermission.objects.filter(group__in=editorial_groups).values_list(
            "group__name", "page_id", "permission__codename"
        )
    )
    editorial_sync(editors=editors, reviewers=reviewers)
    after = sorted(
        GroupPagePermission.objects.filter(group__in=editorial_groups).values_list(
            "group__name", "page_id", "permission__codename"
        )
    )
    assert before == after
    assert ("Test editors", home.pk, "publish_page") not in after
    assert ("Test reviewers", home.pk, "publish_page") in after
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME
