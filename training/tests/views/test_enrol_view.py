from django.urls import reverse

from training.models import Enrolment, EnrolmentSource


def test_a_teacher_enrols_in_an_open_module_and_goes_to_it(client, teacher, module):
    client.force_login(teacher)
    url = reverse("training:enrol", args=[module.pk])
    assert client.get(url).status_code == 405  # a change: POST only
    response = client.post(url)
    assert (response.status_code, response["Location"]) == (302, module.url)
    assert Enrolment.objects.get(user=teacher, module=module).source == EnrolmentSource.SELF


def test_an_unpublished_module_cannot_be_enrolled_in(client, teacher, make_module):
    module = make_module(live=False)
    client.force_login(teacher)
    assert client.post(reverse("training:enrol", args=[module.pk])).status_code == 404
    assert not Enrolment.objects.exists()
