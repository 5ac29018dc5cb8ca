from wagtail.models import ModelLogEntry

from certificates.models import IssuerKey


def test_office_staff_edit_the_issuer_but_never_see_its_private_key(client, office_staff, issuer):
    client.force_login(office_staff)
    key = IssuerKey.objects.get(issuer=issuer)
    page = client.get(f"/admin/certificates/issuers/edit/{issuer.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "PHÓ GIÁM ĐỐC" in html
    assert key.private_key_encrypted not in html and "PRIVATE KEY" not in html

    data = {
        "unit": issuer.unit_id,
        "slug": issuer.slug,
        "public_name": issuer.public_name,
        "parent_body_name": issuer.parent_body_name,
        "body_name": issuer.body_name,
        "place_name": "Phong Thổ",
        "head_title": "TRƯỞNG PHÒNG",
        "delegation": "KT.",
        "signer_title": "PHÓ TRƯỞNG PHÒNG",
        "signer_name": "Hoàng Thị Thùy",
        "serial_format": "{number}/GCN-PGDĐT",
        "website": "",
    }
    response = client.post(f"/admin/certificates/issuers/edit/{issuer.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    issuer.refresh_from_db()
    assert (issuer.place_name, issuer.signer_title) == ("Phong Thổ", "PHÓ TRƯỞNG PHÒNG")
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=office_staff).exists()


def test_a_deputy_signing_needs_a_title(client, office_staff, issuer):
    client.force_login(office_staff)
    data = {
        "unit": issuer.unit_id,
        "slug": issuer.slug,
        "public_name": issuer.public_name,
        "body_name": issuer.body_name,
        "place_name": "Lai Châu",
        "head_title": "GIÁM ĐỐC",
        "delegation": "KT.",
        "signer_title": "",
        "signer_name": "Lò Văn Thắng",
        "serial_format": "{number}/GCN",
    }
    response = client.post(f"/admin/certificates/issuers/edit/{issuer.pk}/", data)
    assert response.status_code == 200
    issuer.refresh_from_db()
    assert issuer.signer_title == "PHÓ GIÁM ĐỐC"


def test_rotating_the_key_keeps_the_old_one_published(client, office_staff, issuer):
    client.force_login(office_staff)
    old = IssuerKey.objects.get(issuer=issuer)
    response = client.post(f"/admin/certificates/actions/issuers/{issuer.pk}/rotate-key/")
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.retired_at is not None
    assert IssuerKey.objects.filter(issuer=issuer, retired_at__isnull=True).count() == 1
    published = client.get(f"/issuers/{issuer.slug}/keys/{old.kid}").json()
    assert published["id"].endswith(f"/keys/{old.kid}") and "revoked" not in published
    assert ModelLogEntry.objects.filter(action="hoctap.certificate.key_rotate").exists()
