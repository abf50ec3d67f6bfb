"""Addresses of public events and campaigns (in the ``network`` namespace)."""

from django.urls import path

from network.events.views import campaigns, organiser, public

urlpatterns = [
    path("agenda/", public.agenda, name="events"),
    path("agenda/agenda.ics", public.agenda_ics, name="events_ics"),
    path("agenda/<int:pk>/", public.event, name="event"),
    path("agenda/<int:pk>/agenda.ics", public.event_ics, name="event_ics"),
    path("agenda/<int:pk>/aanmelden/", public.register, name="event_register"),
    path("agenda/afmelden/<str:token>/", public.cancel, name="event_cancel"),
    path("campagnes/<slug:slug>/", campaigns.campaign, name="campaign"),
    path(
        "campagnes/<slug:slug>/poster.pdf",
        campaigns.campaign_material,
        {"kind": "poster"},
        name="campaign_poster",
    ),
    path(
        "campagnes/<slug:slug>/flyer.pdf",
        campaigns.campaign_material,
        {"kind": "flyer"},
        name="campaign_flyer",
    ),
    path("netwerk/agenda/", organiser.events, name="event_admin"),
    path("netwerk/agenda/nieuw/", organiser.event_new, name="event_new"),
    path("netwerk/agenda/<int:pk>/", organiser.registrations, name="event_registrations"),
    path("netwerk/agenda/<int:pk>/bewerken/", organiser.event_edit, name="event_edit"),
    path("netwerk/agenda/<int:pk>/publiceren/", organiser.event_publish, name="event_publish"),
    path("netwerk/agenda/<int:pk>/afwijzen/", organiser.event_reject, name="event_reject"),
    path("netwerk/agenda/<int:pk>/aanwezig/", organiser.attendance, name="event_attendance"),
    path("netwerk/agenda/<int:pk>/bericht/", organiser.message, name="event_message"),
    path("netwerk/agenda/<int:pk>/export.csv", organiser.export, name="event_export"),
    path(
        "netwerk/agenda/aanmelding/<int:pk>/export.csv",
        organiser.export_one,
        name="registration_export",
    ),
    path(
        "netwerk/agenda/aanmelding/<int:pk>/wissen/",
        organiser.erase,
        name="registration_erase",
    ),
    path("netwerk/campagnes/", campaigns.campaign_admin, name="campaign_admin"),
    path("netwerk/campagnes/nieuw/", campaigns.campaign_new, name="campaign_new"),
    path("netwerk/campagnes/<int:pk>/", campaigns.campaign_edit, name="campaign_edit"),
]
