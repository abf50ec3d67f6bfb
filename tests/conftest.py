import copy
import functools
from contextlib import contextmanager
from importlib import import_module

import pytest
from django.contrib import auth
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpRequest
from django.test import Client, override_settings
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY

from network.socialmap import catalogue
from tests import schema_cache
from tests.factories import make_totp_device, make_user

# A fast password hasher, tasks (mail) run at once, and map tiles asked of a closed port on
# this machine (so a test never reaches the internet; tests/coalition/test_tiles.py starts
# a tile server of its own), in every test.
TEST_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "TASKS": {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    "MAP_TILE_URL": "http://127.0.0.1:9/{z}/{x}/{y}.png",
}


@pytest.fixture(autouse=True)
def _fast_and_immediate(settings):
    for name, value in TEST_SETTINGS.items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request in English (the language switch)
    leaves English active in this thread, and management commands speak the active language."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_page_caches(settings):
    """Every test starts with empty page caches. The catalogue cache lives in this process's
    memory here: a database cache table survives the flush between transactional tests, and
    its pages would outlive the rows they were built from. tests/network/test_catalogue.py
    covers the shared database cache of production."""
    settings.CACHES = {
        **settings.CACHES,
        "catalogue": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "catalogue-tests",
        },
        "tiles": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tiles-tests",
        },
        "booklets": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "booklets-tests",
        },
    }
    caches["catalogue"].clear()
    caches["tiles"].clear()
    caches["booklets"].clear()
    caches["template_fragments"].clear()
    catalogue.forget_local()


def login(client: Client, user, *, verified: bool = True) -> Client:
    """Log a user in; with ``verified`` also mark the second step (2FA) as done.

    What ``Client.force_login`` does, with the second step written in the same session save,
    and without first storing an empty session for a client that has none (about half the
    queries of a test's log-in).
    """
    from django.conf import settings  # the fixtures below call theirs ``settings`` too

    request = HttpRequest()
    if client.cookies.get(settings.SESSION_COOKIE_NAME):
        request.session = client.session  # what the client already keeps (cycled, not lost)
    else:
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    user.backend = "coalition.roles.Backend"
    auth.login(request, user, backend=user.backend)
    if verified:
        device = user.totpdevice_set.filter(confirmed=True).first() or make_totp_device(user)
        request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    request.session.save()
    client._set_login_cookies(request)
    return client


@contextmanager
def built_once(django_db_blocker):
    """The database of a world that several tests share, like ``TestCase.setUpTestData``.

    Use it in a module-scoped fixture: what the fixture makes inside it is made once, in a
    transaction that stays open while the module's tests run. Each test (with ``db``, never
    ``transactional_db``) runs in a savepoint of it that is rolled back when the test ends, so
    every test sees the world as built, whatever an earlier one posted; the world itself is
    rolled back after the last test. Model instances and clients are shared Python objects:
    hand each test fresh copies where it could change them (see ``copy_client``).
    """
    with (
        django_db_blocker.unblock(),
        override_settings(**TEST_SETTINGS),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)


def copy_client(client: Client) -> Client:
    """A new client with the cookies (the session) of ``client``: a test that logs out or
    gets a new session key changes only its copy, and the savepoint brings the session back."""
    fresh = Client(enforce_csrf_checks=client.handler.enforce_csrf_checks)
    fresh.cookies = copy.deepcopy(client.cookies)
    return fresh


@pytest.fixture
def coordinator(db):
    return make_user(username="coordinator@example.org", first_name="Fatima", roles=["coordinator"])


@pytest.fixture
def partner(db):
    return make_user(username="partner@example.org", first_name="Henk", roles=["partner"])


@pytest.fixture
def other_partner(db):
    return make_user(username="other.partner@example.org", first_name="Ayse", roles=["partner"])


@pytest.fixture
def superuser(db):
    return make_user(username="admin@example.org", is_superuser=True, is_staff=True)


@pytest.fixture
def resident(db):
    """An anonymous visitor: a resident on a phone or laptop."""
    return Client()


@pytest.fixture
def coordinator_client(coordinator):
    return login(Client(), coordinator)


@pytest.fixture
def partner_client(partner):
    return login(Client(), partner, verified=False)


@pytest.fixture
def other_partner_client(other_partner):
    return login(Client(), other_partner, verified=False)


@pytest.fixture
def superuser_client(superuser):
    return login(Client(), superuser)


OUR_APPS = ("coalition", "network", "signals", "monitoring")


@functools.cache
def _data_steps() -> tuple:
    """The RunPython steps of our apps' migrations, in migration order (read once: loading
    the migration graph costs more than running the steps)."""
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    with override_settings(MIGRATION_MODULES={}):  # --no-migrations hides them
        loader = MigrationLoader(None)
    plan = []
    for node in loader.graph.leaf_nodes():
        if node[0] in OUR_APPS:
            plan += [key for key in loader.graph.forwards_plan(node) if key not in plan]
    return tuple(
        operation
        for key in plan
        if key[0] in OUR_APPS
        for operation in loader.graph.nodes[key].operations
        if isinstance(operation, RunPython)
    )


def rerun_data_migrations() -> None:
    """Run the RunPython steps of our apps' migrations again, in migration order.

    A transactional test empties every table when it ends (content types and permissions
    come back by themselves); this puts back what the data migrations made: groups with
    their permissions, target groups, indicators… Data migrations must be idempotent.
    With --no-migrations (the tables made from the models) it adds them the first time.
    """
    from django.apps import apps

    # coalition.roles.grant() may clear ``models_module`` of the app configs it is given (right
    # for a migration's historical apps); here they are the real ones, so put it back
    # afterwards, or a later flush would no longer announce post_migrate.
    models_modules = {config: config.models_module for config in apps.get_app_configs()}
    try:
        with connection.schema_editor() as editor:
            for operation in _data_steps():
                operation.code(apps, editor)
    finally:
        for config, module in models_modules.items():
            config.models_module = module


@pytest.fixture(scope="session")
def _migrated_once():
    with schema_cache.migrated_once():
        yield


@pytest.fixture(scope="session")
def django_db_setup(_migrated_once, django_db_setup, django_db_blocker, request):
    """With --no-migrations the test database gets its tables from the models, and the rows
    of the data migrations from running their steps once."""
    if request.config.getoption("nomigrations"):
        with django_db_blocker.unblock():
            rerun_data_migrations()


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or any(
        name in item.fixturenames for name in ("live_server", "transactional_db")
    )


@pytest.fixture(autouse=True)
def _data_from_migrations(request):
    """Every transactional test (browser tests, races, faults) starts from a freshly
    migrated database, whatever an earlier transactional test left behind."""
    if not is_transactional(request.node):
        yield
        return
    request.getfixturevalue("transactional_db")
    if not Group.objects.exists():
        rerun_data_migrations()
    yield
    # The flush that ends the test empties the model tables, not the database cache table:
    # counts such as the rate limits' would reach the next test.
    caches["default"].clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table: put back what the data migrations
    made before a test of another kind (a next transactional one does it when it starts).
    pytest-django runs the other database tests first, but pytest-xdist hands each worker
    whole modules in an order of its own."""
    result = yield
    if nextitem is not None and is_transactional(item) and not is_transactional(nextitem):
        with item.funcargs["django_db_blocker"].unblock():
            rerun_data_migrations()
    return result
