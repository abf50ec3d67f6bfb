"""Reading the environment for ``coalition/settings.py``: small helpers that name the variable
when its value is wrong, so start-up stops with one clear line."""

import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def site_url_from(url: str) -> str:
    """SITE_URL without its trailing slash: a scheme and a host, no path."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path not in {"", "/"}:
        raise ImproperlyConfigured(
            f"SITE_URL must look like https://oogvoorelkaar.example.nl (no path), not {url!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


def development_secret_key(path: Path) -> str:
    """The secret key of a development checkout, made once and kept in ``path``.

    Every process must sign with the same key: a link made by a management command is then
    accepted by the web server, and several workers accept each other's forms and sessions.
    The key is written to a temporary file first and then linked into place, which fails when
    ``path`` already exists: of two processes starting together one writes, and both read
    the same complete key.
    """
    try:
        if not path.exists():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
            try:
                with os.fdopen(handle, "w") as file:  # mkstemp makes it mode 0600
                    file.write("dev-" + secrets.token_urlsafe(40) + "\n")
                os.link(temporary, path)
            except FileExistsError:
                pass
            finally:
                os.unlink(temporary)
        key = path.read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(
            f"SECRET_KEY is not set and the development key in {path} cannot be kept: {error}"
        ) from None
    if not key:
        raise ImproperlyConfigured(f"SECRET_KEY is not set and {path} is empty: delete it.")
    return key


def mailer_from_url(url: str) -> dict:
    """One entry of Django's MAILERS from EMAIL_URL: smtp://, smtp+tls://, smtps://, console://,
    or file:///a/folder (each mail a file there)."""
    parts = urlsplit(url)
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(sorted(backends))}://, not {url!r}."
        )
    if parts.scheme == "file":
        return {"BACKEND": backends["file"], "OPTIONS": {"file_path": unquote(parts.path)}}
    if not parts.scheme.startswith("smtp"):
        return {"BACKEND": backends[parts.scheme]}
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has a port that is not a number: {url!r}.") from None
    return {
        "BACKEND": backends[parts.scheme],
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": port or (465 if parts.scheme == "smtps" else 25),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": parts.scheme == "smtp+tls",
            "use_ssl": parts.scheme == "smtps",
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        },
    }


# --- Environment -------------------------------------------------------------------------


def contrast_with_white(colour: str) -> float:
    """The WCAG 2.1 contrast ratio of a colour "#rrggbb" with white (1 to 21)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


def env_brand_colour(name: str, default: str) -> str:
    """A house colour "#rrggbb" that white text and the white page both read against: buttons,
    links, the menu and the focus ring use it, so it needs a contrast of 4.5:1 (WCAG AA)."""
    value = env_str(name, default).lower()
    if len(value) != 7 or value[0] != "#" or any(c not in "0123456789abcdef" for c in value[1:]):
        raise ImproperlyConfigured(f"{name} must be a colour such as #00558c, not {value!r}.")
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ImproperlyConfigured(
            f"{name} {value} has a contrast of {ratio:.1f}:1 with white; buttons, links and "
            "the menu need at least 4.5:1 (WCAG AA): choose a darker colour."
        )
    return value
