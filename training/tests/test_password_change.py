from django.urls import reverse
from wagtail.models import ModelLogEntry

from training.services import staff_create


def test_initial_password_must_be_changed_before_anything_else(client, school):
    person = staff_create(
        staff_code="GV321",
        full_name="Lò Thị Hoa",
        unit=school,
        password="ban-dau-2026-x",
        must_change_password=True,
        acting_user=None,
    )
    client.post(reverse("portal:login"), {"username": "GV321", "password": "ban-dau-2026-x"})
    response = client.get(reverse("training:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("training:password_change")
    assert client.get("/admin/")["Location"] == reverse("training:password_change")

    weak = client.post(
        reverse("training:password_change"),
        {
            "old_password": "ban-dau-2026-x",
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert weak.status_code == 200
    assert weak.context["form"].errors["new_password2"]

    done = client.post(
        reverse("training:password_change"),
        {
            "old_password": "ban-dau-2026-x",
            "new_password1": "hoa-tu-chon-mat-khau-7",
            "new_password2": "hoa-tu-chon-mat-khau-7",
        },
    )
    assert done.status_code == 302
    person.refresh_from_db()
    assert not person.must_change_password
    assert client.get(reverse("training:home")).status_code == 200
    assert ModelLogEntry.objects.for_instance(person).filter(action="hoctap.password_change")
