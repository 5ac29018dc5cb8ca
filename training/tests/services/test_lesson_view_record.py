from training.models import Enrolment, EnrolmentSource, LessonView, YearSummary
from training.services import lesson_view_record


def test_opening_a_lesson_enrols_a_trainee_and_remembers_where_they_are(module, teacher):
    first, second = module.lessons()
    view = lesson_view_record(lesson=first, acting_user=teacher)
    enrolment = Enrolment.objects.get()
    assert (enrolment.user, enrolment.module, enrolment.source) == (
        teacher,
        module,
        EnrolmentSource.SELF,
    )
    assert (enrolment.school_year, enrolment.programme) == (module.school_year, "03")
    assert view.view_count == 1 and enrolment.last_lesson_id == first.pk
    lesson_view_record(lesson=second, acting_user=teacher)
    lesson_view_record(lesson=first, acting_user=teacher)
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id == first.pk
    assert LessonView.objects.get(lesson=first).view_count == 2
    # An enrolment gives the person a summary row for the year at once.
    assert YearSummary.objects.filter(user=teacher, school_year=module.school_year).exists()


def test_someone_without_a_staff_profile_is_not_recorded(module, django_user_model):
    visitor = django_user_model.objects.create_user(username="visitor", password="x" * 12)
    assert lesson_view_record(lesson=module.lessons().first(), acting_user=visitor) is None
    assert not Enrolment.objects.exists()


def test_a_module_that_is_not_open_records_nothing(make_module, teacher):
    module = make_module()
    lesson = module.lessons().first()
    module.unpublish()
    assert lesson_view_record(lesson=lesson, acting_user=teacher) is None
    assert not Enrolment.objects.exists() and not LessonView.objects.exists()
