"""Issue #4's "done when", through the web: a teacher builds and submits a plan, the school
manager approves it, the teacher studies a module and passes its quiz, records a face-to-face
training that the manager approves, and the dashboard's bars fill; the summaries then match a
full recount."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from courses.models import LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage
from courses.quiz import FIELD_PREFIX
from training.models import Completion, PlanStatus, RecordStatus, TrainingPlan, TrainingRecord
from training.tests.conftest import answers, final_quiz, pdf_file, publish, record_values
from training.tests.conftest import this_year as current_year


def build_programme_03():
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ProgrammeIndexPage(title="Chương trình bồi dưỡng", slug="chuong-trinh", live=False)
    home.add_child(instance=index)
    programme = ProgrammePage(
        title="Chương trình 03", slug="ct-03", kind="03", school_year=current_year(), live=False
    )
    publish(index).add_child(instance=programme)
    modules = []
    for number in range(1, 5):
        module = ModulePage(
            title=f"Mô-đun GVPT {number:02d}",
            slug=f"gvpt-{number:02d}",
            code=f"GVPT {number:02d}",
            hours=10,
            delivery="online",
            assessment=[{"type": "quiz", "value": final_quiz()}],
            live=False,
        )
        publish(programme).add_child(instance=module)
        module = publish(module)
        for lesson_number in (1, 2):
            lesson = LessonPage(
                title=f"Bài {lesson_number}",
                slug=f"bai-{lesson_number}",
                body=[{"type": "paragraph", "value": "<p>Nội dung.</p>"}],
                live=False,
            )
            module.add_child(instance=lesson)
            publish(lesson)
        modules.append(ModulePage.objects.get(pk=module.pk))
    return modules


def shown(client, url) -> dict:
    """The version the review page shows, which the manager's decision carries."""
    page = client.get(url).content.decode()
    return {"seen_version": re.search(r'name="seen_version" value="([^"]+)"', page).group(1)}


@pytest.mark.django_db
def test_a_teacher_year_from_plan_to_filled_bars(client, teacher, school_manager):
    modules = build_programme_03()

    # The teacher logs in with their staff code and builds their plan.
    response = client.post(
        reverse("portal:login"), {"username": "gv001", "password": "mat-khau-rat-dai-2026"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("training:plan"), {"modules": [m.pk for m in modules], "submit": ""}
    )
    assert response.status_code == 302
    plan = TrainingPlan.objects.get(user=teacher)
    assert plan.status == PlanStatus.SUBMITTED

    # The school manager approves it in the management area.
    manager = client.__class__()
    manager.force_login(school_manager)
    url = reverse("training_review:plan", args=[plan.pk])
    response = manager.post(url, {"action": "approve", "comment": "", **shown(manager, url)})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED

    # The teacher studies the first module and passes its final assessment.
    module = modules[0]
    for lesson in module.lessons():
        assert client.get(lesson.url).status_code == 200
    data = {"quiz": module.final_quiz().id}
    data.update({FIELD_PREFIX + qid: answer for qid, answer in answers(module).items()})
    response = client.post(module.url + module.reverse_subpage("assessment"), data)
    assert response.status_code == 302
    assert Completion.objects.get(user=teacher).hours == 10

    # …records a face-to-face training with its certificate…
    values = record_values(hours=40, programme="02")
    response = client.post(
        reverse("training:record_create"),
        {
            **{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()},
            "files": [pdf_file()],
        },
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(user=teacher)

    # …which the manager approves.
    url = reverse("training_review:record", args=[record.pk])
    response = manager.post(url, {"action": "approve", "comment": "", **shown(manager, url)})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == RecordStatus.APPROVED

    # The dashboard's bars have filled.
    dashboard = client.get(reverse("training:home")).context["dashboard"]
    bars = {bar.key: (bar.hours, bar.target, bar.percent) for bar in dashboard.bars}
    assert bars == {
        "01": (0, 40, 0),
        "02": (40, 40, 100),
        "03": (10, 40, 25),
        "total": (50, 120, 42),
    }
    assert dashboard.summary.required_completed == 1 and dashboard.summary.required_modules == 4
    assert len(dashboard.studying) == 3

    # And the summaries are what a full recount gives.
    call_command("recompute_summaries", "--check", stdout=StringIO())
