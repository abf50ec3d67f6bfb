from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from coalition.models import Area, TargetGroup
        from network.events.cache import events_changed
        from network.models import (
            Activity,
            ActivityType,
            Article,
            Campaign,
            EventRegistration,
            Organisation,
            PublicEvent,
        )
        from network.socialmap.catalogue import changed as catalogue_changed

        # Everything the public catalogue shows: a change starts a new catalogue version.
        for model in (Activity, ActivityType, Organisation, TargetGroup, Area):
            post_save.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue-{model}")
            post_delete.connect(catalogue_changed, sender=model, dispatch_uid=f"catalogue-{model}")
        for relation in (
            Activity.activity_types,
            Activity.target_groups,
            Organisation.districts,
            Organisation.target_groups,
        ):
            m2m_changed.connect(
                catalogue_changed, sender=relation.through, dispatch_uid=f"catalogue-{relation}"
            )

        # Everything the agenda, event pages and home page show (network/events/cache.py).
        public = (PublicEvent, EventRegistration, Campaign, Article, Organisation)
        for model in (*public, TargetGroup, Area):
            uid = f"public-events-{model}"
            post_save.connect(events_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(events_changed, sender=model, dispatch_uid=uid)
        m2m_changed.connect(
            events_changed,
            sender=PublicEvent.target_groups.through,
            dispatch_uid="public-events-target-groups",
        )
