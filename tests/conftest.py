"""Fixtures: a fresh database per run, a real SMTP server, the real app served over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from main import create_app
from services import database
from services.settings import Settings, load_settings
from tests import databases
from tests.mailbox import Mailbox
from tests.net import free_port
from tests.seaweed import SeaweedFS
from web.server import config as served_as


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    try:
        url = await databases.create_database(tmp_path_factory.mktemp("db"))
    except OSError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true and is not reachable: {error}")
        pytest.skip(f"PostgreSQL is not reachable: {error}")
    await database.migrate(load_settings(env_file=None, overrides={"DATABASE_URL": url}))
    yield url
    await databases.drop_database(url)


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedFS]:
    """One real S3-compatible server for the whole run, started on first use."""
    server = SeaweedFS(tmp_path_factory.mktemp("seaweedfs"))
    try:
        server.start()
    except FileNotFoundError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"SeaweedFS is required under CI=true: {error}")
        pytest.skip(f"SeaweedFS is not installed: {error}")
    yield server
    server.stop()


@pytest.fixture
def storage_settings() -> dict[str, str]:
    """Where the service keeps file bytes: local files unless a test module says more."""
    return {}


@pytest.fixture(params=["file", "s3"])
def both_storages(request: pytest.FixtureRequest) -> dict[str, str]:
    """Local files, then a fresh prefix of the SeaweedFS bucket: for `storage_settings`."""
    if request.param == "file":
        return {}
    server: SeaweedFS = request.getfixturevalue("seaweedfs")
    return server.settings(f"t{secrets.token_hex(6)}")


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    box = Mailbox()
    box.start()
    yield box
    box.stop()


APP_PAGE = """<!doctype html><html><head><title>datashare</title>
<script type="module" src="/assets/app-4f2a9c1e.js"></script></head>
<body><div id="root"></div></body></html>
"""
GRAPHIQL_PAGE = """<!doctype html><html><head><title>datashare GraphiQL</title>
<script type="module" src="/assets/graphiql-7b3d0e55.js"></script></head>
<body><div id="graphiql"></div></body></html>
"""


@pytest.fixture
def webapp_dist(tmp_path: Path) -> Path:
    """A built web app as `npm run build` lays it out: two pages, hashed assets."""
    dist = tmp_path / "webapp-dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(APP_PAGE)
    (dist / "graphiql.html").write_text(GRAPHIQL_PAGE)
    (dist / "assets" / "app-4f2a9c1e.js").write_text('console.log("datashare");\n')
    (dist / "assets" / "graphiql-7b3d0e55.js").write_text('console.log("GraphiQL");\n')
    (dist / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    return dist


@dataclass
class Service:
    """The app served by uvicorn on a loopback port, with a client pointed at it."""

    settings: Settings
    base_url: str
    client: httpx.AsyncClient
    mailbox: Mailbox


ServiceFactory = Callable[..., Awaitable[Service]]


@pytest.fixture
async def start_service(
    database_url: str,
    mailbox: Mailbox,
    tmp_path: Path,
    webapp_dist: Path,
    storage_settings: dict[str, str],
) -> AsyncIterator[ServiceFactory]:
    """Start the app with extra settings; every service started is stopped afterwards."""
    running: list[tuple[uvicorn.Server, asyncio.Task[None], httpx.AsyncClient]] = []

    async def start(**overrides: str) -> Service:
        port = free_port()
        values = {
            "DATABASE_URL": database_url,
            "DATA_DIR": str(tmp_path / "data"),
            "PORT": str(port),
            "PUBLIC_URL": f"http://127.0.0.1:{port}",
            "EMAIL_RETRY_SECONDS": "0.2",
            "GRAPHQL_INTROSPECTION": "on",
            "WEBAPP_DIR": str(webapp_dist),
            **mailbox.settings(),
            **storage_settings,
            **overrides,
        }
        settings = load_settings(env_file=None, overrides=values)
        if not running:
            # Before the app (and its email worker) starts: see `empty_database`.
            await databases.empty_database(database_url)
        server = uvicorn.Server(
            served_as(create_app(settings), "127.0.0.1", port, log_level="warning")
        )
        task = asyncio.create_task(server.serve())
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        if not running:
            await databases.empty_tables()
        client = httpx.AsyncClient(base_url=settings.public_url, timeout=30)
        running.append((server, task, client))
        return Service(
            settings=settings, base_url=settings.public_url, client=client, mailbox=mailbox
        )

    yield start
    stuck: list[str] = []
    for server, task, client in reversed(running):
        await client.aclose()
        server.should_exit = True
        if not await _stopped_within(task, STOP_SECONDS):
            stuck += _task_stacks()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    newline = "\n"
    assert not stuck, f"the app did not stop within {STOP_SECONDS} s: {newline.join(stuck)}"


# A server stops in well under a second; one that takes this long is stuck in shutdown.
STOP_SECONDS = 60


async def _stopped_within(task: asyncio.Task[None], seconds: float) -> bool:
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return bool(done)


def _task_stacks() -> list[str]:
    """Where every task of the loop waits: what a stuck shutdown is waiting for."""
    stacks = []
    for running in asyncio.all_tasks():
        frames = running.get_stack()
        where = [f"{f.f_code.co_filename}:{f.f_lineno} {f.f_code.co_name}" for f in frames]
        stacks.append(f"{running.get_name()}: " + " <- ".join(reversed(where)))
    return stacks


@pytest.fixture
async def service(start_service: ServiceFactory) -> Service:
    return await start_service()
