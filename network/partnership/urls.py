"""Addresses of the partnership: members, people, the action agenda, meetings, trainings and
awareness articles."""

from django.urls import path

from network.partnership.views import agenda, awareness, meetings, members, trainings

urlpatterns = [
    path("netwerk/partners/", members.members, name="members"),
    path("netwerk/leden/", members.members_admin, name="members_admin"),
    path("netwerk/leden/export.csv", members.members_csv, name="members_csv"),
    path(
        "netwerk/leden/export.xlsx",
        members.members_csv,
        {"extension": "xlsx"},
        name="members_xlsx",
    ),
    path("netwerk/leden/groei/", members.growth, name="members_growth"),
    path("netwerk/leden/<slug:slug>/", members.membership_edit, name="membership_edit"),
    path("netwerk/mensen/", members.people, name="people"),
    path("netwerk/mensen/export.csv", members.people_csv, name="people_csv"),
    path(
        "netwerk/mensen/export.xlsx",
        members.people_csv,
        {"extension": "xlsx"},
        name="people_xlsx",
    ),
    path("netwerk/mensen/nieuw/", members.person_new, name="person_new"),
    path("netwerk/mensen/<int:pk>/", members.person_edit, name="person_edit"),
    path(
        "netwerk/mensen/<int:pk>/anonimiseren/",
        members.person_anonymise,
        name="person_anonymise",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/verwijderen/",
        members.organisation_delete,
        name="organisation_delete",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/archiveren/",
        members.organisation_archive,
        name="organisation_archive",
    ),
    path("netwerk/actieagenda/", agenda.agenda_current, name="agenda_current"),
    path("netwerk/actieagenda/doelen/", agenda.goals, name="goals"),
    path("netwerk/actieagenda/doelen/<int:pk>/", agenda.goal_edit, name="goal_edit"),
    path("netwerk/actieagenda/<int:year>/", agenda.agenda, name="agenda"),
    path(
        "netwerk/actieagenda/<int:year>/afdrukken/",
        agenda.agenda_print,
        name="agenda_print",
    ),
    path("netwerk/actieagenda/<int:year>/export.csv", agenda.agenda_csv, name="agenda_csv"),
    path(
        "netwerk/actieagenda/<int:year>/export.xlsx",
        agenda.agenda_csv,
        {"extension": "xlsx"},
        name="agenda_xlsx",
    ),
    path(
        "netwerk/actieagenda/organisatie/<slug:slug>/",
        agenda.commitments,
        name="commitments",
    ),
    path("netwerk/acties/nieuw/", agenda.action_new, name="action_new"),
    path("netwerk/acties/<int:pk>/", agenda.action_detail, name="action"),
    path("netwerk/acties/<int:pk>/bewerken/", agenda.action_edit, name="action_edit"),
    path("netwerk/acties/<int:pk>/voortgang/", agenda.note_add, name="note_add"),
    path("netwerk/bijeenkomsten/", meetings.meetings, name="meetings"),
    path("netwerk/bijeenkomsten/agenda.ics", meetings.meetings_ics, name="meetings_ics"),
    path("netwerk/bijeenkomsten/nieuw/", meetings.meeting_new, name="meeting_new"),
    path("netwerk/bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path(
        "netwerk/bijeenkomsten/<int:pk>/bewerken/",
        meetings.meeting_edit,
        name="meeting_edit",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/aanmelden/",
        meetings.meeting_register,
        name="meeting_register",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/aanwezig/",
        meetings.meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/vervolg/",
        meetings.meeting_follow_up,
        name="meeting_follow_up",
    ),
    path(
        "netwerk/bijeenkomsten/<int:pk>/uitnodigen/",
        meetings.meeting_invite,
        name="meeting_invite",
    ),
    path("netwerk/trainingen/", trainings.trainings, name="trainings"),
    path("netwerk/trainingen/cascade/", trainings.cascade, name="cascade"),
    path("netwerk/trainingen/nieuw/", trainings.training_new, name="training_new"),
    path("netwerk/trainingen/<int:pk>/", trainings.training_detail, name="training"),
    path(
        "netwerk/trainingen/<int:pk>/bewerken/",
        trainings.training_edit,
        name="training_edit",
    ),
    path(
        "netwerk/trainingen/<int:pk>/deelnemer/",
        trainings.participant_add,
        name="participant_add",
    ),
    path(
        "netwerk/trainingen/<int:pk>/deelnemer/<int:participation>/afgerond/",
        trainings.participation_complete,
        name="participation_complete",
    ),
    path("netwerk/acties/<int:pk>/stand/", agenda.action_progress, name="action_progress"),
    path("voorlichting/", awareness.articles, name="articles"),
    path("voorlichting/<slug:slug>/", awareness.article, name="article"),
    path("voorlichting/<slug:slug>/afbeelding", awareness.article_image, name="article_image"),
    path("netwerk/voorlichting/", awareness.article_admin, name="article_admin"),
    path("netwerk/voorlichting/nieuw/", awareness.article_new, name="article_new"),
    path("netwerk/voorlichting/<slug:slug>/", awareness.article_edit, name="article_edit"),
]
