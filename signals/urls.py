from django.urls import path

from signals.views import detail, feedback, inbox, intake, mywork, queue, referrals

app_name = "signals"

urlpatterns = [
    path("melden/", intake.report, name="report"),
    path("melden/bedankt/", intake.thanks, name="thanks"),
    path("melden/tevreden/bedankt/", feedback.satisfaction_thanks, name="satisfaction_thanks"),
    path("melden/tevreden/<str:token>/", feedback.satisfaction, name="satisfaction"),
    path("signalen/", queue.queue, name="queue"),
    path("signalen/nieuw/", intake.desk_report, name="desk_report"),
    path("signalen/mijn-meldingen/", intake.my_reports, name="my_reports"),
    path("signalen/mijn-werk/", mywork.my_work, name="my_work"),
    path("signalen/<str:reference>/", detail.detail, name="detail"),
    path("signalen/<str:reference>/oppakken/", detail.take, name="take"),
    path("signalen/<str:reference>/toewijzen/", detail.assign, name="assign"),
    path("signalen/<str:reference>/status/", detail.move, name="move"),
    path("signalen/<str:reference>/notitie/", detail.note, name="note"),
    path("signalen/<str:reference>/contactpoging/", detail.contact_attempt, name="contact_attempt"),
    path("signalen/<str:reference>/terugbellen/", detail.call_back, name="call_back"),
    path("signalen/<str:reference>/annuleren/", detail.cancel, name="cancel"),
    path("signalen/<str:reference>/afsluiten/", detail.close, name="close"),
    path("signalen/<str:reference>/heropenen/", detail.reopen, name="reopen"),
    path("signalen/<str:reference>/anonimiseren/", detail.anonymise, name="anonymise"),
    path("signalen/<str:reference>/inzage/", detail.export, name="export"),
    path("signalen/<str:reference>/doorverwijzen/", referrals.refer, name="refer"),
    path("signalen/<str:reference>/nazorg/<int:pk>/", referrals.follow_up, name="follow_up"),
    path(
        "signalen/<str:reference>/doorverwijzing/<int:pk>/intrekken/",
        referrals.withdraw,
        name="referral_withdraw",
    ),
    path(
        "signalen/<str:reference>/toestemming-intrekken/",
        referrals.stop_sharing,
        name="stop_sharing",
    ),
    # The partner's inbox (a fixed address).
    path("netwerk/doorverwijzingen/", inbox.inbox, name="inbox"),
    path("netwerk/doorverwijzingen/<int:pk>/", inbox.inbox_detail, name="inbox_detail"),
    path("netwerk/doorverwijzingen/<int:pk>/accepteren/", inbox.accept, name="referral_accept"),
    path("netwerk/doorverwijzingen/<int:pk>/afwijzen/", inbox.decline, name="referral_decline"),
    path("netwerk/doorverwijzingen/<int:pk>/verloop/", inbox.outcome, name="referral_outcome"),
]
