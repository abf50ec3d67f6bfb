"""Start-up from the environment: safe defaults, one clear line for a wrong value."""

import os
import secrets
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROD = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "example.org",
    "SITE_URL": "https://example.org",
}


def manage(*args, **env):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never has it.
    ours = {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "SITE_URL",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "0"}, "Configuration error: SECRET_KEY must be set when DEBUG is off."),
        (
            {"DEBUG": "0", "SECRET_KEY": "x" * 60},
            "Configuration error: ALLOWED_HOSTS must be set when DEBUG is off (comma separated).",
        ),
        (
            {"DEBUG": "0", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"},
            "Configuration error: SITE_URL must be set when DEBUG is off, e.g. https://example.org.",
        ),
        (
            {"SITE_URL": "localhost:8000"},
            "Configuration error: SITE_URL must look like https://oogvoorelkaar.example.nl "
            "(no path), not 'localhost:8000'.",
        ),
        (
            {"DEBUG": "maybe"},
            "Configuration error: DEBUG must be 1/0, true/false, yes/no or on/off, not 'maybe'.",
        ),
        (
            {"MUNICIPALITY_CODE": "1916"},
            "Configuration error: MUNICIPALITY_CODE must look like GM1916, not '1916'.",
        ),
        (
            {"COMPARISON_AREAS": "GG3230,Haaglanden"},
            "Configuration error: COMPARISON_AREAS must be comma-separated codes of GGD regions "
            "or municipalities such as GG3230,GM0518, not 'HAAGLANDEN'.",
        ),
        (
            {"EMAIL_URL": "ftp://mail"},
            "Configuration error: EMAIL_URL must start with one of console, dummy, file, "
            "locmem, smtp, smtp+tls, smtps://, not 'ftp://mail'.",
        ),
    ],
)
def test_wrong_environment_stops_with_one_line_naming_the_variable(env, message):
    result = manage("check", **env)

    assert result.returncode == 1
    assert result.stderr.strip() == message


@pytest.mark.slow
def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PROD)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_deploy_check_warns_when_a_proxy_setting_switches_https_off():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PROD, SECURE_SSL_REDIRECT="0")

    assert result.returncode == 1
    assert "security.W008" in result.stderr


@pytest.mark.slow
def test_development_key_is_made_once_and_shared_by_every_process(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    show_key = "from django.conf import settings; print(settings.SECRET_KEY)"

    with ThreadPoolExecutor(2) as pool:
        started = [
            pool.submit(manage, "shell", "--no-imports", "-c", show_key, **env) for _ in range(2)
        ]
    results = [future.result() for future in started]

    kept = tmp_path / ".secret_key"
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert results[0].stdout == results[1].stdout == kept.read_text()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert manage("shell", "--no-imports", "-c", show_key, **env).stdout == kept.read_text()


def test_development_key_file_is_not_tracked_by_git():
    result = subprocess.run(["git", "check-ignore", "-q", ".secret_key"], cwd=ROOT)

    assert result.returncode == 0


def test_site_url_loses_its_trailing_slash():
    from coalition.environment import site_url_from

    assert site_url_from("https://oogvoorelkaar.example.nl/") == "https://oogvoorelkaar.example.nl"


def test_mail_url_becomes_an_smtp_mailer():
    from coalition.environment import mailer_from_url

    mailer = mailer_from_url("smtp+tls://user%40x.nl:geheim@mail.example.org:587")

    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"]["host"] == "mail.example.org"
    assert mailer["OPTIONS"]["port"] == 587
    assert mailer["OPTIONS"]["username"] == "user@x.nl"
    assert mailer["OPTIONS"]["use_tls"] is True


def test_mail_url_can_write_each_mail_to_a_folder():
    from coalition.environment import mailer_from_url

    mailer = mailer_from_url("file:///var/tmp/oog-mail")

    assert mailer == {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": "/var/tmp/oog-mail"},
    }
