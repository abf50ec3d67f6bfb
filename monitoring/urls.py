from django.urls import path

from monitoring import districts, views

app_name = "monitoring"

urlpatterns = [
    path("monitor/", views.dashboard, name="dashboard"),
    path("monitor/metingen.csv", views.export_measurements, name="export_measurements"),
    path("monitor/oordelen.csv", views.export_verdicts, name="export_verdicts"),
    path("monitor/inlezen/", views.upload, name="upload"),
    path("monitor/inlezen/bevestigen/", views.confirm_upload, name="confirm_upload"),
    path("monitor/wijken/", districts.districts, name="districts"),
    path(
        "monitor/wijken/quickscan.csv",
        districts.districts_download,
        {"extension": "csv"},
        name="districts_csv",
    ),
    path(
        "monitor/wijken/quickscan.xlsx",
        districts.districts_download,
        {"extension": "xlsx"},
        name="districts_xlsx",
    ),
    path("monitor/wijken/grenzen/", districts.boundaries_upload, name="boundaries"),
    path(
        "monitor/wijken/grenzen/bevestigen/",
        districts.boundaries_confirm,
        name="boundaries_confirm",
    ),
    path("monitor/wijken/<str:code>/", districts.district, name="district"),
    path(
        "monitor/wijken/<str:code>/quickscan.csv",
        districts.district_download,
        {"extension": "csv"},
        name="district_csv",
    ),
    path(
        "monitor/wijken/<str:code>/quickscan.xlsx",
        districts.district_download,
        {"extension": "xlsx"},
        name="district_xlsx",
    ),
    path("monitor/eigen-cijfers/", views.own_figures, name="own_figures"),
    path("monitor/rapport/", views.annual_report, name="report"),
    path("monitor/rapport/<int:year>.pdf", views.annual_report_pdf, name="report_pdf"),
    path("monitor/rapport/conclusies/", views.report_conclusion, name="report_conclusion"),
    path("monitor/doelgroep/<slug:slug>/", views.group_detail, name="group"),
]
