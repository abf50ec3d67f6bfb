from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.core.management import call_command

from coalition.staticfinders import WithoutSourceMapRewrites


class HashedStorage(WithoutSourceMapRewrites, ManifestStaticFilesStorage):
    """Production's hashing without its (slow) compression step."""


def test_collectstatic_builds_hashed_files_for_production(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "tests.coalition.test_static_files.HashedStorage"},
    }

    call_command("collectstatic", "--noinput", verbosity=0)

    assert list((tmp_path / "vendor" / "bootstrap" / "css").glob("bootstrap.min.*.css"))
    assert list((tmp_path / "vendor" / "leaflet-markercluster").glob("leaflet.markercluster.*.js"))
    assert list((tmp_path / "css").glob("site.*.css"))
    assert (tmp_path / "vendor" / "plotly" / "plotly.min.js").exists()
    assert not (tmp_path / "vendor" / "plotly" / "widgetbundle.js").exists()
