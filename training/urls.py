from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("trang-ca-nhan/", views.home, name="home"),
]
