"""Opening, migrating and closing the database behind Tortoise ORM."""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.migrations.api import migrate as run_migrations

from services.settings import Settings

APP_LABEL = "models"

# Connections each process keeps to PostgreSQL. A request runs its statements one after
# another, so this bounds the requests querying at once; uvicorn serves one process per
# core, and PostgreSQL's default of 100 connections leaves room for several processes,
# the email worker and maintenance.
POOL_MIN = 2
POOL_MAX = 16


async def _keep_session(connection: Any) -> None:
    """Return a connection to the pool without asyncpg's reset round trip.

    asyncpg resets every released connection (`RESET ALL`, `UNLISTEN *`, advisory locks…)
    in one more round trip per statement. datashare changes no session state, listens to
    nothing and takes no advisory locks; asyncpg still rolls back a transaction left
    open before calling this, which is the reset that matters.
    """
    del connection


def _connection(url: str) -> str | dict[str, Any]:
    if not url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return url
    config = expand_db_url(url)
    config["credentials"].setdefault("minsize", POOL_MIN)
    config["credentials"].setdefault("maxsize", POOL_MAX)
    config["credentials"]["reset"] = _keep_session
    return config


def tortoise_config(settings: Settings) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(settings.database_url)},
        "apps": {
            APP_LABEL: {
                "models": ["models"],
                "migrations": "models.migrations",
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def open_database(settings: Settings) -> None:
    """Connect Tortoise for the whole process (every task sees it)."""
    if settings.database_url.startswith("sqlite://"):
        _ensure_sqlite_directory(settings.database_url)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close_database() -> None:
    await Tortoise.close_connections()


async def migrate(settings: Settings) -> None:
    """Apply every migration not yet applied."""
    if settings.database_url.startswith("sqlite://"):
        _ensure_sqlite_directory(settings.database_url)
    try:
        await run_migrations(config=tortoise_config(settings))
    finally:
        await Tortoise.close_connections()


async def ping() -> None:
    """Raise unless the database answers a trivial query."""
    await connections.get("default").execute_query("SELECT 1")


def is_postgres() -> bool:
    return connections.get("default").capabilities.dialect == "postgres"


def _ensure_sqlite_directory(url: str) -> None:
    from pathlib import Path

    path = url.removeprefix("sqlite://").split("?", 1)[0]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def __getattr__(name: str) -> Any:
    # `tortoise -c services.database.TORTOISE_ORM makemigrations` reads this.
    if name == "TORTOISE_ORM":
        from services.settings import load_settings

        return tortoise_config(load_settings())
    raise AttributeError(name)
