from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from monitoring.services import ImportRejected, import_kerncijfers_file


class Command(BaseCommand):
    help = (
        "Import CBS 'Kerncijfers wijken en buurten' (CSV with gwb_code_10, regio, a_inw, "
        "a_65_oo, a_hh, a_1p_hh, g_ink_pi) for the municipality's areas. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True, help="The year of the figures.")

    def handle(self, *args, file: Path, year: int, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from None
        try:
            count = import_kerncijfers_file(content=content, year=year)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("The file was not imported: %(count)s error(s); nothing was stored.")
                % {"count": len(rejected.errors)},
                returncode=1,
            ) from None
        self.stdout.write(
            _("Imported the key figures of %(count)s areas for %(year)s.")
            % {"count": count, "year": year}
        )
