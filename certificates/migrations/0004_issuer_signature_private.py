"""An issuer's signature and seal image leaves Wagtail's image library (open to content editors,
who could choose, replace or delete it) for Issuer.signature in the private storage, which no
address serves. Existing images are copied there, then removed from the library (unless a
certificate template also uses one as its background)."""

import django.core.validators
from django.core.files.base import ContentFile
from django.db import migrations, models

import certificates.models
import training.private_files


def move_signatures(apps, schema_editor):
    Issuer = apps.get_model("certificates", "Issuer")
    Image = apps.get_model("wagtailimages", "Image")
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    moved = set()
    for issuer in Issuer.objects.exclude(signature_image=None).select_related("signature_image"):
        image = issuer.signature_image
        try:
            with image.file.open("rb") as handle:
                data = handle.read()
        except (FileNotFoundError, ValueError):
            continue
        extension = image.file.name.rsplit(".", 1)[-1].lower()
        if extension not in certificates.models.PRINTED_IMAGE_EXTENSIONS:
            extension = "png"
        issuer.signature.save(f"chu-ky.{extension}", ContentFile(data), save=False)
        issuer.save(update_fields=["signature"])
        moved.add(image.pk)
    backgrounds = set(
        CertificateTemplate.objects.exclude(background=None).values_list("background_id", flat=True)
    )
    for image in Image.objects.filter(pk__in=moved - backgrounds):
        image.file.delete(save=False)
        image.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_private_storage"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="issuer",
            name="signature",
            field=models.ImageField(
                blank=True,
                help_text=(
                    "Optional. A PNG with a transparent background works best (at most 2 MB)."
                ),
                max_length=255,
                storage=training.private_files.private_storage,
                upload_to=certificates.models._signature_path,
                validators=[
                    django.core.validators.FileExtensionValidator(["png", "jpg", "jpeg"]),
                    certificates.models.validate_printed_image,
                ],
                verbose_name="signature and seal image",
            ),
        ),
        migrations.RunPython(move_signatures, migrations.RunPython.noop),
        migrations.RemoveField(model_name="issuer", name="signature_image"),
    ]
