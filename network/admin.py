"""The admin of the network app: organisations here, each part's models in its own package."""

from django.contrib import admin

from network.events import admin as events_admin  # noqa: F401  (registers its models)
from network.models import Activity, Organisation, OrganisationUser
from network.partnership import admin as partnership_admin  # noqa: F401  (registers its models)
from network.socialmap import admin as socialmap_admin  # noqa: F401  (registers its models)


class OrganisationUserInline(admin.TabularInline):
    model = OrganisationUser
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "is_active"]
    list_filter = ["sector", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts", "target_groups"]
    inlines = [OrganisationUserInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:  # the search finds activities by it
            Activity.objects.filter(organisation=obj).refresh_search_vectors()
