from django.urls import path

from signals import views

app_name = "signals"

urlpatterns = [
    path("melden/", views.report, name="report"),
    path("melden/bedankt/", views.thanks, name="thanks"),
    path("signalen/", views.queue, name="queue"),
    path("signalen/nieuw/", views.desk_report, name="desk_report"),
    path("signalen/mijn-meldingen/", views.my_reports, name="my_reports"),
    path("signalen/<str:reference>/", views.detail, name="detail"),
    path("signalen/<str:reference>/oppakken/", views.take, name="take"),
    path("signalen/<str:reference>/toewijzen/", views.assign, name="assign"),
    path("signalen/<str:reference>/status/", views.move, name="move"),
    path("signalen/<str:reference>/notitie/", views.note, name="note"),
    path("signalen/<str:reference>/contactpoging/", views.contact_attempt, name="contact_attempt"),
    path("signalen/<str:reference>/annuleren/", views.cancel, name="cancel"),
    path("signalen/<str:reference>/afsluiten/", views.close, name="close"),
    path("signalen/<str:reference>/heropenen/", views.reopen, name="reopen"),
    path("signalen/<str:reference>/anonimiseren/", views.anonymise, name="anonymise"),
    path("signalen/<str:reference>/inzage/", views.export, name="export"),
    path("signalen/<str:reference>/doorverwijzen/", views.refer, name="refer"),
    path("signalen/<str:reference>/nazorg/<int:pk>/", views.follow_up, name="follow_up"),
]
