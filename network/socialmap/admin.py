from django.contrib import admin

from coalition import admin as coalition_admin
from coalition.lib import LOCALIZED_NUMBERS
from coalition.models import Area
from network.models import (
    Activity,
    ActivityChange,
    ActivityEvent,
    ActivityType,
    MistakeReport,
)


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:  # the search finds activities by their kind
            Activity.objects.filter(activity_types=obj).refresh_search_vectors()


# The coalition app registers the areas, and may not import this app: its admin, extended here
# so that a renamed district renews the search tokens of the activities in it.
admin.site.unregister(Area)


@admin.register(Area)
class CatalogueAreaAdmin(coalition_admin.AreaAdmin):
    """Coalition's area admin, keeping the search index of a renamed district's activities."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            Activity.objects.filter(district=obj).refresh_search_vectors()


class ActivityEventInline(admin.TabularInline):
    model = ActivityEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "by", "at", "changes", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "publication_state", "status", "last_verified_on"]
    list_filter = ["publication_state", "status", "district", "activity_types"]
    search_fields = ["title", "summary"]
    list_select_related = ["organisation"]
    raw_id_fields = ["organisation", "last_verified_by"]
    inlines = [ActivityEventInline]
    formfield_overrides = LOCALIZED_NUMBERS

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        Activity.objects.filter(pk=form.instance.pk).refresh_search_vectors()


@admin.register(ActivityChange)
class ActivityChangeAdmin(admin.ModelAdmin):
    list_display = ["activity", "state", "proposed_by", "proposed_at"]
    list_filter = ["state"]
    list_select_related = ["activity", "proposed_by"]


@admin.register(MistakeReport)
class MistakeReportAdmin(admin.ModelAdmin):
    list_display = ["activity", "created_at", "resolved_at"]
    list_select_related = ["activity"]
