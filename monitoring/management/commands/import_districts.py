from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from monitoring.boundaries import BoundariesRejected, import_boundaries
from monitoring.importing import MAX_FILE_BYTES
from monitoring.management.commands.import_indicators import read_start


class Command(BaseCommand):
    help = (
        "Import district boundaries for the quickscan map: the CBS/PDOK 'wijken' export as "
        "GeoJSON (a FeatureCollection of Polygon/MultiPolygon in WGS84, with wijkcode or "
        "statcode and wijknaam or statnaam). All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        content = read_start(file)
        if len(content) > MAX_FILE_BYTES:
            raise CommandError(_("The file is larger than 30 MB."), returncode=1)
        try:
            checked = import_boundaries(content)
        except BoundariesRejected as rejection:
            for error in rejection.errors:
                self.stderr.write(error)
            raise CommandError(
                _("The file was not imported: %(count)s error(s); nothing was stored.")
                % {"count": len(rejection.errors)},
                returncode=1,
            ) from None
        self.stdout.write(
            _("Imported the boundaries of %(count)s districts.") % {"count": len(checked.rows)}
        )
