from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

ERROR_NO_PERMISSION = _("Your role does not allow this.")


def role_permission(*permissions: str) -> type[BasePermission]:
    """A DRF permission: the person has every Django permission named (given by their role,
    training.roles). Reach is then checked on the object, by the selectors and the services."""

    class HasRolePermission(BasePermission):
        message = ERROR_NO_PERMISSION

        def has_permission(self, request, view):
            user = request.user
            return bool(user and user.is_authenticated and user.has_perms(permissions))

    HasRolePermission.__name__ = "Has_" + "_".join(p.replace(".", "_") for p in permissions)
    return HasRolePermission


CanAssign = role_permission("training.assign_module")
CanReviewRecords = role_permission("training.review_trainingrecord")
CanReviewPlans = role_permission("training.review_trainingplan")
CanReadSummaries = role_permission("training.view_yearsummary")
