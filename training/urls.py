from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("trang-ca-nhan/", views.home, name="home"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
]
