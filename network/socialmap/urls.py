"""Addresses of the social map: public search, activity pages, shortlist, open data (HSDS, iCal,
CSV) and the workspace where partners keep their activities and coordinators moderate."""

from django.urls import path

from network.socialmap.views import api, booklet, opendata, public, workspace

urlpatterns = [
    path("sociale-kaart/", public.search_view, name="search"),
    path("sociale-kaart/boekje/", booklet.booklet_view, name="booklet"),
    path("sociale-kaart/boekje/kiezen/", booklet.booklet_form, name="booklet_form"),
    path("sociale-kaart/activiteit/<int:pk>/", public.activity_view, name="activity"),
    path("sociale-kaart/activiteit/<int:pk>/fout/", public.report_mistake, name="report_mistake"),
    path("sociale-kaart/organisatie/<slug:slug>/", public.organisation_view, name="organisation"),
    path("sociale-kaart/mijn-lijstje/", public.shortlist_view, name="shortlist"),
    path("sociale-kaart/mijn-lijstje/leeg/", public.shortlist_clear, name="shortlist_clear"),
    path("sociale-kaart/mijn-lijstje/<int:pk>/", public.shortlist_add, name="shortlist_add"),
    path(
        "sociale-kaart/mijn-lijstje/<int:pk>/weg/",
        public.shortlist_remove,
        name="shortlist_remove",
    ),
    path("sociale-kaart/controleren/<str:token>/", public.verify_link, name="verify_link"),
    path("sociale-kaart/export.csv", opendata.export_csv, name="export_csv"),
    path("sociale-kaart/agenda.ics", opendata.export_ics, name="export_ics"),
    path(
        "sociale-kaart/activiteit/<int:pk>/agenda.ics", opendata.activity_ics, name="activity_ics"
    ),
    path("sociale-kaart/mijn-lijstje/export.csv", opendata.shortlist_csv, name="shortlist_csv"),
    path("api/hsds/", api.api_root, name="api_root"),
    path("api/hsds/services", api.api_services, name="api_services"),
    path("api/hsds/services/<str:pk>", api.api_service, name="api_service"),
    path(
        "api/hsds/service_at_locations",
        api.api_service_at_locations,
        name="api_service_at_locations",
    ),
    path(
        "api/hsds/service_at_locations/<str:pk>",
        api.api_service_at_location,
        name="api_service_at_location",
    ),
    path("api/hsds/organizations", api.api_organizations, name="api_organizations"),
    path("api/hsds/organizations/<str:pk>", api.api_organization, name="api_organization"),
    path("api/hsds/taxonomies", api.api_taxonomies, name="api_taxonomies"),
    path("api/hsds/taxonomies/<str:pk>", api.api_taxonomy, name="api_taxonomy"),
    path("api/hsds/taxonomy_terms", api.api_taxonomy_terms, name="api_taxonomy_terms"),
    path("api/hsds/taxonomy_terms/<str:pk>", api.api_taxonomy_term, name="api_taxonomy_term"),
    path("netwerk/activiteiten/nieuw/", workspace.activity_new, name="activity_new"),
    path("netwerk/activiteiten/<int:pk>/", workspace.activity_detail, name="workspace_activity"),
    path("netwerk/activiteiten/<int:pk>/bewerken/", workspace.activity_edit, name="activity_edit"),
    path(
        "netwerk/activiteiten/<int:pk>/controleren/",
        workspace.activity_verify,
        name="activity_verify",
    ),
    path(
        "netwerk/activiteiten/<int:pk>/publiceren/",
        workspace.activity_publish,
        name="activity_publish",
    ),
    path(
        "netwerk/activiteiten/<int:pk>/afwijzen/", workspace.activity_reject, name="activity_reject"
    ),
    path(
        "netwerk/wijzigingen/<int:pk>/goedkeuren/", workspace.change_approve, name="change_approve"
    ),
    path("netwerk/wijzigingen/<int:pk>/afwijzen/", workspace.change_reject, name="change_reject"),
    path("netwerk/moderatie/", workspace.moderation, name="moderation"),
    path("netwerk/verouderd/", workspace.stale, name="stale"),
    path("netwerk/foutmeldingen/", workspace.reports, name="reports"),
    path(
        "netwerk/foutmeldingen/<int:pk>/afgehandeld/",
        workspace.report_resolve,
        name="report_resolve",
    ),
    path("netwerk/soorten/", workspace.activity_types, name="activity_types"),
    path("netwerk/soorten/<int:pk>/", workspace.activity_type_edit, name="activity_type_edit"),
    path("netwerk/import/", workspace.import_activities, name="import"),
    path("netwerk/import/bevestigen/", workspace.import_confirm, name="import_confirm"),
]
