from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from coalition import security, setuplink, views
from coalition.forms import LoginForm, QueuedPasswordResetForm

handler500 = "coalition.views.server_error"

admin.site.site_header = _("Oog voor elkaar — administration")
admin.site.site_title = _("Administration")

accounts = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("start/", security.landing, name="landing"),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        views.MailboxProvenResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("tweestapsverificatie/", security.overview, name="otp_overview"),
    path("tweestapsverificatie/instellen/", security.setup, name="otp_setup"),
    path("tweestapsverificatie/link-sturen/", setuplink.send_link, name="otp_setup_link_send"),
    path("tweestapsverificatie/koppelen/<str:token>/", setuplink.open_link, name="otp_setup_link"),
    path("tweestapsverificatie/controleren/", security.verify, name="otp_verify"),
    path("tweestapsverificatie/herstelcodes/", security.recovery_codes, name="otp_recovery_codes"),
    path(
        "tweestapsverificatie/herstelcodes/nieuw/",
        security.new_recovery_codes,
        name="otp_new_recovery_codes",
    ),
    path("tweestapsverificatie/uitzetten/", security.disable, name="otp_disable"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("kaart/tegels/<int:z>/<int:x>/<int:y>.png", views.map_tile, name="map_tile"),
    path("healthz", views.healthz, name="healthz"),
    path("theme.css", views.theme_css, name="theme_css"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include(accounts)),
    path("admin/", admin.site.urls),
    path("", include("network.urls")),
    path("", include("signals.urls")),
    path("", include("monitoring.urls")),
]
