"""Settings for the think tank CMS, read from the environment.

There is one settings module. Development defaults need no server (SQLite under var/);
production differs only through environment variables, listed in .env.example.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see .env.example), "
            "or set DEBUG=1 for a local development key."
        )
    # A development key is generated once per checkout and kept out of git, so no secret
    # ever lives in the repository and sessions survive restarts of `make run`.
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.admin_site.CMSAdminConfig",  # django.contrib.admin with the editorial dashboard
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text search (SearchVectorField, GinIndex); harmless on SQLite.
    "django.contrib.postgres",
    "taggit",
    # Counts failed admin sign-ins and locks out a username+address after too many.
    "axes",
    # The admin's rich-text editor (ProseMirror); its scripts and styles ship in the package.
    "django_prose_editor",
    # A queue for Django's task framework in our own database, with its worker (`db_worker`).
    "django_tasks_db",
    # The project package: the URLconf, the admin site, users and groups, the site-wide template tags, and
    # the migrations that once created the platform's tables (kept: the platform apps below took them over).
    "cms",
    # The platform: small apps below the domain apps, each one concern (docs/architecture.md).
    "cms.taxonomies",
    "cms.media",
    "cms.richtext",
    "cms.audit",
    "cms.pagecache",
    # The site's name and other site-wide words editors change (cms/sitesettings/).
    "cms.sitesettings",
    "people",
    "publications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names and far-future caching, before anything else runs.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # A database outage or timeout becomes a plain 503 page with Retry-After, not a 500.
    "cms.middleware.DatabaseUnavailableMiddleware",
    "cms.middleware.AdminNullByteMiddleware",
    # ETag on every GET and 304 for a matching If-None-Match, cached pages included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Public pages from the cache (cms/pagecache/cache.py); above sessions and CSRF so that a hit
    # skips them, and so that it sees every cookie they set before storing a page.
    "cms.pagecache.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The address alone decides the language (cms/kit/languages.py): below the page cache, whose key
    # is the path, and above CommonMiddleware, whose slash redirects need the language's prefix.
    "cms.middleware.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it answers locked-out sign-ins with 429.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username+address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "cms.sitesettings.context_processors.site_settings",
                "cms.kit.languages.language_alternates",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the development server read while a command writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;",
        # A write transaction takes the lock when it begins and waits for it, instead of
        # failing at once with "database is locked" when it upgrades from reading.
        transaction_mode="IMMEDIATE",
    )
    # Tests get a file, not Django's default in-memory database: with an in-memory one the
    # live server shares a single connection among its request threads, and two requests at
    # once (an autosave beside an autocomplete) fail with "bad parameter or other API misuse".
    if DATABASES["default"]["NAME"] != ":memory:":
        DATABASES["default"]["TEST"] = {"NAME": str(Path(DATABASES["default"]["NAME"]).with_suffix(".test.sqlite3"))}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A query that runs away or waits on a lock fails after this long (0 = no limit) and the
    # reader gets a 503 with Retry-After, instead of a worker hanging until the proxy gives up.
    # Long migrations can lift it for one run: DB_STATEMENT_TIMEOUT_MS=0 manage.py migrate.
    _session_settings = {
        "statement_timeout": int(os.environ.get("DB_STATEMENT_TIMEOUT_MS", "15000")),
        "lock_timeout": int(os.environ.get("DB_LOCK_TIMEOUT_MS", "5000")),
        # The planner's default (4.0) prices a random read as for spinning disks, and then
        # prefers scanning all publications to following an expert's 4,000 bylines by index
        # (43 ms against 22 ms on the 100k corpus). Our tables live in memory or on SSD.
        "random_page_cost": float(os.environ.get("DB_RANDOM_PAGE_COST", "1.1")),
    }
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(
        f"-c {name}={value}" for name, value in _session_settings.items()
    )

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    # Per process: right for development and one worker (make serve needs REDIS_URL for more).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Whole public pages from the cache, purged when what they show changes (cms/pagecache/cache.py).
# PAGE_CACHE=off for benchmarks and debugging; off by default with DEBUG, so template edits show.
PAGE_CACHE = env_flag("PAGE_CACHE", not DEBUG)
# Purges make pages stale, not time; this only bounds how long an unvisited page takes memory.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(24 * 3600)))
# Part of every page's key, with a hash of the code and templates: change it to drop every page.
PAGE_CACHE_VERSION = os.environ.get("PAGE_CACHE_VERSION", "1")
# How often each worker looks in the database for a purge that failed (the cache was down for
# the worker that purged) before serving a cached page: at most this long a stale page can be
# served by a worker other than the one that failed. One small query per interval per worker.
PAGE_CACHE_PENDING_CHECK_SECONDS = float(os.environ.get("PAGE_CACHE_PENDING_CHECK_SECONDS", "1"))
# SQLite builds the covering indexes of publications (PostgreSQL's INCLUDE) without their extra
# columns, which only costs speed in development.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign in through the admin, and there is no /accounts/ page: a sign-in whose `next` is
# refused (another site, a scheme) lands on the admin's desk rather than /accounts/profile/ (404).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# The interface's languages: each has its addresses (/ar/…; English unprefixed, today's addresses)
# and its translations in locale/<language>/LC_MESSAGES/django.po, compiled by `make install`.
# Adding one is a line here and a .po file. Chinese is "zh-hans", as in CONTENT_LANGUAGES, and the
# name under which Django ships its own Chinese (Simplified) translations and date formats.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ar", "Arabic"),
    ("zh-hans", "Chinese (Simplified)"),
    ("ru", "Russian"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin's language is its editor's choice (the selector in its header, cms/views.py:admin_language),
# kept in this cookie; public pages never read it (their address says their language), nor receive it.
# Formats Django's locales leave unset (Arabic dates with times, grouped thousands): cms/formats/.
FORMAT_MODULE_PATH = ["cms.formats"]
LANGUAGE_COOKIE_PATH = "/admin/"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the choice outlives the browser session
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Languages that publications are written in (settings.LANGUAGES above are the interface's).
CONTENT_LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("zh-hans", "Chinese (Simplified)"),
    ("ar", "Arabic"),
    ("hi", "Hindi"),
    ("tr", "Turkish"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
]
# Each content language's Open Graph locale (og:locale, language_TERRITORY as Facebook lists them):
# Arabic is ar_AR, Facebook's one Arabic, Chinese (Simplified) zh_CN, the rest their main territory.
OPEN_GRAPH_LOCALES = {
    "en": "en_US",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "ru": "ru_RU",
    "uk": "uk_UA",
    "zh-hans": "zh_CN",
    "ar": "ar_AR",
    "hi": "hi_IN",
    "tr": "tr_TR",
    "ja": "ja_JP",
    "ko": "ko_KR",
}

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Outside development, WhiteNoise serves collected files gzip/brotli-compressed under
    # content-hashed names, so browsers may cache them for ever (needs collectstatic first).
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What a fresh database calls the site, until a manager saves the site settings
# (admin → Site settings, cms/sitesettings/).
SITE_NAME = os.environ.get("SITE_NAME", "Carnegie Endowment for International Peace")
SITE_SHORT_NAME = os.environ.get("SITE_SHORT_NAME", "Carnegie")

# --- Security headers, cookies and HTTPS (python manage.py check --deploy --fail-level WARNING) ---

X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
# The admin sends the CSRF token in its forms, so no script needs to read the cookie.
CSRF_COOKIE_HTTPONLY = True

# HTTPS everywhere unless told otherwise; on by default whenever DEBUG is off, so a production
# deployment cannot forget it. Development (DEBUG=1, plain http on 127.0.0.1) leaves it off.
SECURE_HTTPS = env_flag("SECURE_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = SECURE_HTTPS
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
LANGUAGE_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600))) if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("HSTS_INCLUDE_SUBDOMAINS", True)
# The header only allows a submission to the browsers' preload list; it enrolls nothing itself.
SECURE_HSTS_PRELOAD = env_flag("HSTS_PRELOAD", True)
# Load balancers probe the health check over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
if env_flag("PROXY_SSL_HEADER"):
    # Only behind a proxy that terminates TLS and always sets (never forwards) this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the site append to X-Forwarded-For (0: use the connection's
# address). Used to tell sign-in attempts apart by address; see cms.security.client_ip.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Content Security Policy (Django's own middleware). Public pages load only the site's own
# CSS and no script at all; the admin's scripts are files plus inline blocks that carry the
# per-request nonce, so no page needs 'unsafe-inline'. Images may be data: URLs (admin icons).
# In development the policy is report-only, because Django's debug pages use inline styles
# without a nonce; violations still show in the browser console.
_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if SECURE_HTTPS:
    _CSP["upgrade-insecure-requests"] = True
SECURE_CSP = {} if DEBUG else _CSP
SECURE_CSP_REPORT_ONLY = _CSP if DEBUG else {}

# --- Admin sign-in: django-axes locks out a username+address after repeated failures ---

AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
# Per username at one address: a mistyped password cannot lock a colleague out from elsewhere,
# and an unknown username is counted and answered exactly like a known one.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Logs name the address but not the typed username, which is sometimes a password typed early.
AXES_SENSITIVE_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"

# --- Uploads ---

# Image uploads larger than this are refused while they arrive (cms.media.uploads.LimitedImageUploadHandler).
IMAGE_MAX_UPLOAD_BYTES = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "20")) * 1024 * 1024
# Width × height limit: refuses decompression bombs before any pixel is decoded.
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_MEGAPIXELS", "50")) * 1_000_000
FILE_UPLOAD_HANDLERS = [
    "cms.media.uploads.LimitedImageUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Email goes to the console unless SMTP_HOST is set (Django 6.1's MAILERS replaces EMAIL_BACKEND).
if os.environ.get("SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["SMTP_HOST"],
                "port": int(os.environ.get("SMTP_PORT", "587")),
                "username": os.environ.get("SMTP_USER", ""),
                "password": os.environ.get("SMTP_PASSWORD", ""),
                "use_tls": env_flag("SMTP_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cms@localhost")

TAGGIT_CASE_INSENSITIVE = True

# Scheduled work (a piece or a change going live at its time) is a task in the database queue,
# run by `manage.py db_worker`, which `make run` and `make serve` start beside the web server.
# The database is a service we already run, so the queue needs nothing new and survives restarts.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# How long a draft's share link works, in seconds.
PREVIEW_LINK_MAX_AGE = int(os.environ.get("PREVIEW_LINK_MAX_AGE", str(7 * 24 * 3600)))
# The site's public address, for links in email.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
