"""A certificate template's background leaves Wagtail's image library (open to content editors,
who could replace the picture every certificate prints) for CertificateTemplate.background, a
file in the private storage, as Issuer.signature did in 0004. Each background in use is copied
there (a PNG or JPEG as it is; another format the library accepted is converted to PNG).

The library image itself stays where it is: a background is decoration, not a seal, and the
editors' pages may show it too; once copied, changing it in the library no longer changes a
certificate. Certificates already issued keep their PDF and their data as they were."""

import io

import django.core.validators
from django.core.files.base import ContentFile
from django.db import migrations, models

import certificates.models
import training.private_files


def _printable(image) -> tuple[bytes, str] | None:
    """The library image's bytes and extension, as a PNG or JPEG; None when unreadable."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with image.file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError, ValueError):
        return None
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    if extension in certificates.models.PRINTED_IMAGE_EXTENSIONS:
        return data, extension
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            converted = io.BytesIO()
            picture.convert("RGBA").save(converted, "PNG")
    except (UnidentifiedImageError, OSError, ValueError):
        return None  # e.g. an SVG: reportlab could not print it either
    return converted.getvalue(), "png"


def copy_backgrounds(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    for template in CertificateTemplate.objects.exclude(library_background=None).select_related(
        "library_background"
    ):
        printable = _printable(template.library_background)
        if printable is None:
            continue
        data, extension = printable
        template.background.save(f"nen.{extension}", ContentFile(data), save=False)
        template.save(update_fields=["background"])


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_issuer_signature_private"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameField(
            model_name="certificatetemplate", old_name="background", new_name="library_background"
        ),
        migrations.AddField(
            model_name="certificatetemplate",
            name="background",
            field=models.ImageField(
                blank=True,
                help_text=(
                    "Optional. A PNG or JPEG printed across the whole A4 landscape page, behind "
                    "the text (at most 2 MB)."
                ),
                max_length=255,
                storage=training.private_files.private_storage,
                upload_to=certificates.models._background_path,
                validators=[
                    django.core.validators.FileExtensionValidator(["png", "jpg", "jpeg"]),
                    certificates.models.validate_printed_image,
                ],
                verbose_name="background image",
            ),
        ),
        migrations.RunPython(copy_backgrounds, migrations.RunPython.noop),
        migrations.RemoveField(model_name="certificatetemplate", name="library_background"),
    ]
