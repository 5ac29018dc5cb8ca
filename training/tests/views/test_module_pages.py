"""The content pages courses serves, with training's hooks: lessons opened are recorded, the
final assessment is an attempt scored and kept, the pages show one's progress."""

from django.conf import settings
from django.contrib.messages import get_messages

from courses.quiz import FIELD_PREFIX
from training.models import Attempt, Completion, Enrolment, LessonView
from training.services import ERROR_ATTEMPT_LIMIT, ERROR_NOT_ENROLLED
from training.tests.conftest import answers


def form(module, given: dict) -> dict:
    data = {"quiz": module.final_quiz().id}
    for qid, answer in given.items():
        data[FIELD_PREFIX + qid] = answer
    return data


def assessment_url(module) -> str:
    return module.url + module.reverse_subpage("assessment")


def test_opening_lessons_records_progress_and_the_module_page_shows_it(client, teacher, module):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(teacher)
    first, second = module.lessons()
    response = client.get(first.url)
    assert response.status_code == 200
    assert LessonView.objects.filter(lesson=first, enrolment__user=teacher).exists()
    assert response.context["progress"].percent == 33  # 1 of 2 lessons and the assessment
    page = client.get(module.url)
    assert "1 of 2 lessons studied." in page.context["progress"].summary


def test_anonymous_readers_are_not_recorded(client, module):
    assert client.get(module.lessons().first().url).status_code == 200
    assert not Enrolment.objects.exists()
    response = client.post(assessment_url(module), form(module, answers(module)))
    assert response.status_code == 200  # courses' self-check
    assert not Attempt.objects.exists()


def test_passing_the_final_assessment_completes_the_module(client, teacher, module):
    client.force_login(teacher)
    for lesson in module.lessons():
        client.get(lesson.url)
    response = client.post(assessment_url(module), form(module, answers(module, right=3)))
    assert response.status_code == 302 and response["Location"] == module.url
    completion = Completion.objects.get()
    assert completion.score == 8 and completion.user == teacher
    [message] = get_messages(response.wsgi_request)
    assert "8,00" in str(message) and "10" in str(message)
    assert client.get(module.url).context["progress"].percent == 100


def test_answers_the_quiz_does_not_know_are_a_bad_request(client, teacher, module):
    client.force_login(teacher)
    client.get(module.lessons().first().url)
    data = form(module, answers(module))
    data[FIELD_PREFIX + "no-such-question"] = "x"
    response = client.post(assessment_url(module), data)
    assert response.status_code == 400
    assert not Attempt.objects.exists()


def test_an_attempt_without_enrolment_is_refused_with_a_message(client, teacher, module):
    client.force_login(teacher)
    response = client.post(assessment_url(module), form(module, answers(module)), follow=True)
    assert str(ERROR_NOT_ENROLLED) in response.content.decode()
    assert not Attempt.objects.exists()


def test_the_attempt_limit_holds_through_the_page(client, teacher, make_module):
    module = make_module(attempt_limit=1)
    client.force_login(teacher)
    client.get(module.lessons().first().url)
    wrong = form(module, answers(module, right=0))
    assert client.post(assessment_url(module), wrong).status_code == 302
    response = client.post(assessment_url(module), wrong, follow=True)
    assert str(ERROR_ATTEMPT_LIMIT % {"limit": 1}) in response.content.decode()
    assert Attempt.objects.count() == 1
