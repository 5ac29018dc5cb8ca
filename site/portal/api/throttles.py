"""Throttles whose rates are read when a request comes (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]),
not once at import as DRF's own do, so that settings can change them."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle


class _RatesFromSettings:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonymousThrottle(_RatesFromSettings, AnonRateThrottle):
    """Requests without a login, per client address (scope "anon")."""


class PersonThrottle(_RatesFromSettings, UserRateThrottle):
    """Requests of one person (scope "user")."""


class ScopedThrottle(_RatesFromSettings, ScopedRateThrottle):
    """Views with a `throttle_scope` (certificate verification: "verify"), per person or
    address."""
