from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    # Public: anyone verifies a certificate; verifiers fetch the issuers' documents.
    path("verify/<str:code>/", views.verify, name="verify"),
    path("verify/<str:code>/json", views.verify_json, name="verify_json"),
    path("issuers/<slug:slug>/", views.issuer_profile, name="issuer"),
    path("issuers/<slug:slug>/key", views.issuer_key, name="issuer_key"),
    path("issuers/<slug:slug>/keys/<str:kid>", views.issuer_key_version, name="issuer_key_version"),
    path("issuers/<slug:slug>/jwks.json", views.issuer_jwks, name="issuer_jwks"),
    path("issuers/<slug:slug>/status/<int:number>", views.status_list, name="status_list"),
    # The holder (and the managers who reach them) download.
    path("chung-chi/<str:code>/pdf", views.certificate_pdf, name="pdf"),
    path("chung-chi/<str:code>/credential.json", views.certificate_credential, name="credential"),
]
