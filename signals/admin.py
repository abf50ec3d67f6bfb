from django.contrib import admin

from signals.models import CoordinatorDistrict, Signal, SignalEvent, SignalMail

# What the admin may show to staff who are not superusers: no personal data.
PUBLIC_SIGNAL_FIELDS = (
    "reference",
    "created_at",
    "channel",
    "reporter_kind",
    "age_band",
    "district",
    "target_groups",
    "status",
    "assigned_to",
    "contact_due",
    "first_contact_at",
    "outcome",
    "cancel_reason",
    "closed_at",
    "anonymised_at",
)


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    list_display = ("reference", "created_at", "status", "channel", "district", "assigned_to")
    list_filter = ("status", "channel", "district")
    search_fields = ("reference",)
    list_select_related = ("district", "assigned_to")

    def get_fields(self, request, obj=None):
        if request.user.is_superuser:
            return PUBLIC_SIGNAL_FIELDS + Signal.PERSONAL_FIELDS
        return PUBLIC_SIGNAL_FIELDS

    def get_readonly_fields(self, request, obj=None):
        # Changes go through the workspace (signals/services/) so that each one is logged.
        return self.get_fields(request, obj)

    def has_add_permission(self, request):
        return False


@admin.register(SignalEvent)
class SignalEventAdmin(admin.ModelAdmin):
    list_display = ("signal", "kind", "by", "at")
    list_filter = ("kind",)
    list_select_related = ("signal", "by")

    def get_fields(self, request, obj=None):
        fields = ["signal", "kind", "by", "at"]
        return [*fields, "detail"] if request.user.is_superuser else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SignalMail)
class SignalMailAdmin(admin.ModelAdmin):
    list_display = ("signal", "kind", "state", "attempts", "created_at", "sent_at")
    list_filter = ("state", "kind")
    list_select_related = ("signal",)

    def get_fields(self, request, obj=None):
        fields = ["signal", "kind", "state", "attempts", "created_at", "sent_at"]
        return [*fields, "to", "subject", "last_error"] if request.user.is_superuser else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request):
        return False


@admin.register(CoordinatorDistrict)
class CoordinatorDistrictAdmin(admin.ModelAdmin):
    list_display = ("user", "district")
    list_select_related = ("user", "district")
