"""``python manage.py plotly_css [--check]``: plotly.js's base styles as our static file.

Writes ``static/monitoring/plotly-csp.css`` from the installed plotly package (run it after
upgrading plotly). With ``--check`` it writes nothing and fails when the file is out of date.
Either way it fails when ``_chart_head.html`` lacks an element plotly.js looks for before it
injects another stylesheet inline.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from monitoring import plotly_css


class Command(BaseCommand):
    help = "Write static/monitoring/plotly-csp.css from the installed plotly package."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only check the file.")

    def handle(self, *args, **options):
        bundle = plotly_css.read_bundle()
        wanted = plotly_css.stylesheet(bundle)
        names = {
            "path": plotly_css.STYLESHEET,
            "version": plotly_css.plotly_version(bundle),
        }
        head = plotly_css.CHART_HEAD.read_text(encoding="utf-8")
        for element_id in plotly_css.inline_style_ids(bundle):
            if f'id="{element_id}"' not in head:
                raise CommandError(
                    _(
                        'templates/monitoring/_chart_head.html lacks <template id="%(id)s">: '
                        "plotly.js would add that stylesheet inline, which the CSP forbids."
                    )
                    % {"id": element_id}
                )
        if options["check"]:
            if plotly_css.STYLESHEET.read_text(encoding="utf-8") != wanted:
                raise CommandError(
                    _(
                        "%(path)s does not match the installed plotly.js %(version)s: "
                        "run python manage.py plotly_css."
                    )
                    % names
                )
            self.stdout.write(
                self.style.SUCCESS(_("%(path)s matches plotly.js %(version)s.") % names)
            )
            return
        plotly_css.STYLESHEET.write_text(wanted, encoding="utf-8")
        self.stdout.write(
            self.style.SUCCESS(_("%(path)s is written from plotly.js %(version)s.") % names)
        )
