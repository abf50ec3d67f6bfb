"""The admin shows signals without any personal data, to superusers too: every look at
personal data goes through the workspace (``signals:detail``), which logs it as ``viewed``.
Nothing personal is a field, a column or a search field here: not the person's or the
reporter's details, not the texts of events (notes, reasons), not the addresses, texts or
errors of mails. Referrals (with the note shared with the partner) are not in the admin."""

from django.contrib import admin

from signals.models import CoordinatorDistrict, Signal, SignalEvent, SignalMail

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

    fields = PUBLIC_SIGNAL_FIELDS
    # Changes go through the workspace (signals/services/) so that each one is logged.
    readonly_fields = PUBLIC_SIGNAL_FIELDS

    def has_add_permission(self, request):
        return False


@admin.register(SignalEvent)
class SignalEventAdmin(admin.ModelAdmin):
    list_display = ("signal", "kind", "by", "at")
    list_filter = ("kind",)
    list_select_related = ("signal", "by")

    fields = readonly_fields = ("signal", "kind", "by", "at")

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

    fields = readonly_fields = ("signal", "kind", "state", "attempts", "created_at", "sent_at")

    def has_add_permission(self, request):
        return False


@admin.register(CoordinatorDistrict)
class CoordinatorDistrictAdmin(admin.ModelAdmin):
    list_display = ("user", "district")
    list_select_related = ("user", "district")
