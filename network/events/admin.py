"""Django admin of public events and campaigns (imported from network/admin.py).

Registrations are not in the admin on purpose: their personal data is seen only on the
organiser's page, where every look is logged."""

from django.contrib import admin

from network.models import Campaign, PublicEvent


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on", "is_published"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["articles"]


@admin.register(PublicEvent)
class PublicEventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "organisation", "publication_state"]
    list_filter = ["publication_state", "campaign"]
    list_select_related = ["organisation"]
    search_fields = ["title"]
    filter_horizontal = ["target_groups"]
