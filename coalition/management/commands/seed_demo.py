from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Fill the database with a believable, fictional demo municipality. Safe to run twice."

    def handle(self, *args, **options):
        # Each app seeds its own data in a ``demo`` module; walking the apps keeps the
        # one-way imports (coalition never imports network, signals or monitoring).
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).seed(self.stdout)
            self.stdout.write(f"Seeded {app_config.label}.")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
