from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("monitor/", views.dashboard, name="dashboard"),
    path("monitor/metingen.csv", views.export_measurements, name="export_measurements"),
    path("monitor/oordelen.csv", views.export_verdicts, name="export_verdicts"),
    path("monitor/inlezen/", views.upload, name="upload"),
    path("monitor/inlezen/bevestigen/", views.confirm_upload, name="confirm_upload"),
    path("monitor/wijken/", views.neighbourhood_view, name="neighbourhoods"),
    path("monitor/eigen-cijfers/", views.own_figures, name="own_figures"),
    path("monitor/rapport/", views.annual_report, name="report"),
    path("monitor/doelgroep/<slug:slug>/", views.group_detail, name="group"),
]
