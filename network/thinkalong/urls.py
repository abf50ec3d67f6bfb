"""Addresses of "Denk mee": public under /denk-mee/, the coordinators' under /netwerk/denk-mee/."""

from django.urls import path

from network.thinkalong.views import public, workspace

urlpatterns = [
    path("denk-mee/", public.overview, name="thinkalong"),
    path("denk-mee/meedoen/", public.join, name="thinkalong_join"),
    path("denk-mee/meedoen/bedankt/", public.joined, name="thinkalong_joined"),
    path("denk-mee/idee/", public.idea_new, name="thinkalong_idea_new"),
    path("denk-mee/idee/bedankt/", public.idea_sent, name="thinkalong_idea_sent"),
    path("denk-mee/afmelden/<str:token>/", public.leave, name="thinkalong_leave"),
    path("netwerk/denk-mee/", workspace.dashboard, name="thinkalong_dashboard"),
    path("netwerk/denk-mee/leden/", workspace.members, name="thinkalong_members"),
    path("netwerk/denk-mee/leden/<int:pk>/", workspace.member, name="thinkalong_member"),
    path(
        "netwerk/denk-mee/leden/<int:pk>/export.json",
        workspace.member_export,
        name="thinkalong_member_export",
    ),
    path(
        "netwerk/denk-mee/leden/<int:pk>/verwijderen/",
        workspace.member_erase,
        name="thinkalong_member_erase",
    ),
    path("netwerk/denk-mee/sessies/nieuw/", workspace.session_new, name="thinkalong_session_new"),
    path("netwerk/denk-mee/sessies/<int:pk>/", workspace.session, name="thinkalong_session"),
    path(
        "netwerk/denk-mee/sessies/<int:pk>/uitnodigen/",
        workspace.session_invite,
        name="thinkalong_session_invite",
    ),
    path(
        "netwerk/denk-mee/sessies/<int:pk>/aanwezig/",
        workspace.session_attendance,
        name="thinkalong_session_attendance",
    ),
    path(
        "netwerk/denk-mee/sessies/<int:pk>/bevinding/",
        workspace.finding_add,
        name="thinkalong_finding_add",
    ),
    path("netwerk/denk-mee/ideeen/", workspace.ideas, name="thinkalong_ideas"),
    path("netwerk/denk-mee/ideeen/<int:pk>/", workspace.idea, name="thinkalong_idea"),
    path(
        "netwerk/denk-mee/ideeen/<int:pk>/export.json",
        workspace.idea_export,
        name="thinkalong_idea_export",
    ),
    path(
        "netwerk/denk-mee/ideeen/<int:pk>/verwijderen/",
        workspace.idea_erase,
        name="thinkalong_idea_erase",
    ),
]
