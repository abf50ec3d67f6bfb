from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from coalition.models import Area, TargetGroup
        from monitoring.cache import figures_changed
        from monitoring.models import AreaProfile, Indicator, Measurement

        # What the dashboard shows: a change starts a new figures version (see the module,
        # and the README on the one house rule the catalogue cache and this leave).
        for model in (Measurement, Indicator, AreaProfile, TargetGroup, Area):
            uid = f"monitoring-figures-{model.__name__}"
            post_save.connect(figures_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(figures_changed, sender=model, dispatch_uid=uid)
