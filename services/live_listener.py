"""One LISTEN connection per serve process (PostgreSQL), reconnecting when it drops.

Messages sent while it was down are lost, so after a reconnect the receiver is told to
resynchronise (`RESYNC`): every subscriber refetches what it follows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from services.events import CHANNEL, RESYNC, Message

log = logging.getLogger("datashare.events")

APPLICATION_NAME = "datashare-live"
# How often a quiet connection is asked whether it is still there.
CHECK_SECONDS = 10.0
MAX_BACKOFF_SECONDS = 5.0


def asyncpg_dsn(database_url: str) -> str:
    """The database URL as asyncpg takes it (no Tortoise pool options)."""
    parts = urlsplit(database_url)
    return urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))


class Listener:
    """Feeds every NOTIFY on `CHANNEL` to `receive`, for as long as it runs."""

    def __init__(self, database_url: str, receive: Callable[[Message], None]) -> None:
        self.dsn = asyncpg_dsn(database_url)
        self.receive = receive
        self.listening = asyncio.Event()
        self.connection: asyncpg.Connection | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="live-listener")

    async def stop(self) -> None:
        # The flag as well as the cancel: a cancel that lands as an await completes can be
        # lost, and the loop must end all the same.
        self._stopping = True
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        message = Message.decode(payload)
        if message is not None:
            self.receive(message)

    async def _run(self) -> None:
        backoff = 0.1
        connected_before = False
        while not self._stopping:
            try:
                connection = await asyncpg.connect(
                    self.dsn, server_settings={"application_name": APPLICATION_NAME}
                )
            except (OSError, asyncpg.PostgresError) as error:
                log.warning("live events: cannot listen (%s); retrying", error)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            try:
                await self._listen(connection, resync=connected_before)
                connected_before, backoff = True, 0.1
                await self._watch(connection)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
                log.warning("live events: the listening connection dropped (%s)", error)
            finally:
                self.listening.clear()
                self.connection = None
                with contextlib.suppress(Exception):
                    connection.terminate()

    async def _listen(self, connection: asyncpg.Connection, resync: bool) -> None:
        await connection.add_listener(CHANNEL, self._on_notify)
        self.connection = connection
        self.listening.set()
        if resync:
            log.info("live events: listening again; subscribers refetch")
            self.receive(RESYNC)

    async def _watch(self, connection: asyncpg.Connection) -> None:
        lost = asyncio.Event()
        connection.add_termination_listener(lambda _conn: lost.set())
        while not lost.is_set() and not self._stopping:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(CHECK_SECONDS):
                    await lost.wait()
                return
            async with asyncio.timeout(CHECK_SECONDS):
                await connection.execute("SELECT 1")
