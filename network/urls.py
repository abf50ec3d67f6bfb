"""The network app's addresses, all in the ``network`` namespace: the workspace home and the
organisations here, then the social map's and the partnership's own."""

from django.urls import path

from network import views
from network.events import urls as events_urls
from network.partnership import urls as partnership_urls
from network.socialmap import urls as socialmap_urls
from network.thinkalong import urls as thinkalong_urls

app_name = "network"

urlpatterns = [
    path("netwerk/", views.workspace, name="workspace"),
    path("netwerk/organisaties/", views.organisations, name="organisations"),
    path("netwerk/organisaties/nieuw/", views.organisation_new, name="organisation_new"),
    path(
        "netwerk/organisaties/<slug:slug>/",
        views.organisation_detail,
        name="workspace_organisation",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/bewerken/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/uitnodigen/",
        views.partner_invite,
        name="partner_invite",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/gebruikers/<int:pk>/uitzetten/",
        views.partner_disable,
        name="partner_disable",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/gebruikers/<int:pk>/aanzetten/",
        views.partner_enable,
        name="partner_enable",
    ),
    path(
        "netwerk/organisaties/<slug:slug>/gebruikers/<int:pk>/beheerder/",
        views.partner_admin,
        name="partner_admin",
    ),
]
urlpatterns += socialmap_urls.urlpatterns + partnership_urls.urlpatterns
urlpatterns += events_urls.urlpatterns + thinkalong_urls.urlpatterns
