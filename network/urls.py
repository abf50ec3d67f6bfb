from django.urls import path

from network.views import opendata, public, workspace

app_name = "network"

urlpatterns = [
    path("sociale-kaart/", public.search_view, name="search"),
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
    path("api/hsds/", opendata.api_root, name="api_root"),
    path("api/hsds/services", opendata.api_services, name="api_services"),
    path("api/hsds/services/<str:pk>", opendata.api_service, name="api_service"),
    path("api/hsds/organizations", opendata.api_organizations, name="api_organizations"),
    path("api/hsds/organizations/<str:pk>", opendata.api_organization, name="api_organization"),
    path("api/hsds/taxonomies", opendata.api_taxonomies, name="api_taxonomies"),
    path("api/hsds/taxonomies/<str:pk>", opendata.api_taxonomy, name="api_taxonomy"),
    path("api/hsds/taxonomy_terms", opendata.api_taxonomy_terms, name="api_taxonomy_terms"),
    path("api/hsds/taxonomy_terms/<str:pk>", opendata.api_taxonomy_term, name="api_taxonomy_term"),
    path("netwerk/", workspace.workspace, name="workspace"),
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
    path("netwerk/organisaties/", workspace.organisations, name="organisations"),
    path("netwerk/organisaties/nieuw/", workspace.organisation_new, name="organisation_new"),
    path(
        "netwerk/organisaties/<slug:slug>/",
        workspace.organisation_detail,
        name="workspace_organisation",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/bewerken/",
        workspace.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/uitnodigen/",
        workspace.partner_invite,
        name="partner_invite",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/gebruikers/<int:pk>/uitzetten/",
        workspace.partner_disable,
        name="partner_disable",
    ),
]

from network.views import agenda as agenda_views  # noqa: E402
from network.views import meetings as meeting_views  # noqa: E402
from network.views import partners as partner_views  # noqa: E402
from network.views import trainings as training_views  # noqa: E402

urlpatterns += [
    path("netwerk/partners/", partner_views.members, name="members"),
    path("netwerk/leden/", partner_views.members_admin, name="members_admin"),
    path("netwerk/leden/export.csv", partner_views.members_csv, name="members_csv"),
    path("netwerk/leden/groei/", partner_views.growth, name="members_growth"),
    path("netwerk/leden/<slug:slug>/", partner_views.membership_edit, name="membership_edit"),
    path("netwerk/mensen/", partner_views.people, name="people"),
    path("netwerk/mensen/export.csv", partner_views.people_csv, name="people_csv"),
    path("netwerk/mensen/nieuw/", partner_views.person_form, name="person_new"),
    path("netwerk/mensen/<int:pk>/", partner_views.person_form, name="person_edit"),
    path(
        "netwerk/mensen/<int:pk>/anonimiseren/",
        partner_views.person_anonymise,
        name="person_anonymise",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/verwijderen/",
        partner_views.organisation_delete,
        name="organisation_delete",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/archiveren/",
        partner_views.organisation_archive,
        name="organisation_archive",
    ),
    path("netwerk/actieagenda/", agenda_views.agenda_current, name="agenda_current"),
    path("netwerk/actieagenda/doelen/", agenda_views.goals, name="goals"),
    path("netwerk/actieagenda/doelen/<int:pk>/", agenda_views.goal_edit, name="goal_edit"),
    path("netwerk/actieagenda/<int:year>/", agenda_views.agenda, name="agenda"),
    path(
        "netwerk/actieagenda/<int:year>/afdrukken/",
        agenda_views.agenda_print,
        name="agenda_print",
    ),
    path("netwerk/actieagenda/<int:year>/export.csv", agenda_views.agenda_csv, name="agenda_csv"),
    path(
        "netwerk/actieagenda/organisatie/<slug:slug>/",
        agenda_views.commitments,
        name="commitments",
    ),
    path("netwerk/acties/nieuw/", agenda_views.action_form, name="action_new"),
    path("netwerk/acties/<int:pk>/", agenda_views.action_detail, name="action"),
    path("netwerk/acties/<int:pk>/bewerken/", agenda_views.action_form, name="action_edit"),
    path("netwerk/acties/<int:pk>/voortgang/", agenda_views.note_add, name="note_add"),
    path("netwerk/bijeenkomsten/", meeting_views.meetings, name="meetings"),
    path("netwerk/bijeenkomsten/agenda.ics", meeting_views.meetings_ics, name="meetings_ics"),
    path("netwerk/bijeenkomsten/nieuw/", meeting_views.meeting_form, name="meeting_new"),
    path("netwerk/bijeenkomsten/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path(
        "netwerk/bijeenkomsten/<int:pk>/bewerken/",
        meeting_views.meeting_form,
        name="meeting_edit",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/aanmelden/",
        meeting_views.meeting_register,
        name="meeting_register",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/aanwezig/",
        meeting_views.meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/vervolg/",
        meeting_views.meeting_follow_up,
        name="meeting_follow_up",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/uitnodigen/",
        meeting_views.meeting_invite,
        name="meeting_invite",
    ),
    path("netwerk/trainingen/", training_views.trainings, name="trainings"),
    path("netwerk/trainingen/cascade/", training_views.cascade, name="cascade"),
    path("netwerk/trainingen/nieuw/", training_views.training_form, name="training_new"),
    path("netwerk/trainingen/<int:pk>/", training_views.training_detail, name="training"),
    path(
        "netwerk/trainingen/<int:pk>/bewerken/",
        training_views.training_form,
        name="training_edit",
    ),
    path(
        "netwerk/trainingen/<int:pk>/deelnemer/",
        training_views.participant_add,
        name="participant_add",
    ),
]

from network.views import awareness as awareness_views  # noqa: E402

urlpatterns += [
    path("voorlichting/", awareness_views.articles, name="articles"),
    path("voorlichting/<slug:slug>/", awareness_views.article, name="article"),
    path(
        "voorlichting/<slug:slug>/afbeelding", awareness_views.article_image, name="article_image"
    ),
    path("netwerk/voorlichting/", awareness_views.article_admin, name="article_admin"),
    path("netwerk/voorlichting/nieuw/", awareness_views.article_form, name="article_new"),
    path("netwerk/voorlichting/<slug:slug>/", awareness_views.article_form, name="article_edit"),
]
