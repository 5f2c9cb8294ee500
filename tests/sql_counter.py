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
from dataclasses import dataclass, field
from typing import Any

import aiosqlite
import asyncpg

# asyncpg's default pool reset, were it configured (`services.database` leaves it out):
# not the app's SQL.
_POOL_RESET = "SELECT pg_advisory_unlock_all()"

_inside = contextvars.ContextVar("inside_driver_call", default=False)

# The in-process background tasks run on their own clocks (the email worker polls the
# outbox every half second, housekeeping runs a minute or so after start, the live
# listener reconnects): their statements are not the request's, and a slow request would
# otherwise count one of them.
_BACKGROUND_TASKS = frozenset(
    {"email-worker", "housekeeping", "live-listener", "live-fan-out", "live-ends"}
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


@dataclass
class DriverCalls:
    """Every round trip asyncpg made in a block, and the pool's traffic.

    Unlike `count_statements`, nothing is left out but the background tasks: a statement
    the pool sends to reset a connection is recorded too.
    """

    # (the connection's id, the statement) in the order sent.
    statements: list[tuple[int, str]] = field(default_factory=list)
    acquired: int = 0
    released: int = 0

    def connections(self) -> set[int]:
        return {connection for connection, _ in self.statements}

    def texts(self) -> list[str]:
        return [text for _, text in self.statements]


_ASYNCPG_METHODS = [
    (asyncpg.connection.Connection, name)
    for name in ("execute", "executemany", "fetch", "fetchrow", "fetchval")
]


@contextmanager
def record_driver_calls() -> Iterator[DriverCalls]:
    """Record asyncpg's round trips (nested driver calls once) and pool acquisitions."""
    calls = DriverCalls()

    def statement(original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        async def wrapper(self: Any, query: Any = "", *args: Any, **kwargs: Any) -> Any:
            if _inside.get() or _in_background():
                return await original(self, query, *args, **kwargs)
            calls.statements.append((id(self), str(query)))
            token = _inside.set(True)
            try:
                return await original(self, query, *args, **kwargs)
            finally:
                _inside.reset(token)

        return wrapper

    def counted(counter: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """A pool method wrapped to count its calls in `calls.<counter>`."""

        def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(original)
            async def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
                if not _in_background():
                    setattr(calls, counter, getattr(calls, counter) + 1)
                return await original(self, *args, **kwargs)

            return wrapper

        return wrap

    patches: list[tuple[type, str, Callable[..., Any]]] = [
        *((owner, name, statement) for owner, name in _ASYNCPG_METHODS),
        (asyncpg.pool.Pool, "_acquire", counted("acquired")),
        (asyncpg.pool.Pool, "release", counted("released")),
    ]
    originals = [(owner, name, owner.__dict__[name]) for owner, name, _ in patches]
    for owner, name, wrap in patches:
        setattr(owner, name, wrap(owner.__dict__[name]))
    try:
        yield calls
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
