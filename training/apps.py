from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, using="default", **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from training.roles import roles_sync

    # Roles name permissions of apps that migrate after this one: make sure they all exist.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    roles_sync()


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        # Permissions exist only after migrate, so the groups are brought in line then.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="training_roles_sync")
