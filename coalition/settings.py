"""Settings for Oog voor elkaar.

Every value a deployment may change is read from the environment here, at the top, through
the small helpers of ``coalition/environment.py`` that name the variable when its value is
wrong. Without any environment the
project runs for development: SQLite, DEBUG on, a secret generated once and kept in a file
(``.secret_key``, git-ignored) next to the SQLite database, links to http://localhost:8000.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from coalition.environment import (
    development_secret_key,
    env_bool,
    env_brand_colour,
    env_int,
    env_list,
    env_str,
    mailer_from_url,
    site_url_from,
)

BASE_DIR = Path(__file__).resolve().parent.parent

TESTING = "pytest" in sys.modules
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (comma separated).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Where the site is reached: every absolute link in mail and feeds starts with it.
SITE_URL = env_str("SITE_URL", "http://localhost:8000" if DEBUG else "")
if not SITE_URL:
    raise ImproperlyConfigured("SITE_URL must be set when DEBUG is off, e.g. https://example.org.")
SITE_URL = site_url_from(SITE_URL)

try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        )
    }
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
sqlite = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if sqlite:
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
# Files the platform writes itself (a development key, the map tile cache) sit next to the
# SQLite database, else in the project root.
on_disk = sqlite and DATABASES["default"]["NAME"] not in ("", ":memory:")
DATA_DIR = Path(DATABASES["default"]["NAME"]).parent if on_disk else BASE_DIR
if not SECRET_KEY:
    SECRET_KEY = development_secret_key(DATA_DIR / ".secret_key")

COALITION_NAME = env_str("COALITION_NAME", "Oog voor elkaar")
MUNICIPALITY_NAME = env_str("MUNICIPALITY_NAME", "Leidschendam-Voorburg")
MUNICIPALITY_CODE = env_str("MUNICIPALITY_CODE", "GM1916")
if not (
    len(MUNICIPALITY_CODE) == 6
    and MUNICIPALITY_CODE[:2] == "GM"
    and MUNICIPALITY_CODE[2:].isdigit()
):
    raise ImproperlyConfigured(
        f"MUNICIPALITY_CODE must look like GM1916, not {MUNICIPALITY_CODE!r}."
    )
# Areas an indicator file may hold besides the municipality, its districts and neighbourhoods
# and the Netherlands: the GGD region (GG…) and other municipalities (GM…) to compare with.
COMPARISON_AREAS = [code.upper() for code in env_list("COMPARISON_AREAS", [])]
for code in COMPARISON_AREAS:
    if not (len(code) == 6 and code[:2] in {"GG", "GM"} and code[2:].isdigit()):
        raise ImproperlyConfigured(
            "COMPARISON_AREAS must be comma-separated codes of GGD regions or municipalities "
            f"such as GG3230,GM0518, not {code!r}."
        )
# The municipality's house colours (/theme.css): buttons, links, pagination, checkboxes, the
# menu and the focus ring. A colour with less than 4.5:1 contrast with white is refused.
BRAND_COLOR = env_brand_colour("BRAND_COLOR", "#00558c")
BRAND_COLOR_DARK = env_brand_colour("BRAND_COLOR_DARK", "#003a61")
# The municipality's logo in the header: a file among our static files ("img/logo.svg");
# empty shows the coalition's name as a wordmark.
SITE_LOGO = env_str("SITE_LOGO", "")
if "://" in SITE_LOGO or SITE_LOGO.startswith("/"):
    raise ImproperlyConfigured(
        f"SITE_LOGO must be a path among the static files such as img/logo.svg, not {SITE_LOGO!r}."
    )
SUPPORT_EMAIL = env_str("SUPPORT_EMAIL", "sociaalservicepunt@example.org")
SUPPORT_PHONE = env_str("SUPPORT_PHONE", "14 070")
# The coordinators' shared mailbox for new signals and alerts.
COORDINATOR_EMAIL = env_str("COORDINATOR_EMAIL", SUPPORT_EMAIL)
# Map tiles: browsers ask our server (coalition/tiles.py), which fetches each tile once from
# this tile server and keeps it, so no visitor's browser contacts a third party.
MAP_TILE_URL = env_str(
    "MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
if urlsplit(MAP_TILE_URL).scheme not in ("http", "https") or not all(
    part in MAP_TILE_URL for part in ("{z}", "{x}", "{y}")
):
    raise ImproperlyConfigured(
        "MAP_TILE_URL must be an http(s) address with {z}, {x} and {y}, "
        f"such as https://tiles.example.org/{{z}}/{{x}}/{{y}}.png, not {MAP_TILE_URL!r}."
    )
MAP_TILE_MAX_ZOOM = env_int("MAP_TILE_MAX_ZOOM", 19)
MAP_TILE_MAX_BYTES = env_int("MAP_TILE_MAX_BYTES", 512 * 1024)  # a larger answer is refused
MAP_TILE_TIMEOUT = env_int("MAP_TILE_TIMEOUT", 5)  # seconds to wait for the tile server
MAP_TILE_MAX_AGE = env_int("MAP_TILE_MAX_AGE", 7 * 24 * 3600)  # seconds browsers keep a tile
MAP_TILE_CACHE_DIR = env_str("MAP_TILE_CACHE_DIR", str(DATA_DIR / "tile-cache"))
MAP_TILE_CACHE_DAYS = env_int("MAP_TILE_CACHE_DAYS", 30)
MAP_TILE_CACHE_ENTRIES = env_int("MAP_TILE_CACHE_ENTRIES", 20_000)  # about 400 MB of tiles
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "Kaartgegevens © Kadaster / PDOK")
REDIS_URL = env_str("REDIS_URL")
# Production serves hashed, compressed files made by collectstatic; without it (development,
# tests, a quick local server) WhiteNoise serves them straight from the packages.
STATICFILES_MANIFEST = env_bool("STATICFILES_MANIFEST", not DEBUG and not TESTING)
# Signals: public form submissions per client address per hour, working days until the
# first contact, months a closed signal is kept before anonymisation, failed contact
# attempts before "unreachable", mail attempts before giving up, weeks until a follow-up.
SIGNAL_RATE_LIMIT = env_int("SIGNAL_RATE_LIMIT", 5)
SIGNAL_FIRST_CONTACT_DAYS = env_int("SIGNAL_FIRST_CONTACT_DAYS", 3)
SIGNAL_RETENTION_MONTHS = env_int("SIGNAL_RETENTION_MONTHS", 12)
SIGNAL_UNREACHABLE_ATTEMPTS = env_int("SIGNAL_UNREACHABLE_ATTEMPTS", 3)
SIGNAL_MAIL_MAX_ATTEMPTS = env_int("SIGNAL_MAIL_MAX_ATTEMPTS", 10)
# A worker holds a signal mail this long while it talks to the mail server; when the worker
# dies, the mail is taken up again by the next ``retry_signal_mail`` after that.
SIGNAL_MAIL_LEASE_SECONDS = env_int("SIGNAL_MAIL_LEASE_SECONDS", 120)
# A failed signal mail waits this long before retry_signal_mail queues it again.
SIGNAL_MAIL_RETRY_MINUTES = env_int("SIGNAL_MAIL_RETRY_MINUTES", 10)
SIGNAL_FOLLOW_UP_WEEKS = env_int("SIGNAL_FOLLOW_UP_WEEKS", 6)
# Working days a partner has to answer a referral: then a reminder, as long again: the
# coordinator hears of it (manage.py remind_referrals).
REFERRAL_ANSWER_WORKING_DAYS = env_int("REFERRAL_ANSWER_WORKING_DAYS", 3)
# Ambassadors: months back in which a contribution makes an ambassador "active".
AMBASSADOR_ACTIVE_MONTHS = env_int("AMBASSADOR_ACTIVE_MONTHS", 6)
# Public events (issue 16): registrations' names and contact details are erased this many
# weeks after the event (the counts stay); sign-ups per client address per hour.
EVENT_DATA_KEEP_WEEKS = env_int("EVENT_DATA_KEEP_WEEKS", 8)
EVENT_REGISTRATION_RATE_LIMIT = env_int("EVENT_REGISTRATION_RATE_LIMIT", 10)
if AMBASSADOR_ACTIVE_MONTHS < 1:
    raise ImproperlyConfigured("AMBASSADOR_ACTIVE_MONTHS must be 1 or more.")
# Residents think along (/denk-mee/): sign-ups and ideas per client address per hour, and
# months the contact details of focus-group members and ideas are kept (prune_thinkalong).
THINKALONG_RATE_LIMIT = env_int("THINKALONG_RATE_LIMIT", 5)
THINKALONG_RETENTION_MONTHS = env_int("THINKALONG_RETENTION_MONTHS", 24)
if THINKALONG_RETENTION_MONTHS < 1:
    raise ImproperlyConfigured("THINKALONG_RETENTION_MONTHS must be 1 or more.")

# Behind a TLS-terminating proxy some of these are handled there; each can be switched off.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
# How many reverse proxies of our own stand before the app (each adds to X-Forwarded-For);
# rate limits and the login lock-out then count the visitor's address, not the proxy's.
TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 0)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

MAILERS = {
    "default": mailer_from_url(
        env_str("EMAIL_URL", "console://" if DEBUG else "smtp://localhost:25")
    )
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{COALITION_NAME} <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Login lock-out (coalition/lockout.py): this many failures per username and address, or
# this many from one address whatever the usernames, then wait this many hours.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 30)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_HOURS", 1)
# Password reset and set-up links: requests per e-mail address and per client address per hour.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env_int("PASSWORD_RESET_LIMIT_PER_CLIENT", 10)

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")

# --- Applications ------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",  # its widget templates, for FORM_RENDERER (TemplatesSetting)
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "coalition",
    "network",
    "signals",
    "monitoring",
]

MIDDLEWARE = [
    "coalition.observability.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "coalition.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "coalition.security.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coalition.urls"
WSGI_APPLICATION = "coalition.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coalition.context_processors.site",
                "signals.context_processors.referrals",
            ],
        },
    },
]

# roles.Backend: ModelBackend in one query; sessions begun under ModelBackend's name ended.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "coalition.roles.Backend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"  # coalition.security.landing: each role to its own start
LOGOUT_REDIRECT_URL = None  # show registration/logged_out.html
AXES_HANDLER = "coalition.lockout.PairAndAddressHandler"
AXES_LOCKOUT_CALLABLE = "coalition.lockout.locked_out"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
if TRUSTED_PROXY_HOPS:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_HOPS
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
OTP_TOTP_ISSUER = COALITION_NAME

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],  # map tiles too: coalition/tiles.py serves them
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# "catalogue" holds rendered public pages of the social map (network/catalogue.py), apart from
# "default", so that a flood of different searches cannot push out sessions or rate limits.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "catalogue": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "catalogue",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coalition_cache",
        },
        "catalogue": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coalition_catalogue_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# Map tiles as files on disk, shared by the processes of one server; beyond
# MAP_TILE_CACHE_ENTRIES a third of them is dropped to make room.
CACHES["tiles"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": MAP_TILE_CACHE_DIR,
    "TIMEOUT": MAP_TILE_CACHE_DAYS * 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": MAP_TILE_CACHE_ENTRIES},
}
# The social map's booklets (network/socialmap/booklet.py): PDFs of megabytes, made by the
# task worker and served by the web processes, so in the database both share (not in Redis's
# memory, not on one server's disk), apart from the catalogue so they push out no page.
CACHES["booklets"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "coalition_booklet_cache",
    "OPTIONS": {"MAX_ENTRIES": env_int("BOOKLET_CACHE_ENTRIES", 300)},
}
# The {% cache %} tag's alias: the layout's header, navigation and footer, which depend only on
# the code, the settings and the language, so each process keeps its own copy.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Days a finished task (its arguments, result, traceback) is kept before prune_task_results.
TASK_RESULTS_KEEP_DAYS = env_int("TASK_RESULTS_KEEP_DAYS", 14)

# --- Internationalisation ----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["coalition.formats"]  # dates written out: "1 december 2026"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "coalition.staticfinders.VendorFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "coalition.staticfinders.StaticStorage"
        if STATICFILES_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATICFILES_MANIFEST
WHITENOISE_AUTOREFRESH = not STATICFILES_MANIFEST

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORM_RENDERER = "coalition.forms.FormRenderer"  # our form and field templates; text areas count
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "coalition.requests": {"level": env_str("REQUEST_LOG_LEVEL", "INFO")},
    },
}
