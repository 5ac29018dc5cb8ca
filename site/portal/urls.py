from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

portal_patterns = (
    [
        path("dang-nhap/", views.LoginView.as_view(), name="login"),
        path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
        path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password_reset"),
        path(
            "quen-mat-khau/da-gui/",
            views.PasswordResetDoneView.as_view(),
            name="password_reset_done",
        ),
        path(
            "quen-mat-khau/<uidb64>/<token>/",
            views.PasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path(
            "quen-mat-khau/xong/",
            views.PasswordResetCompleteView.as_view(),
            name="password_reset_complete",
        ),
        path("tai-khoan/e-mail/", views.email, name="email"),
        path(
            "tai-khoan/e-mail/xac-nhan/<str:token>/",
            views.email_confirm_view,
            name="email_confirm",
        ),
        path("tim-kiem/", views.search, name="search"),
    ],
    "portal",
)

urlpatterns = [
    # Wagtail's site history under the reach rule (before Wagtail's admin and its exports).
    path("admin/", include("portal.admin_access")),
    # Wagtail's own exporting listings, through the one export path (before Wagtail's admin).
    path("admin/", include("training.reports.wagtail_exports")),
    # Before Wagtail's admin: its logout, by POST only (portal.views.AdminLogoutView).
    path("admin/logout/", views.AdminLogoutView.as_view(), name="wagtailadmin_logout"),
    path(
        "admin/password_reset/confirm/<uidb64>/<token>/",
        views.AdminPasswordResetConfirmView.as_view(),
        name="wagtailadmin_password_reset_confirm",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include(portal_patterns)),
    path("", include("portal.api.urls")),
    path("xapi/", include("xapi.urls")),
    path("", include("training.urls")),
    path("", include("certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# Under /api/ and /xapi/, errors no view answered are JSON in the API's shape (portal.api.handlers).
handler404 = "portal.api.handlers.page_not_found"
handler500 = "portal.api.handlers.server_error"
