from django.urls import reverse

from training.models import PlanStatus, TrainingPlan
from training.services import ERROR_PLAN_TOO_FEW_03
from training.tests.conftest import this_year


def test_a_teacher_builds_and_submits_their_plan(client, teacher, make_module):
    modules = [make_module(hours=10) for _ in range(5)]
    client.force_login(teacher)
    url = reverse("training:plan")
    page = client.get(url)
    assert page.status_code == 200
    for module in modules:
        assert module.title in page.content.decode()

    response = client.post(url, {"modules": [m.pk for m in modules[:3]], "submit": ""})
    assert response.status_code == 200  # 30 tiết: refused, shown on the form
    assert str(ERROR_PLAN_TOO_FEW_03 % {"target": 40, "hours": 30}) in response.content.decode()
    assert TrainingPlan.objects.get().status == PlanStatus.DRAFT

    response = client.post(url, {"modules": [m.pk for m in modules[:4]], "submit": ""})
    assert response.status_code == 302
    plan = TrainingPlan.objects.get()
    assert plan.status == PlanStatus.SUBMITTED and plan.items.count() == 4
    page = client.get(reverse("training:plan_year", args=[this_year()]))
    assert 'name="submit"' not in page.content.decode()  # waiting: nothing to change


def test_a_module_of_another_programme_cannot_be_slipped_in(client, teacher, make_module):
    other = make_module(kind="01")
    client.force_login(teacher)
    response = client.post(reverse("training:plan"), {"modules": [other.pk], "save": ""})
    assert response.status_code == 200
    assert not TrainingPlan.objects.filter(items__isnull=False).exists()


def test_a_bad_year_in_the_address_is_not_found(client, teacher):
    client.force_login(teacher)
    assert client.get("/ke-hoach/2026/").status_code == 404
