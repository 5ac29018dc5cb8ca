def only_public_api(endpoints):
    """Our OpenAPI schema documents /api/ only, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
