"""Counting the SQL statements a request runs, at the database driver.

The driver's own methods are wrapped for the duration of a block: statements still run
for real; each one is recorded once (nested driver calls are not counted twice).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import aiosqlite
import asyncpg

# asyncpg's pool resets a connection when it goes back to the pool: not the app's SQL.
_POOL_RESET = "SELECT pg_advisory_unlock_all()"

_inside = contextvars.ContextVar("inside_driver_call", default=False)

# The in-process background tasks run on their own clocks (the email worker polls the
# outbox every half second, housekeeping runs a minute or so after start, the live
# listener reconnects): their statements are not the request's, and a slow request would
# otherwise count one of them.
_BACKGROUND_TASKS = frozenset(
    {"email-worker", "housekeeping", "live-listener", "live-fan-out", "live-grant-ends"}
)

_METHODS: list[tuple[type, str]] = [
    (asyncpg.connection.Connection, "execute"),
    (asyncpg.connection.Connection, "executemany"),
    (asyncpg.connection.Connection, "fetch"),
    (asyncpg.connection.Connection, "fetchrow"),
    (asyncpg.connection.Connection, "fetchval"),
    (aiosqlite.Connection, "execute"),
    (aiosqlite.Connection, "execute_fetchall"),
    (aiosqlite.Connection, "execute_insert"),
    (aiosqlite.Connection, "executemany"),
    (aiosqlite.Connection, "executescript"),
]


def _counting(original: Callable[..., Any], statements: list[str]) -> Callable[..., Any]:
    @functools.wraps(original)
    async def wrapper(self: Any, query: Any = "", *args: Any, **kwargs: Any) -> Any:
        if _inside.get() or str(query).startswith(_POOL_RESET) or _in_background():
            return await original(self, query, *args, **kwargs)
        statements.append(str(query))
        token = _inside.set(True)
        try:
            return await original(self, query, *args, **kwargs)
        finally:
            _inside.reset(token)

    return wrapper


def _in_background() -> bool:
    task = asyncio.current_task()
    return task is not None and task.get_name() in _BACKGROUND_TASKS


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """Yield the list of statements run in this process inside the block (but the worker's)."""
    statements: list[str] = []
    originals = [(owner, name, owner.__dict__[name]) for owner, name in _METHODS]
    for owner, name, original in originals:
        setattr(owner, name, _counting(original, statements))
    try:
        yield statements
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
