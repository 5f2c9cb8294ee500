"""One fresh database per test run: SQLite in a temporary folder, or PostgreSQL."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import aiosqlite
import asyncpg
from tortoise import connections

POSTGRES_ADMIN_DSN = os.environ.get(
    "TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def backend() -> str:
    return os.environ.get("TEST_DATABASE", "sqlite")


async def create_database(tmp_dir: Path, kind: str | None = None) -> str:
    """Create a database (`kind`, or this run's backend) and return its `DATABASE_URL`."""
    if (kind or backend()) == "sqlite":
        return f"sqlite://{tmp_dir / 'datashare.sqlite3'}"
    name = f"datashare_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgres://", 1)
    return f"{base}/{name}"


async def drop_database(url: str) -> None:
    if not url.startswith("postgres://"):
        return
    name = url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(POSTGRES_ADMIN_DSN)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


TABLES = (
    "activities",
    "annotations",
    "share_events",
    "share_grants",
    "dataset_files",
    "resumable_uploads",
    "share_links",
    "server_secrets",
    "team_members",
    "teams",
    "datasets",
    "outbox_messages",
    "login_failures",
    "auth_tokens",
    "sessions",
    "users",
)


async def empty_tables() -> None:
    """Every test starts from empty tables (the schema stays, from migrations)."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_script(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    else:
        for table in TABLES:
            await connection.execute_script(f"DELETE FROM {table}")


async def empty_database(url: str) -> None:
    """`empty_tables` through a connection of its own, before any app is up: an email
    worker starting with the app must not find the previous test's undelivered mail, nor
    its grants due for a reminder."""
    if url.startswith("sqlite://"):
        # The fixture has migrated it: the file and its tables exist.
        async with aiosqlite.connect(url.removeprefix("sqlite://"), timeout=30) as sqlite:
            for table in TABLES:
                await sqlite.execute(f"DELETE FROM {table}")
            await sqlite.commit()
        return
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await connection.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    finally:
        await connection.close()
