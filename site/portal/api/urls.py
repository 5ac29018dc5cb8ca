"""The API's addresses: /api/v1/… (the resources of every app), /api/schema/ (OpenAPI 3),
/api/docs/ (Swagger UI) and /api/docs/redoc/ (ReDoc), and the personal tokens page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from certificates.api import bulk as certificates_bulk_api
from certificates.api import views as certificates_api
from courses.api import views as courses_api
from portal.api import views
from training.api import manage as training_manage_api
from training.api import notifications as notifications_api
from training.api import views as training_api
from training.reports import api as training_reports_api

app_name = "api"

router = SimpleRouter()
for module in (
    courses_api,
    training_api,
    training_manage_api,
    notifications_api,
    certificates_api,
    certificates_bulk_api,
):
    for prefix, viewset, basename in module.ROUTES:
        router.register(prefix, viewset, basename=basename)

v1 = [
    path("me/", views.MeView.as_view(), name="me"),
    *(
        path(route, view, name=name)
        for module in (training_api, certificates_api)
        for route, view, name in module.PATHS
    ),
    *(path(route, view, name=name) for route, view, name in training_reports_api.PATHS),
    *router.urls,
]

urlpatterns = [
    path("api/v1/", include(v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", views.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("api/docs/redoc/", views.RedocView.as_view(url_name="api:schema"), name="redoc"),
    # Any other address under /api/ is a 404 in the API's own error shape, not a page.
    re_path(r"^api/", views.not_found),
    path("trang-ca-nhan/api-tokens/", views.tokens, name="tokens"),
    path("trang-ca-nhan/api-tokens/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
]
