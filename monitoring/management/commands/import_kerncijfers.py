from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from monitoring.management.commands.import_indicators import read_start, rejected
from monitoring.services import ImportRejected, import_kerncijfers_file


class Command(BaseCommand):
    help = (
        "Import CBS 'Kerncijfers wijken en buurten' (the CSV download with gwb_code_10, regio, "
        "a_inw, a_65_oo, a_hh, a_1p_hh, g_ink_pi, or the StatLine table with Codering_3, "
        "AantalInwoners_5, …) for the municipality's areas. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True, help="The year of the figures.")

    def handle(self, *args, file: Path, year: int, **options):
        content = read_start(file)
        try:
            checked = import_kerncijfers_file(content=content, year=year)
        except ImportRejected as rejection:
            raise rejected(rejection, self.stderr) from None
        self.stdout.write(
            _("Imported the key figures of %(count)s areas for %(year)s.")
            % {"count": len(checked.rows), "year": year}
        )
        for note in checked.notes:
            self.stdout.write(note)
