import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from training.models import Enrolment
from training.services import ERROR_MODULE_NOT_OPEN, enrolment_self


def test_enrolling_twice_gives_one_enrolment(module, teacher):
    first = enrolment_self(module=module, acting_user=teacher)
    assert enrolment_self(module=module, acting_user=teacher) == first
    assert Enrolment.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="hoctap.enrol").count() == 1


def test_an_unpublished_module_is_not_open(make_module, teacher):
    module = make_module(live=False)
    with pytest.raises(ValidationError) as error:
        enrolment_self(module=module, acting_user=teacher)
    assert error.value.messages == [ERROR_MODULE_NOT_OPEN]
    assert not Enrolment.objects.exists()
