"""Serve third-party CSS and JavaScript from the pinned PyPI packages, never from a CDN.

Files appear under ``/static/vendor/<name>/``: Bootstrap and Leaflet from their XStatic
packages, plotly.js from the plotly wheel.
"""

from pathlib import Path

import plotly
import xstatic.pkg.bootstrap
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from django.contrib.staticfiles.finders import FileSystemFinder
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

VENDOR_DIRS = {
    "vendor/bootstrap": xstatic.pkg.bootstrap.BASE_DIR,
    "vendor/leaflet": xstatic.pkg.leaflet.BASE_DIR,
    "vendor/leaflet-markercluster": xstatic.pkg.leaflet_markercluster.BASE_DIR,
}
PLOTLY_DIR = str(Path(plotly.__file__).parent / "package_data")


class VendorFinder(FileSystemFinder):
    def __init__(self, app_names=None, *args, **kwargs):
        super().__init__(app_names, *args, **kwargs)
        self.locations = list(VENDOR_DIRS.items()) + [("vendor/plotly", PLOTLY_DIR)]
        self.storages = {}
        for prefix, root in self.locations:
            storage = FileSystemStorage(location=root)
            storage.prefix = prefix
            self.storages[root] = storage

    def list(self, ignore_patterns):
        # Of plotly's package data only the browser bundle is ours to serve.
        for path, storage in super().list(ignore_patterns):
            if storage.location != PLOTLY_DIR or path == "plotly.min.js":
                yield path, storage


class WithoutSourceMapRewrites:
    """Hashed static files without rewriting ``sourceMappingURL``.

    Some vendor files (Leaflet.markercluster) point at source maps their packages do not
    ship; rewriting those references would fail ``collectstatic``. ``url()`` and
    ``@import`` in CSS are still rewritten to the hashed names.
    """

    css_url, css_import = ManifestStaticFilesStorage.patterns[0][1][:2]
    patterns = (("*.css", (css_url, css_import)),)


class StaticStorage(WithoutSourceMapRewrites, CompressedManifestStaticFilesStorage):
    """Production storage: hashed names, gzip/brotli copies, served by WhiteNoise."""
