from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import caching, checks  # noqa: F401 (checks registers itself)

        caching.connect_signals()
        from portal import admin_scripts

        admin_scripts.install()
