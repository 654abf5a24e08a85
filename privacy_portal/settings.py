"""Settings, all read from the environment (django-environ).

DJANGO_ENV=development (the default) gives safe local defaults: SQLite, no Redis (Celery runs
tasks in-process), e-mail on the console. DJANGO_ENV=production requires SECRET_KEY and
ALLOWED_HOSTS and switches on every setting that `manage.py check --deploy` asks for.
"""

from pathlib import Path

import environ
import structlog

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
# SITE_URL: the portal's address as people reach it (https://privacy.gemeente.nl). Every link in
# an e-mail or an API answer is built on it, so it must be right; production refuses to start without.
if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
    SITE_URL = env.url("SITE_URL").geturl().rstrip("/")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="development-only-key-never-use-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
    SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_filters",
    "guardian",
    "simple_history",
    "django_htmx",
    "axes",
    "health_check",
    "django_prometheus",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "privacy_portal.core",
    "privacy_portal.organisaties",
    "privacy_portal.notificaties",
    "privacy_portal.inloggen",
    "registers",
    "datalekken",
    "dpia",
    "rechten",
    "overeenkomsten",
    "rapportages",
]

MIDDLEWARE = [
    "privacy_portal.core.verzoek_id.VerzoekIdMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # /health, /ready and /metrics for operators, before host validation and the HTTPS redirect
    "privacy_portal.core.gezondheid.GezondheidMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "privacy_portal.core.audit.AuditContextMiddleware",
    "privacy_portal.core.uploads.BodyGrensMiddleware",
    "privacy_portal.core.middleware.GeenOpslagMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "privacy_portal.inloggen.tweede_factor.TweedeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "privacy_portal.core.api.ApiVersionMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "privacy_portal.urls"
WSGI_APPLICATION = "privacy_portal.wsgi.application"

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
                "privacy_portal.notificaties.context_processors.ongelezen",
                "privacy_portal.core.context_processors.navigatie",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Persistent connections: a request reuses its worker's connection instead of connecting anew
# (seconds; 0 closes after each request, None keeps it for ever). Checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Short web and scan queries: PostgreSQL's JIT spent seconds compiling the scan's filter to save
    # milliseconds (bench/schaal.py), so it is off for the portal's connections.
    _opties = DATABASES["default"].setdefault("OPTIONS", {})
    _opties["options"] = f"{_opties.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "privacy_portal.organisaties.backends.GebruikerBackend",
    "privacy_portal.inloggen.sso.SsoBackend",
    "privacy_portal.organisaties.backends.RolBackend",
    "privacy_portal.organisaties.backends.DelegatieBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# History reasons name the changed fields and can be long (simple-history's default is 100 characters).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
GUARDIAN_ANONYMOUS_USER_NAME = None
# Guardian's check looks for its own backend by name; DelegatieBackend is a subclass of it.
SILENCED_SYSTEM_CHECKS = ["guardian.W001"]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("vendor/voorbeeld", NODE_MODULES / "@nl-design-system-unstable/voorbeeld-design-tokens/dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org/dist"),
]
# Uploaded documents and generated reports are private: there is no public MEDIA_URL route.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": "/niet-openbaar/"},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Request bodies (privacy_portal.core.uploads.BodyGrensMiddleware answers 413 on the Content-Length,
# before the body is read): anonymous requests (the public form, the login) need little, staff send
# signed documents (at most 20 MB) and spreadsheets (10 MB), the API takes JSON only.
BODY_MAX_ANONIEM = env.int("BODY_MAX_ANONIEM", default=256 * 1024)
BODY_MAX_INGELOGD = env.int("BODY_MAX_INGELOGD", default=25 * 1024 * 1024)
BODY_MAX_API = env.int("BODY_MAX_API", default=2 * 1024 * 1024)
# Form fields other than files (Django refuses more with 400); an upload above 2.5 MB goes to a
# temporary file instead of memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

