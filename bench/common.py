"""What the benchmarks share: a fresh database, a server process, timing helpers."""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DSN = os.environ.get("TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


@asynccontextmanager
async def fresh_database(use_sqlite: bool, workdir: Path) -> AsyncIterator[str]:
    """A `DATABASE_URL` for a database made for this run and dropped after it."""
    if use_sqlite:
        yield f"sqlite://{workdir / 'bench.sqlite3'}"
        return
    name = f"datashare_bench_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(ADMIN_DSN)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        yield ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgres://") + f"/{name}"
    finally:
        admin = await asyncpg.connect(ADMIN_DSN)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def server_env(url: str, workdir: Path, port: int, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DATA_DIR": str(workdir / "data"),
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "EMAIL_WORKER": "off",
        "SMTP_HOST": "",
        **extra,
    }


def start_process(arguments: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def wait_until_up(base_url: str, path: str = "/healthz") -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(200):
            try:
                if (await client.get(path)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError(f"{base_url} did not come up")


def stop_process(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@asynccontextmanager
async def opened(url: str) -> AsyncIterator[None]:
    """Tortoise connected to the bench's database for the length of the block."""
    from services import database
    from services.settings import load_settings

    await database.open_database(load_settings(env_file=None, overrides={"DATABASE_URL": url}))
    try:
        yield
    finally:
        await database.close_database()


async def owner_with_images(url: str, count: int) -> tuple[str, list[str]]:
    """Migrate, then one confirmed owner with a session and `count` private images:
    the session token and the images' global ids."""
    from models import Dataset, User
    from services import database
    from services.clock import now
    from services.ids import encode_id
    from services.sessions import start_session
    from services.settings import load_settings

    settings = load_settings(env_file=None, overrides={"DATABASE_URL": url})
    await database.migrate(settings)
    async with opened(url):
        owner = await User.create(
            email="owner@bench.example",
            display_name="owner",
            password_hash="unused",
            email_verified_at=now(),
        )
        token = await start_session(owner, settings)
        await Dataset.bulk_create(
            [Dataset(owner_id=owner.id, name=f"image {i}", kind="IMAGE") for i in range(count)]
        )
        rows = await Dataset.all().order_by("id")
        return token, [encode_id("Dataset", row.id) for row in rows]
