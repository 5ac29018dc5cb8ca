"""A forgotten password: the link goes only to an address its owner confirmed (issue #12, the
takeover of finding 1 ended in Wagtail's password reset mailing an address set by an import),
and the page after it says the same whatever was typed."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from portal.accounts import confirm_token
from training.models import User
from training.services import email_confirm
from training.tests.roster.conftest import STAFF_HEADINGS, apply, csv_bytes

PASSWORD = "mat-khau-rat-dai-2026"
NEW_PASSWORD = "mat-khau-moi-cua-toi-2026"
FRONT = "/quen-mat-khau/"
ADMIN = "/admin/password_reset/"


def _confirmed(user):
    email_confirm(user=user, email=user.email)
    user.refresh_from_db()
    return user


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.mark.parametrize("url", [FRONT, ADMIN])
def test_an_unconfirmed_address_gets_no_mail_and_the_same_page(client, teacher, url):
    assert not teacher.email_confirmed  # set when the account was made: by someone else
    unconfirmed = client.post(url, {"email": "huong@example.vn"})
    unknown = client.post(url, {"email": "ai-do@example.vn"})
    assert unconfirmed.status_code == unknown.status_code == 302
    assert unconfirmed["Location"] == unknown["Location"]
    assert mail.outbox == []


@pytest.mark.parametrize("url", [FRONT, ADMIN])
def test_a_confirmed_address_gets_the_link(client, teacher, url):
    _confirmed(teacher)
    response = client.post(url, {"email": "HUONG@example.vn"})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["huong@example.vn"]]


def test_the_front_end_flow_from_login_to_a_new_password(client, teacher):
    teacher.must_change_password = True
    teacher.save()
    _confirmed(teacher)
    assert FRONT in client.get(reverse("portal:login")).content.decode()
    done = client.post(FRONT, {"email": "huong@example.vn"}, follow=True)
    assert "Kiểm tra hộp thư" in done.content.decode()
    message = mail.outbox[0]
    assert "mật khẩu" in message.subject  # Vietnamese, the person's language
    form = client.get(_link(message), follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    set_url = form.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("portal:password_reset_complete")
    teacher.refresh_from_db()
    assert teacher.check_password(NEW_PASSWORD) and not teacher.must_change_password
    # The link works once.
    again = client.get(_link(message), follow=True)
    assert not again.context["validlink"]


def test_the_mail_is_in_the_language_the_person_chose(client, office_staff):
    office_staff.email = "thuy@example.vn"
    office_staff.save()
    _confirmed(office_staff)
    UserProfile.objects.create(user=office_staff, preferred_language="en")
    client.post(FRONT, {"email": "thuy@example.vn"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert mail.outbox[0].subject.startswith("Choose a new password")


def test_an_address_changed_after_confirming_is_unconfirmed(client, teacher):
    _confirmed(teacher)
    User.objects.filter(pk=teacher.pk).update(email="moi@example.vn")
    client.post(FRONT, {"email": "moi@example.vn"})
    client.post(FRONT, {"email": "huong@example.vn"})
    assert mail.outbox == []


def test_an_inactive_account_gets_no_mail(client, teacher):
    _confirmed(teacher)
    teacher.is_active = False
    teacher.save()
    client.post(FRONT, {"email": "huong@example.vn"})
    assert mail.outbox == []


def test_the_takeover_by_import_ends_without_a_mail(client, office_staff, school_manager):
    """An address an import fills in is unconfirmed: the reset mails nobody."""
    apply(
        csv_bytes(
            [
                STAFF_HEADINGS,
                ["QL001", "Đặng Văn Dũng", "", "", "evil@example.vn", "TR-SSH", "", ""],
            ]
        ),  # fmt: skip
        office_staff,
    )
    assert User.objects.get(pk=school_manager.pk).email == "evil@example.vn"
    client.post(ADMIN, {"email": "evil@example.vn"})
    client.post(FRONT, {"email": "evil@example.vn"})
    assert mail.outbox == []


# Confirming one's own address ------------------------------------------------------------------


def test_a_person_sets_and_confirms_their_address(client, teacher):
    client.force_login(teacher)
    page = client.get(reverse("portal:email"))
    assert "chưa xác nhận" in page.content.decode()
    response = client.post(reverse("portal:email"), {"email": "Huong.Moi@example.vn"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.email == "huong.moi@example.vn" and not teacher.email_confirmed
    link = _link(mail.outbox[0])
    assert mail.outbox[0].to == ["huong.moi@example.vn"]
    # Opening the link shows a button; only pressing it confirms (mail scanners open links).
    client.logout()
    assert client.get(link).status_code == 200
    teacher.refresh_from_db()
    assert not teacher.email_confirmed
    assert client.post(link).status_code == 302
    teacher.refresh_from_db()
    assert teacher.email_confirmed


def test_a_link_for_an_address_no_longer_theirs_confirms_nothing(client, teacher):
    token = confirm_token(teacher)
    User.objects.filter(pk=teacher.pk).update(email="khac@example.vn")
    url = reverse("portal:email_confirm", args=[token])
    assert client.post(url).status_code == 404
    assert client.post(reverse("portal:email_confirm", args=[token + "x"])).status_code == 404
    teacher.refresh_from_db()
    assert teacher.confirmed_email == ""


def test_resend_the_link(client, teacher):
    client.force_login(teacher)
    client.post(reverse("portal:email"), {"resend": "1"})
    assert mail.outbox[0].to == ["huong@example.vn"]


def test_an_address_taken_by_someone_else_is_refused(client, teacher, school_manager):
    client.force_login(school_manager)
    response = client.post(reverse("portal:email"), {"email": "HUONG@example.vn"})
    assert response.status_code == 200
    assert "huong@example.vn" in response.content.decode()
    assert User.objects.get(pk=school_manager.pk).email == ""
    assert mail.outbox == []


def test_the_email_page_needs_login(client, db):
    assert client.get(reverse("portal:email"))["Location"].startswith(reverse("portal:login"))


def test_the_admin_flow_ends_with_a_password_of_ones_own(client, office_staff):
    office_staff.email = "thuy@example.vn"
    office_staff.must_change_password = True
    office_staff.save()
    _confirmed(office_staff)
    client.post(ADMIN, {"email": "thuy@example.vn"})
    form = client.get(_link(mail.outbox[0]), follow=True)
    assert form.context["validlink"]
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    office_staff.refresh_from_db()
    assert office_staff.check_password(NEW_PASSWORD) and not office_staff.must_change_password
