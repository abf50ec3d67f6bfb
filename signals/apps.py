from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "signals"
    verbose_name = _("Signals")

    def ready(self):
        from network.models import Organisation
        from signals.models import CoordinatorDistrict, Referral, Signal, SignalMail
        from signals.services.counts import counts_changed

        # What the counts count: a change starts a new version (signals/services/counts.py).
        for model in (Signal, SignalMail, Referral, CoordinatorDistrict):
            uid = f"signal-counts-{model.__name__}"
            post_save.connect(counts_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(counts_changed, sender=model, dispatch_uid=uid)
        for relation in (Signal.target_groups, Organisation.users):
            m2m_changed.connect(
                counts_changed, sender=relation.through, dispatch_uid=f"signal-counts-{relation}"
            )
