"""The end-to-end harness: the real app, its emails left as JSON files, a clean stop."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import asyncpg
import httpx
import orjson
import pytest

from tests import databases
from tests.net import free_port
from tests.story import PASSWORD, SIGN_UP

REPO_ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 60.0
T = TypeVar("T")


async def wait_for(
    what: str, check: Callable[[], Awaitable[T]], process: asyncio.subprocess.Process
) -> T:
    """Poll `check()` until it answers something truthy, the harness dies, or time is up."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if process.returncode is not None:
            _, errors = await process.communicate()
            raise AssertionError(
                f"the harness stopped while waiting for {what}:\n{errors.decode()}"
            )
        if found := await check():
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no {what} within {DEADLINE_SECONDS} s")


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
async def test_the_harness_serves_the_app_leaves_emails_as_files_and_stops_clean(
    tmp_path: Path, database_url: str, stop_signal: signal.Signals
) -> None:
    # (`database_url`: this run's database server answers, or the test is skipped as the rest.)
    port, mail_dir = free_port(), tmp_path / "mail"
    harness = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.e2e.harness", "--port", str(port),
        "--mail-dir", str(mail_dir), "--database", databases.backend(),
        cwd=REPO_ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:

            async def healthy() -> bool:
                try:
                    return (await client.get("/healthz")).status_code == 200
                except httpx.TransportError:
                    return False

            await wait_for("/healthz", healthy, harness)
            assert harness.stdout is not None
            announced = (await harness.stdout.readline()).decode()
            database = re.search(r" on (\S+),", announced)
            assert database, announced

            # When someone signs up through the API
            response = await client.post(
                "/graphql",
                json={
                    "query": SIGN_UP,
                    "variables": {
                        "i": {
                            "email": "ada@example.org",
                            "password": PASSWORD,
                            "displayName": "Ada",
                        }
                    },
                },
            )
            assert response.json() == {"data": {"signUp": {"errors": []}}}

            # Then the confirmation email lands in the folder as one JSON file
            async def delivered() -> list[Path]:
                return sorted(mail_dir.glob("*.json"))

            files = await wait_for("the confirmation email", delivered, harness)
            assert len(files) == 1
            assert re.fullmatch(r"\d{6}-[0-9a-f]{8}\.json", files[0].name)
            assert [p.name for p in mail_dir.iterdir()] == [files[0].name]  # no partial file
            email = orjson.loads(files[0].read_bytes())
            assert set(email) == {"to", "subject", "text", "html"}
            assert email["to"] == "ada@example.org"
            assert email["subject"] == "Confirm your datashare account"
            link = f"{base_url}/verify-email?token="
            assert link in email["text"] and "\r" not in email["text"]
            assert link in email["html"]

        # When the harness is told to stop
        harness.send_signal(stop_signal)
        await asyncio.wait_for(harness.wait(), DEADLINE_SECONDS)
    finally:
        if harness.returncode is None:
            harness.kill()
            await harness.wait()

    # Then it stops cleanly and leaves no database behind
    _, errors = await harness.communicate()
    assert harness.returncode == 0, errors.decode()
    url = database.group(1)
    if url.startswith("sqlite://"):
        assert not Path(url.removeprefix("sqlite://")).parent.exists()
    else:
        admin = await asyncpg.connect(databases.POSTGRES_ADMIN_DSN)
        try:
            name = url.rsplit("/", 1)[1]
            assert not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        finally:
            await admin.close()
