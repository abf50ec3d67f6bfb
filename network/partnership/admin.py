"""Django admin of the partner network (imported from network/admin.py)."""

from django.contrib import admin

from network.models import (
    Action,
    AmbassadorMessage,
    Article,
    Contribution,
    Goal,
    Meeting,
    Membership,
    Participation,
    Person,
    ProgressNote,
    Registration,
    Training,
)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "signed_on", "signed_by"]
    date_hierarchy = "signed_on"
    search_fields = ["organisation__name"]
    list_select_related = ["organisation"]
    filter_horizontal = ["target_groups", "districts"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "is_contact", "is_ambassador", "consent_to_list"]
    list_filter = ["is_contact", "is_ambassador", "consent_to_list"]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]


class ProgressNoteInline(admin.TabularInline):
    model = ProgressNote
    extra = 0


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "goal", "status", "lead_organisation"]
    list_filter = ["year", "goal", "status"]
    search_fields = ["title"]
    list_select_related = ["goal", "lead_organisation"]
    filter_horizontal = ["participants", "target_groups"]
    inlines = [ProgressNoteInline]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "place"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "theme"]
    filter_horizontal = ["invited"]
    inlines = [RegistrationInline]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "held_on"]
    list_filter = ["kind"]
    inlines = [ParticipationInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "published_on", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["title"]
    exclude = ["image"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["person", "date", "kind", "people_reached", "target_group", "district"]
    list_filter = ["kind", "target_group"]
    list_select_related = ["person", "target_group", "district"]
    raw_id_fields = ["person"]


@admin.register(AmbassadorMessage)
class AmbassadorMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "sent_at", "recipient_count", "target_group", "district"]
    readonly_fields = ["sent_by", "sent_at", "recipient_count"]
