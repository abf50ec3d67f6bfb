from django.contrib import admin

from coalition.lib import LOCALIZED_NUMBERS
from monitoring.models import AreaProfile, Indicator, Measurement


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "instrument", "order"]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["area", "target_group", "age_band", "indicator", "year", "value", "source"]
    list_filter = ["indicator", "target_group", "year", "instrument"]
    search_fields = ["area__code", "area__name", "source"]
    list_select_related = ["area", "target_group", "indicator"]
    formfield_overrides = LOCALIZED_NUMBERS


@admin.register(AreaProfile)
class AreaProfileAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "inhabitants", "aged_65_plus", "one_person_households"]
    list_filter = ["year"]
    search_fields = ["area__code", "area__name"]
    list_select_related = ["area"]
    formfield_overrides = LOCALIZED_NUMBERS
