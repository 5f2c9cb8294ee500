"""Configuration, read once from the environment and a `.env` file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from starlette.config import Config, environ

GIB = 1024**3
# The built web app, beside this checkout's main.py unless WEBAPP_DIR says otherwise.
DEFAULT_WEBAPP_DIR = Path(__file__).resolve().parent.parent / "webapp" / "dist"


def _origins(value: str) -> tuple[str, ...]:
    """`CORS_ORIGINS`: comma-separated `scheme://host[:port]` origins, exactly as browsers
    send them in `Origin` (a trailing slash is forgiven)."""
    origins = []
    for part in value.split(","):
        origin = part.strip().rstrip("/")
        if not origin:
            continue
        scheme, sep, host = origin.partition("://")
        if scheme not in ("http", "https") or not sep or not host or "/" in host:
            raise ValueError(f"CORS_ORIGINS: not an origin like https://app.example: {part!r}")
        origins.append(origin)
    return tuple(origins)


LOG_FORMATS = ("text", "json")


def _log_format(value: str) -> str:
    lowered = value.strip().lower()
    if lowered not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT: one of {', '.join(LOG_FORMATS)}, not {value!r}")
    return lowered


def _positive(value: str | int) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(f"not a positive number: {value!r}")
    return number


def _flag(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    host: str
    port: int
    public_url: str
    smtp_host: str | None
    smtp_port: int
    smtp_username: str | None
    smtp_password: str | None
    smtp_starttls: bool
    mail_from: str
    max_upload_bytes: int
    email_worker: bool
    email_retry_seconds: float
    email_lease_seconds: float
    session_days: int
    invitation_days: int
    cookie_secure: bool
    graphql_introspection: bool
    webapp_dir: Path
    cors_origins: tuple[str, ...] = ()
    # When set, `/metrics` answers only `Authorization: Bearer <it>`.
    metrics_token: str | None = None
    log_format: str = "text"

    storage_url: str = "file://"
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: str | None = None
    upload_expiry_hours: float = 24.0
    upload_lease_seconds: float = 15.0
    # Signs reviewer links' download URLs; made once and kept in the database when unset.
    link_signing_key: str | None = None
    reminder_check_seconds: float = 60.0
    # How long a dataset's activity is kept before housekeeping purges it.
    activity_days: int = 365
    # Live updates (SPEC section 13): seconds to send `connection_init`, operations at
    # once per connection, events waiting for one subscriber before its client is dropped.
    live_init_timeout_seconds: float = 10.0
    live_max_operations: int = 20
    live_queue_size: int = 100
    # PostgreSQL connections each process keeps open: at most, and at least.
    database_pool_size: int = 16
    database_pool_min: int = 2

    @property
    def invitation_lifetime(self) -> timedelta:
        return timedelta(days=self.invitation_days)

    @property
    def activity_lifetime(self) -> timedelta:
        return timedelta(days=self.activity_days)

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "files"

    def url(self, path: str) -> str:
        """An absolute URL under `PUBLIC_URL`."""
        return self.public_url + "/" + path.lstrip("/")


def load_settings(
    env_file: str | Path | None = ".env", overrides: Mapping[str, str] | None = None
) -> Settings:
    """Read every setting once; `overrides` win over the environment (tests, CLI)."""
    source: Mapping[str, str] = {**environ, **(overrides or {})}
    config = Config(env_file if env_file and Path(env_file).exists() else None, environ=source)
    public_url = config("PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/")
    cookie_secure_default = not public_url.startswith("http://")
    return Settings(
        database_url=config("DATABASE_URL", default="sqlite://./data/datashare.sqlite3"),
        data_dir=Path(config("DATA_DIR", default="./data")),
        host=config("HOST", default="127.0.0.1"),
        port=config("PORT", cast=int, default=8000),
        public_url=public_url,
        smtp_host=config("SMTP_HOST", default=None) or None,
        smtp_port=config("SMTP_PORT", cast=int, default=25),
        smtp_username=config("SMTP_USERNAME", default=None) or None,
        smtp_password=config("SMTP_PASSWORD", default=None) or None,
        smtp_starttls=config("SMTP_STARTTLS", cast=_flag, default=False),
        mail_from=config("MAIL_FROM", default="datashare <no-reply@localhost>"),
        max_upload_bytes=config("MAX_UPLOAD_BYTES", cast=int, default=10 * GIB),
        email_worker=config("EMAIL_WORKER", cast=_flag, default=True),
        email_retry_seconds=config("EMAIL_RETRY_SECONDS", cast=float, default=10.0),
        # How long a worker may take to send a claimed email before another may claim it.
        email_lease_seconds=config("EMAIL_LEASE_SECONDS", cast=float, default=120.0),
        session_days=config("SESSION_DAYS", cast=int, default=30),
        # A pending grant's invitation is accepted this long after it was last sent.
        invitation_days=config("INVITATION_DAYS", cast=int, default=30),
        cookie_secure=config("COOKIE_SECURE", cast=_flag, default=cookie_secure_default),
        graphql_introspection=config("GRAPHQL_INTROSPECTION", cast=_flag, default=True),
        cors_origins=config("CORS_ORIGINS", cast=_origins, default=""),
        webapp_dir=Path(config("WEBAPP_DIR", default=str(DEFAULT_WEBAPP_DIR))),
        metrics_token=config("METRICS_TOKEN", default=None) or None,
        log_format=config("LOG_FORMAT", cast=_log_format, default="text"),
        # Where file bytes live: `file://` (under DATA_DIR) or `s3://bucket/prefix`.
        storage_url=config("STORAGE_URL", default="file://") or "file://",
        s3_endpoint_url=config("S3_ENDPOINT_URL", default=None) or None,
        s3_region=config("S3_REGION", default=None) or None,
        s3_access_key_id=config("S3_ACCESS_KEY_ID", default=None) or None,
        s3_secret_access_key=config("S3_SECRET_ACCESS_KEY", default=None) or None,
        upload_expiry_hours=config("UPLOAD_EXPIRY_HOURS", cast=float, default=24.0),
        # How long a resumable upload stays locked to a request that stopped renewing it
        # (its server died): the client resumes after this.
        upload_lease_seconds=config("UPLOAD_LEASE_SECONDS", cast=float, default=15.0),
        link_signing_key=config("LINK_SIGNING_KEY", default=None) or None,
        # How often the worker looks for grants whose end is near, to remind of it.
        reminder_check_seconds=config("REMINDER_CHECK_SECONDS", cast=float, default=60.0),
        activity_days=config("ACTIVITY_DAYS", cast=int, default=365),
        live_init_timeout_seconds=config("LIVE_INIT_TIMEOUT_SECONDS", cast=float, default=10.0),
        live_max_operations=config("LIVE_MAX_OPERATIONS", cast=int, default=20),
        live_queue_size=config("LIVE_QUEUE_SIZE", cast=int, default=100),
        database_pool_size=config("DATABASE_POOL_SIZE", cast=_positive, default=16),
        database_pool_min=config("DATABASE_POOL_MIN", cast=int, default=2),
    )
