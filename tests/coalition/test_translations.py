"""The interface is Dutch by default: every message has a Dutch translation."""

import subprocess
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def msgattrib(*flags) -> str:
    result = subprocess.run(
        ["msgattrib", *flags, "--no-obsolete", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_dutch_catalogue_has_no_untranslated_message():
    untranslated = [
        line for line in msgattrib("--untranslated").splitlines() if line.startswith("msgid ")
    ]

    # Only the catalogue header (msgid "") may remain.
    assert untranslated in ([], ['msgid ""'])


def test_dutch_catalogue_has_no_fuzzy_message():
    fuzzy = [line for line in msgattrib("--only-fuzzy").splitlines() if line.startswith("msgid ")]

    assert fuzzy in ([], ['msgid ""'])