# E-mail: any SMTP server through Django's mail framework.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=BASE_DIR / "var" / "mail")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="privacyportaal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis in production; without REDIS_URL tasks run in-process (make run, quick tests).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "termijnen-bewaken": {
        "task": "privacy_portal.core.tasks.termijnen_bewaken",
        "schedule": env.int("SCAN_INTERVAL_SECONDS", default=300),
    },
}
# The longest a report may take to render (seconds); then it stops with a clear reason.
RAPPORTAGE_TIJDSLIMIET = env.int("RAPPORTAGE_TIJDSLIMIET", default=30 * 60)
# How often `manage.py runportal` runs the same scan in-process when there is no beat.
SCAN_INTERVAL_SECONDS = env.int("SCAN_INTERVAL_SECONDS", default=300)
# Prometheus scrapes /metrics with this bearer token; without one only this host may read it.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# The daily digest of meldingen for those who chose it: sent at this hour (Dutch time).
MELDINGEN_SAMENVATTING_UUR = env.int("MELDINGEN_SAMENVATTING_UUR", default=7)
# Betrokkenenverzoeken: days after closing before the requester's personal data are anonymised.
VERZOEK_BEWAARTERMIJN_DAGEN = env.int("VERZOEK_BEWAARTERMIJN_DAGEN", default=365)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "privacy_portal.core.api_sleutels.ApiSleutelAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["djangorestframework_camel_case.render.CamelCaseJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["djangorestframework_camel_case.parser.CamelCaseJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "privacy_portal.core.api.Paginering",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "privacy_portal.core.api.problem_exception_handler",
    # Per user (token) when logged in, per client address when anonymous (open data); 429 with Retry-After.
    "DEFAULT_THROTTLE_CLASSES": [
        "privacy_portal.core.api_limieten.GebruikerLimiet",
        "privacy_portal.core.api_limieten.AnoniemLimiet",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "JSON_UNDERSCOREIZE": {"no_underscore_before_number": True},
}
API_VERSION = "1.0.0"
# API rate limits (DRF notation: number/second|minute|hour|day).
API_LIMIET_GEBRUIKER = env.str("API_LIMIET_GEBRUIKER", default="3000/hour")
API_LIMIET_ANONIEM = env.str("API_LIMIET_ANONIEM", default="600/hour")
SPECTACULAR_SETTINGS = {
    "TITLE": "Privacy Portal API",
    "DESCRIPTION": "Registers van de AVG-administratie van gemeenten (NL API Design Rules).",
    "VERSION": API_VERSION,
    "OAS_VERSION": "3.0.3",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # The documentation page (/api/v1/documentatie) serves Swagger UI from this server, no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # without deep links an operation's path is text, not a link nested in its button (WCAG 4.1.2)
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
    ],
    # Several registers have a field "soort" with their own list; name the shared ones explicitly.
    "ENUM_NAME_OVERRIDES": {
        "SoortMeldingEnum": "datalekken.constants.SoortMelding",
    },
}

# CORS (django-cors-headers): only the open data and the API description may be read by a web page
# elsewhere (no cookies); everything else stays same-origin.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/v1/(openbaar/.*|openapi\.json)|register/[-\w]+/verwerkingen\.(csv|json))$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

# Security headers (django-csp 4): no inline scripts; all assets come from this server.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "privacy_portal.core.views.csrf_fout"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# The TLS proxies in front of the portal (addresses or networks, comma-separated). Only they may
# name the client in X-Forwarded-For (privacy_portal.core.clientadres).
VERTROUWDE_PROXIES = env.list("VERTROUWDE_PROXIES", default=[])

# Single sign-on with OpenID Connect (mozilla-django-oidc): on when OIDC_RP_CLIENT_ID is set, and
# then the provider's endpoints are required. Users are matched by (issuer, sub); the groups claim
# (OIDC_GROEPEN_CLAIM) gives roles through the SSO-groepen the beheerder maps (privacy_portal/inloggen).
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")


def _oidc(naam):
    return env.str(naam) if OIDC_RP_CLIENT_ID else env.str(naam, default="")


OIDC_RP_CLIENT_SECRET = _oidc("OIDC_RP_CLIENT_SECRET")
OIDC_OP_ISSUER = _oidc("OIDC_OP_ISSUER")
OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc("OIDC_OP_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = _oidc("OIDC_OP_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = _oidc("OIDC_OP_USER_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = _oidc("OIDC_OP_JWKS_ENDPOINT")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile groups")
OIDC_TOKEN_USE_BASIC_AUTH = env.bool("OIDC_TOKEN_USE_BASIC_AUTH", default=False)
OIDC_GROEPEN_CLAIM = env.str("OIDC_GROEPEN_CLAIM", default="groups")
# The name on the login button: "Inloggen met <OIDC_NAAM>".
OIDC_NAAM = env.str("OIDC_NAAM", default="uw organisatie-account")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "inloggen:sso_terug"

# Second factor (django-otp): the name shown in the authenticator app next to the account.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Privacy Portal")

# Retention of audit rows without a gemeente (logins of any user); per gemeente it is a field on
# Gemeente. Five years, as the Wpg asks for logs; the database trigger uses the same number.
AUDIT_BEWAARTERMIJN_MAANDEN = 60

# Login lockout (django-axes, privacy_portal.core.blokkade): five failures within an hour lock the
# username (from every address together) and, separately, the client address, for an hour. A good
# login clears only that username's failures (core.blokkade), not the address's.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "privacy_portal.core.clientadres.client_adres"
AXES_LOCKOUT_CALLABLE = "privacy_portal.core.blokkade.geblokkeerd"

# Logging: structlog, JSON in production. Never log personal data (no request bodies, no query strings).
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structlog": {
            "()": "structlog.stdlib.ProcessorFormatter",
            "processor": structlog.processors.JSONRenderer()
            if PRODUCTION
            else structlog.dev.ConsoleRenderer(colors=False),
            "foreign_pre_chain": [
                structlog.contextvars.merge_contextvars,  # request_id (privacy_portal.core.verzoek_id)
                structlog.stdlib.add_log_level,
                structlog.processors.TimeStamper(fmt="iso"),
            ],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structlog"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
# structlog's own loggers go through the same handler and formatter (JSON in production).
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    wrapper_class=structlog.stdlib.BoundLogger,
    cache_logger_on_first_use=True,
)
