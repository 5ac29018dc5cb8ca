"""Choices shared by the programme pages and their admin forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    PROGRAMME_01 = "01", _("Programme 01 — school-year tasks (Ministry)")
    PROGRAMME_02 = "02", _("Programme 02 — local needs (province)")
    PROGRAMME_03 = "03", _("Programme 03 — modules chosen by the teacher")
    LOCAL = "local", _("Local programme")


class Delivery(models.TextChoices):
    ONLINE = "online", _("Online (từ xa)")
    FACE_TO_FACE = "face_to_face", _("Face-to-face (tập trung)")
    BLENDED = "blended", _("Blended (kết hợp)")


class AudiencePosition(models.TextChoices):
    """The positions a module is written for; the values match training's staff positions."""

    TEACHER = "teacher", _("Teachers")
    PRINCIPAL = "principal", _("Principals")
    VICE_PRINCIPAL = "vice_principal", _("Vice-principals")
