"""The admin shows signals without any personal data, to superusers too: every look at
personal data goes through the workspace (``signals:detail``), which logs it as ``viewed``.
Nothing personal is a field, a column or a search field here: not the person's or the
reporter's details, not the texts of events (notes, reasons), not the addresses, texts or
errors of mails. Referrals (with the note shared with the partner) are not in the admin."""

from django.contrib import admin

from signals.models import CoordinatorDistrict, SearchAudit, Signal, SignalEvent, SignalMail
from signals.models.search import classify_term

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


@admin.register(SearchAudit)
class SearchAuditAdmin(admin.ModelAdmin):
    """Who searched the signals, when, for what kind of term, with how many results. The
    admin's search box takes a term as a coordinator would type it (a phone number, a name)
    and finds the searches for it by its digest; the term is not stored."""

    list_display = ("at", "by", "kind", "results")
    list_filter = ("kind",)
    list_select_related = ("by",)
    search_fields = ("term_digest",)
    fields = readonly_fields = ("at", "by", "kind", "results", "term_digest")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        _kind, term = classify_term(search_term)
        return queryset.filter(term_digest=SearchAudit.digest(term)), False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
