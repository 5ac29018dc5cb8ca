from django.urls import path, re_path

from portal.api.views import not_found
from xapi import views

app_name = "xapi"

urlpatterns = [
    path("statements", views.StatementsView.as_view(), name="statements"),
    path("about", views.AboutView.as_view(), name="about"),
    re_path(r"", not_found),
]
