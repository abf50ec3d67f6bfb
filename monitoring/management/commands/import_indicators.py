from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from monitoring.importing import MAX_FILE_BYTES
from monitoring.services import PARSERS, ImportRejected, import_indicator_file


def read_start(file: Path) -> bytes:
    """The file's bytes, but never more than one byte over the limit: a file that is far too
    large is refused by the parser without being read whole."""
    try:
        with file.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CommandError(
            _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
        ) from None


def rejected(rejection: ImportRejected, stderr) -> CommandError:
    for error in rejection.errors:
        stderr.write(str(error))
    return CommandError(
        _("The file was not imported: %(count)s error(s); nothing was stored.")
        % {"count": len(rejection.errors)},
        returncode=1,
    )


class Command(BaseCommand):
    help = (
        "Import GGD indicators from a CSV file (header area_code,target_group,age_band,"
        "indicator,year,value,ci_low,ci_high,sample_size,instrument,source). A file with "
        "errors is rejected whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format",
            choices=sorted(PARSERS),
            default="ggd",
            help="ggd: the long format above (default); rivm: the RIVM 50150NED CSV export.",
        )

    def handle(self, *args, file: Path, format: str, **options):
        content = read_start(file)
        try:
            checked = import_indicator_file(content=content, file_format=format)
        except ImportRejected as rejection:
            raise rejected(rejection, self.stderr) from None
        self.stdout.write(
            _("Imported %(total)s figures: %(new)s new, %(updated)s updated.")
            % {
                "total": len(checked.rows),
                "new": checked.new_count,
                "updated": checked.update_count,
            }
        )
        if checked.new_area_codes:
            self.stdout.write(
                _("New areas (named by their code): %(codes)s")
                % {"codes": ", ".join(checked.new_area_codes)}
            )
        for note in checked.notes:
            self.stdout.write(note)
