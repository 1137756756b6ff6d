"""Settings for SafeSocial, read from the environment.

One module. The embedded default needs no environment at all: SQLite in ./var, files in ./var/media,
e-mail to the console, background tasks run in-process. At scale set DATABASE_URL (PostgreSQL),
SAFESOCIAL_TASKS_BACKEND=database (workers on any number of machines run `safesocial manage
db_worker`), SAFESOCIAL_EMAIL_URL-style settings, SAFESOCIAL_SECRET_KEY and SAFESOCIAL_DEBUG=0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent  # the safesocial package
VAR_DIR = Path(os.environ.get("SAFESOCIAL_VAR_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [x.strip() for x in os.environ.get(name, default).split(",") if x.strip()]


DEBUG = env_bool("SAFESOCIAL_DEBUG", True)
TESTING = env_bool("SAFESOCIAL_TESTING", "pytest" in sys.modules)
_DEV_KEY = "dev-only-not-secret-set-SAFESOCIAL_SECRET_KEY-in-production"
SECRET_KEY = os.environ.get("SAFESOCIAL_SECRET_KEY", _DEV_KEY)
if not DEBUG and SECRET_KEY == _DEV_KEY:
    raise RuntimeError("SAFESOCIAL_SECRET_KEY must be set when SAFESOCIAL_DEBUG is off")
ALLOWED_HOSTS = env_list("SAFESOCIAL_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("SAFESOCIAL_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "safesocial.audit",
    "safesocial.accounts",
    "safesocial.people",
    "safesocial.policies",
    "safesocial.checker",
    "safesocial.connections",
    "safesocial.sites",
    "safesocial.cases",
    "safesocial.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "safesocial.accounts.middleware.AcknowledgementMiddleware",
]

ROOT_URLCONF = "safesocial.config.urls"
WSGI_APPLICATION = "safesocial.config.wsgi.application"

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
                "safesocial.accounts.context.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'safesocial.sqlite3'}"),
        conn_max_age=int(os.environ.get("SAFESOCIAL_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
_test_name = os.environ.get("SAFESOCIAL_TEST_DB_NAME")
if _test_name:
    DATABASES["default"]["TEST"] = {"NAME": _test_name}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(os.environ.get("SAFESOCIAL_MEDIA_ROOT", VAR_DIR / "media"))
# Evidence and uploads are served only through views that check permission, never as static media.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage" if not DEBUG else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: keep large files on disk, never in memory; cap request bodies.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
SAFESOCIAL_MAX_UPLOAD_BYTES = int(os.environ.get("SAFESOCIAL_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024)))
SAFESOCIAL_MAX_EXPORT_BYTES = int(os.environ.get("SAFESOCIAL_MAX_EXPORT_BYTES", str(100 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get("SAFESOCIAL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("SAFESOCIAL_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SAFESOCIAL_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SAFESOCIAL_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SAFESOCIAL_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SAFESOCIAL_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("SAFESOCIAL_FROM_EMAIL", "SafeSocial <no-reply@safesocial.invalid>")

# Background work: in-process by default; "database" puts tasks in the database for workers on any
# number of machines (`safesocial manage db_worker`), "dummy" records them without running (tests).
_TASKS = os.environ.get("SAFESOCIAL_TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[_TASKS]
    }
}

# Security headers (WCAG-friendly: nothing here blocks assistive technology).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = False
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SAFESOCIAL_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SAFESOCIAL_HSTS_SECONDS", "31536000"))
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SAFESOCIAL_LOG_LEVEL", "WARNING")},
}

# The address people reach SafeSocial at, for links in e-mails (e.g. https://safesocial.example.org).
SAFESOCIAL_BASE_URL = os.environ.get("SAFESOCIAL_BASE_URL", "http://127.0.0.1:8000")
SAFESOCIAL_SEEDS_DIR = os.environ.get("SAFESOCIAL_SEEDS_DIR", "")
