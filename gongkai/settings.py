"""Gongkai settings: everything comes from the environment (see README.md, Configuration)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from gongkai.core.env import env_bool, env_int, env_list, env_str, load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(Path(env_str("GONGKAI_ENV_FILE", str(BASE_DIR / ".env"))))

VAR_DIR = Path(env_str("GONGKAI_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("GONGKAI_SECRET_KEY")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("GONGKAI_SECRET_KEY must be at least 32 characters long")
DEBUG = env_bool("GONGKAI_DEBUG", False)
ALLOWED_HOSTS = env_list("GONGKAI_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("GONGKAI_CSRF_TRUSTED_ORIGINS", [])

# Behind TLS (production): secure cookies, HSTS and the redirect to https.
HTTPS = env_bool("GONGKAI_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("GONGKAI_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("GONGKAI_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves the API docs page's scripts from our own static files, not a CDN
    "gongkai.core",
    "gongkai.organs",
    "gongkai.catalog",
    "gongkai.workdays",
    "gongkai.applications",
    "gongkai.annual",
    "gongkai.enquiries",
    "gongkai.appeals",
    "gongkai.search",
    "gongkai.api",
    "gongkai.portal",
    "gongkai.backoffice",
    "gongkai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "gongkai.portal.context.portal",
            ],
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("GONGKAI_DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed during a write; IMMEDIATE takes the write lock at BEGIN so that
    # two writers queue instead of failing half-way with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("GONGKAI_REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env_str("GONGKAI_MEDIA_ROOT", str(VAR_DIR / "media")))

# Attachments: at most this many megabytes each.
ATTACHMENT_MAX_MB = env_int("GONGKAI_ATTACHMENT_MAX_MB", 50, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The organ whose portal is served at "/" (its 统一社会信用代码 or 组织机构代码). Empty: the highest organ
# in the tree that has published records.
PORTAL_ORGAN = env_str("GONGKAI_PORTAL_ORGAN", "")
SITE_NAME = env_str("GONGKAI_SITE_NAME", "")
# 网站标识码 issued for government websites (SiteIDCode meta tag); empty: the tag is left out.
SITE_ID_CODE = env_str("GONGKAI_SITE_ID_CODE", "")
# Base URL used in QR codes, feeds and exports when no request is at hand.
PUBLIC_BASE_URL = env_str("GONGKAI_PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEMO_MODE = env_bool("GONGKAI_DEMO", False)

# Key that encrypts applicants' ID numbers at rest (Fernet, urlsafe base64 of 32 bytes). Empty: derived from
# GONGKAI_SECRET_KEY — set a separate key in production so rotating one does not lose the other.
PII_KEY = env_str("GONGKAI_PII_KEY", "")
# Applicant data of applications closed longer ago than this many days may be purged (0: keep).
PII_RETENTION_DAYS = env_int("GONGKAI_PII_RETENTION_DAYS", 0, minimum=0)

# 依申请公开: an application from the same applicant with a description at least this similar (0–1) within
# this many days is flagged as a possible repeat for the clerk.
APPLICATION_REPEAT_WINDOW_DAYS = env_int("GONGKAI_APPLICATION_REPEAT_WINDOW_DAYS", 180, minimum=0)
APPLICATION_REPEAT_THRESHOLD = env_int("GONGKAI_APPLICATION_REPEAT_THRESHOLD_PERCENT", 80, minimum=1) / 100

# E-mail (deadline reminders): printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = env_str("GONGKAI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("GONGKAI_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("GONGKAI_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("GONGKAI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("GONGKAI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("GONGKAI_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("GONGKAI_EMAIL_FROM", "gongkai@localhost")

# Full-text search: the local Tantivy index that follows the search outbox (one per app node).
SEARCH_INDEX_DIR = Path(env_str("GONGKAI_SEARCH_INDEX_DIR", str(VAR_DIR / "search")))
# Apply the outbox in the web process right after a commit when no other process is writing; the
# `gongkai search worker` catches up on anything left (crashes, a busy writer).
SEARCH_APPLY_ON_COMMIT = env_bool("GONGKAI_SEARCH_APPLY_ON_COMMIT", True)
# Processes that segment documents during `gongkai search rebuild` (0 = one per CPU; 1 = no extra processes).
SEARCH_REBUILD_WORKERS = env_int("GONGKAI_SEARCH_REBUILD_WORKERS", 0, minimum=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("GONGKAI_LOG_LEVEL", "INFO")},
}
