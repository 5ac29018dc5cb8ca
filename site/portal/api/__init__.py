"""The REST API's wiring: the router under /api/v1/, the OpenAPI schema and its docs, token
authentication, one error shape, idempotent retries, throttles, and `me`.

The resources themselves live with their apps (courses.api, training.api, certificates.api);
this package knows nothing of their rules. It is also a small Django app (label "api") for the
two tables it needs: personal API tokens and the responses kept for Idempotency-Key retries."""
