"""Certificate templates and the modules that earn a certificate hold for the whole province
(issue #12, finding 3): a commune's office reads them, but only the department's office (or a
superuser) adds, changes or deletes them, in the admin's screens as in its lists' buttons."""

import pytest
from django.urls import reverse

from certificates.models import CertificateTemplate, ModuleCertificateRule
from training import roles

TEMPLATE_EDIT = "wagtailsnippets_certificates_certificatetemplate:edit"


@pytest.fixture
def commune_office(commune, make_person):
    return make_person(
        unit=commune,
        role=roles.OFFICE_STAFF,
        full_name="Lò Thị Mai",
        staff_code="CVXA01",
        position="office_specialist",
    )


def template_data(template, **changes):
    return {
        "name": template.name,
        "kind": template.kind,
        "layout": template.layout,
        "is_default": "on" if template.is_default else "",
        "title": template.title,
        "subtitle": template.subtitle,
        "recipient_intro": template.recipient_intro,
        "body": template.body,
        "criteria": template.criteria,
        **changes,
    }


def refused(response) -> bool:
    """Wagtail's admin answers a refused screen with its home page (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_a_commune_office_reads_but_cannot_change_the_templates(client, commune_office):
    template = CertificateTemplate.objects.get(kind="year", is_default=True)
    edit = reverse(TEMPLATE_EDIT, args=[template.pk])
    client.force_login(commune_office)

    listing = client.get(reverse("wagtailsnippets_certificates_certificatetemplate:list"))
    assert listing.status_code == 200
    assert template.name in listing.content.decode()
    assert edit not in listing.content.decode()
    assert (
        reverse("wagtailsnippets_certificates_certificatetemplate:add")
        not in listing.content.decode()
    )

    assert refused(client.get(edit))
    assert refused(client.post(edit, template_data(template, title="GIẤY GIẢ")))
    assert refused(client.get(reverse("wagtailsnippets_certificates_certificatetemplate:add")))
    assert refused(
        client.post(
            reverse("wagtailsnippets_certificates_certificatetemplate:delete", args=[template.pk])
        )
    )
    template.refresh_from_db()
    assert template.title != "GIẤY GIẢ"
    assert CertificateTemplate.objects.filter(pk=template.pk).exists()


def test_the_departments_office_changes_the_templates(client, office_staff):
    template = CertificateTemplate.objects.get(kind="year", is_default=True)
    edit = reverse(TEMPLATE_EDIT, args=[template.pk])
    client.force_login(office_staff)
    assert client.get(edit).status_code == 200
    response = client.post(edit, template_data(template, title="GIẤY CHỨNG NHẬN MỚI"))
    assert response.status_code == 302, response.content.decode()[:2000]
    template.refresh_from_db()
    assert template.title == "GIẤY CHỨNG NHẬN MỚI"


def test_a_commune_office_cannot_change_which_modules_earn_a_certificate(
    client, commune_office, office_staff, make_module, module_rule
):
    rule = module_rule(make_module())
    other = make_module()
    client.force_login(commune_office)
    listing = client.get(reverse("certificates_module_rule:index"))
    assert listing.status_code == 200
    assert str(rule.module) in listing.content.decode()
    assert reverse("certificates_module_rule:add") not in listing.content.decode()

    assert refused(client.post(reverse("certificates_module_rule:add"), {"module": other.pk}))
    assert refused(
        client.post(
            reverse("certificates_module_rule:edit", args=[rule.pk]),
            {"module": other.pk, "template": ""},
        )
    )
    assert refused(client.post(reverse("certificates_module_rule:delete", args=[rule.pk])))
    assert list(ModuleCertificateRule.objects.values_list("module_id", flat=True)) == [
        rule.module_id
    ]

    client.force_login(office_staff)
    added = client.post(reverse("certificates_module_rule:add"), {"module": other.pk})
    assert added.status_code == 302
    assert (
        client.post(reverse("certificates_module_rule:delete", args=[rule.pk])).status_code == 302
    )
    assert list(ModuleCertificateRule.objects.values_list("module_id", flat=True)) == [other.pk]


def test_the_menu_offers_a_commune_office_the_lists_to_read(client, commune_office):
    """Reading stays: the menu still leads to the lists, which carry no add button."""
    client.force_login(commune_office)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsnippets_certificates_certificatetemplate:list") in home
