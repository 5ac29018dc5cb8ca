from django.urls import path

from training import views
from training.reminders import views as notifications

app_name = "training"

urlpatterns = [
    path("trang-ca-nhan/", views.home, name="home"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("ke-hoach/", views.plan, name="plan"),
    path("ke-hoach/<str:school_year>/", views.plan, name="plan_year"),
    path("boi-duong/them/", views.record_create, name="record_create"),
    path("boi-duong/<int:pk>/sua/", views.record_edit, name="record_edit"),
    path("minh-chung/<int:pk>/", views.evidence, name="evidence"),
    path("hoc/<int:module_id>/dang-ky/", views.enrol, name="enrol"),
    path("thong-bao/", notifications.notification_list, name="notifications"),
    path("thong-bao/da-doc/", notifications.notification_read_all, name="notifications_read"),
    path("thong-bao/<int:pk>/da-doc/", notifications.notification_read, name="notification_read"),
]
