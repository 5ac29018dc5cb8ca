"""Reads. Every question of "who may see what" in the project is answered here."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from courses.text import fold
from training.models import StaffProfile, Unit, User
from training.roles import MANAGER_ROLES


def units_visible_to(user: User | AnonymousUser) -> QuerySet[Unit]:
    """The units a person may see: superusers every unit; managers (school managers, office
    staff) the unit they are attached to and every unit below it; anybody else none."""
    if not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    if not user.groups.filter(name__in=MANAGER_ROLES).exists():
        return Unit.objects.none()
    profile = StaffProfile.objects.filter(user=user).select_related("unit").first()
    if profile is None:
        return Unit.objects.none()
    return Unit.objects.filter(path__startswith=profile.unit.path)


def staff_visible_to(user: User | AnonymousUser) -> QuerySet[User]:
    """People a person may see: those in the units within their reach, and themselves."""
    if not user.is_authenticated:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(
        Q(profile__unit__in=units_visible_to(user)) | Q(pk=user.pk)
    ).distinct()


def profiles_visible_to(user: User | AnonymousUser) -> QuerySet[StaffProfile]:
    """Staff profiles in the units within a person's reach."""
    return StaffProfile.objects.filter(unit__in=units_visible_to(user)).select_related(
        "user", "unit"
    )


def staff_search(queryset: QuerySet, query: str, *, user_field: str = "") -> QuerySet:
    """Match every word of the query against names and staff codes, with or without diacritics
    ("nguyen thi huong" finds "Nguyễn Thị Hương"; "đ" and "d" match), in Vietnamese order.
    `user_field` names the path to the user from another model ("user__" for profiles)."""
    for word in fold(query).split():
        queryset = queryset.filter(
            Q(**{f"{user_field}name_folded__contains": word})
            | Q(**{f"{user_field}username__icontains": word})
        )
    return queryset.order_by(f"{user_field}name_sort", f"{user_field}username")


def units_below(unit: Unit, *, include_self: bool = True) -> QuerySet[Unit]:
    units = Unit.objects.filter(path__startswith=unit.path)
    return units if include_self else units.exclude(pk=unit.pk)
