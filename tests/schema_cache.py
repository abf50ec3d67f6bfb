"""The SQLite test database, migrated once and kept between runs.

Migrating every app takes about three seconds in each test process. On SQLite (the
in-memory test database of ``make pytest``) the freshly migrated database is copied to a
file in ``.pytest_cache/``, named after a hash of our migrations, the pinned requirements
and the SQLite version; a later run copies that file into memory instead of migrating. Any
change to a migration or a pin makes a new file, so what the tests see is always exactly
what ``migrate`` makes. PostgreSQL migrates every time.
"""

import hashlib
import os
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db.backends.sqlite3.creation import DatabaseCreation

FOLDER = Path(settings.BASE_DIR) / ".pytest_cache" / "schemas"
INPUTS = ("*/migrations/*.py", "requirements.txt", "requirements-dev.txt")


def schema_key() -> str:
    digest = hashlib.sha256(sqlite3.sqlite_version.encode())
    base = Path(settings.BASE_DIR)
    for pattern in INPUTS:
        for path in sorted(base.glob(pattern)):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def migrated_once():
    """While active, an in-memory SQLite test database is filled from the kept copy (or
    migrated, and then kept)."""
    original = DatabaseCreation.create_test_db
    kept = FOLDER / f"{schema_key()}.sqlite3"

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=None, keepdb=False):
        name = self._get_test_db_name()
        migrates = self.connection.settings_dict["TEST"]["MIGRATE"] is not False
        if not (self.is_in_memory_db(name) and migrates):
            return original(self, verbosity, autoclobber, serialize, keepdb)
        if not kept.exists():
            name = original(self, verbosity, autoclobber, serialize, keepdb)
            keep(self.connection, kept)
            return name
        self._create_test_db(verbosity, autoclobber, keepdb)
        self.connection.close()
        settings.DATABASES[self.connection.alias]["NAME"] = name
        self.connection.settings_dict["NAME"] = name
        self.connection.ensure_connection()
        with closing(sqlite3.connect(kept)) as source:
            source.backup(self.connection.connection)
        call_command("createcachetable", database=self.connection.alias)
        return name

    DatabaseCreation.create_test_db = create_test_db
    try:
        yield
    finally:
        DatabaseCreation.create_test_db = original


def keep(connection, path: Path) -> None:
    """Copy the migrated database to ``path`` atomically: parallel workers may race."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    with closing(sqlite3.connect(partial)) as target:
        connection.connection.backup(target)
    partial.replace(path)
