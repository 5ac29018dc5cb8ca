from django.urls import path

from xapi import views

app_name = "xapi"

urlpatterns = [
    path("statements", views.StatementsView.as_view(), name="statements"),
    path("about", views.AboutView.as_view(), name="about"),
]
