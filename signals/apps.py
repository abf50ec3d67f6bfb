from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "signals"
    verbose_name = _("Signals")

    def ready(self):
        from signals.models import Signal, SignalMail
        from signals.services.counts import counts_changed

        # What the queue counts: a change starts a new version (signals/services/counts.py).
        for model in (Signal, SignalMail):
            uid = f"signal-counts-{model.__name__}"
            post_save.connect(counts_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(counts_changed, sender=model, dispatch_uid=uid)
