"""Settings shared by every environment. Anything machine-specific comes from env.py."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from club.settings.env import (
    database_config,
    email_config,
    env_bool,
    env_int,
    env_list,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY") or "insecure-dev-key-only-for-local-use"  # noqa: S105
# Earlier keys, comma-separated, after a rotation: signatures and erasure hashes made with
# them still verify.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    "club.pages",
    "club.news",
    "club.members",
    "club.events",
    "club.qa",
    "club.outcomes",
    "club.surveys",
    "search",
    "club.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "club.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and the rest: a cached anonymous page costs no database query.
    "club.page_cache.AnonymousPageCacheMiddleware",
    # Wagtail's site for the request from the shared cache (routing asks it first).
    "club.pages.site_lookup.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "club.middleware.ConnectionsOnErrorMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# The public site ships no inline script. connect-src also gets ws:// and wss:// to the
# request's own host (live Q&A), added per request by club.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "style-src": [SELF],
        "script-src": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin still needs inline scripts and eval for its editors: a looser policy,
# applied by club.middleware under ADMIN_PATH_PREFIXES.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "style-src": [SELF, UNSAFE_INLINE],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "connect-src": [SELF],
        "font-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
    }
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = {"camera": ["self"], "microphone": [], "geolocation": [], "payment": []}

ROOT_URLCONF = "club.urls"
WSGI_APPLICATION = "club.wsgi.application"
ASGI_APPLICATION = "club.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_config(env_str("DATABASE_URL"), str(BASE_DIR / "db.sqlite3")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Channels: the in-memory layer serves one process; REDIS_URL lets several
# Daphne/uvicorn workers share groups.
REDIS_URL = env_url("REDIS_URL", {"redis", "rediss", "unix"})
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
    # Losing Redis must not take the site down: django-redis treats an unreachable server
    # as a cache miss (logged as a warning) and gives up on a connection within half a
    # second. Nothing that must not be lost lives in this cache (sessions and sign-in
    # attempts are in the database).
    _REDIS_CACHE = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
    CACHES = {
        "default": {**_REDIS_CACHE, "KEY_PREFIX": "club"},
        "pages": {**_REDIS_CACHE, "KEY_PREFIX": "club-pages"},
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "club.cache"
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # One process only (Daphne); pages changed by another process (a management command)
    # show once PAGE_CACHE_SECONDS have passed.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# Anonymous pages are kept this long at most (club/page_cache.py); 0 turns the cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Sessions stay in the database alone (Django's default), not cached_db: a sign-out made
# while Redis is unreachable could not delete the cached copy, and the session would come
# back with Redis. One query per signed-in page is the price.

# The alumni directory runs on Elasticsearch when configured, else on the database.
ELASTICSEARCH_URL = env_url("ELASTICSEARCH_URL", {"http", "https"})
ELASTICSEARCH_INDEX = env_str("ELASTICSEARCH_INDEX") or "club-directory"
# First retry delay of a failed index sync; it doubles on each attempt, up to ten minutes.
DIRECTORY_SYNC_RETRY_SECONDS = 5

# What follows every change to members (club.members.changes), in this order: the
# directory entry, the re-visit outcomes row, the (queued) search index sync, then the
# anonymous pages that show them (forgotten on commit).
MEMBER_CHANGE_SUBSCRIBERS = [
    "search.member_changes.refresh_directory_entries",
    "club.outcomes.refresh.refresh_changed_members",
    "search.member_changes.queue_directory_sync",
    "club.members.cached_pages.forget_member_pages",
]

# Wagtail's own housekeeping tasks run immediately; ours that talk to outside
# services (search index, email) are stored in the database and retried by
# `manage.py db_worker --backend durable`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ja", _("Japanese"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Uploads are served by the proxy in production (deploy/), by the site in dev and the demo.
SERVE_MEDIA = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

_email = email_config(env_str("EMAIL_URL"))
EMAIL_BACKEND = _email.backend
EMAIL_HOST = _email.host
EMAIL_PORT = _email.port
EMAIL_HOST_USER = _email.user
EMAIL_HOST_PASSWORD = _email.password
EMAIL_USE_TLS = _email.use_tls
EMAIL_USE_SSL = _email.use_ssl
EMAIL_TIMEOUT = _email.timeout
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Sakura Science Club <club@example.org>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Sign in with a username or an email address (either, case-insensitively). Axes comes
# first so that every sign-in path (site, Wagtail admin, page privacy) is throttled.
SIGN_IN_BACKEND = "club.members.backends.UsernameOrEmailBackend"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", SIGN_IN_BACKEND]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "club.members.signin_throttle.account_key"
AXES_CLIENT_IP_CALLABLE = "club.members.signin_throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "club.members.signin_throttle.locked_out"
AXES_VERBOSE = False
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

WAGTAIL_SITE_NAME = "Sakura Science Club"
# Avatars are Wagtail's own default image, never Gravatar: our Content-Security-Policy allows
# no third-party images, and a member's e-mail hash should not go to a third party anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's release check fetches from outside the site, which the CSP blocks.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The public address in every absolute link (club/public_urls.py); Wagtail's admin uses it too.
SITE_URL = env_url("SITE_URL", {"http", "https"}) or "http://localhost:8000"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Rosters uploaded in the admin wait here between preview and import (club/members/roster/
# uploads.py); empty means a private folder in the system's temporary directory.
ROSTER_UPLOAD_DIR = env_str("ROSTER_UPLOAD_DIR") or ""
# Per-action overrides of the Q&A rate limits in club/qa/ratelimit.py: {"ask": (5, 60)}.
QA_RATE_LIMITS: dict[str, tuple[int, int]] = {}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail logs every page action and background task at INFO; too chatty for seeding.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        "django_redis": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# The privacy policy version every consent record names; raise it when the policy changes.
CONSENT_POLICY_VERSION = "2026-12"

# Outcome figures: an alumnus's re-visit status counts as known if they re-visited or
# confirmed their profile (a save, "still true" or a survey answer) within this many years.
# See docs/outcomes.md ("Known status and coverage"); the dashboard can override it.
OUTCOMES_COVERAGE_YEARS = env_int("OUTCOMES_COVERAGE_YEARS", 3)
