"""Opening, migrating and closing the database behind Tortoise ORM."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

import asyncpg
from tortoise import Tortoise, connections
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import (
    PoolConnectionWrapper,
    TransactionalDBClient,
    TransactionContext,
    TransactionContextPooled,
)
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.exceptions import TransactionManagementError
from tortoise.migrations.api import migrate as run_migrations

from services.settings import Settings

APP_LABEL = "models"


async def _keep_session(connection: Any) -> None:
    """Return a connection to the pool without asyncpg's reset round trip.

    asyncpg resets every released connection (`RESET ALL`, `UNLISTEN *`, `CLOSE ALL`,
    `pg_advisory_unlock_all()`) in one more round trip. Nothing in datashare leaves session
    state on a pooled connection: no `SET`, no cursors, advisory locks only
    transaction-scoped (`services.address_locks`), `LISTEN` only on the live listener's
    own connection (`services.live_listener`), prepared statements only asyncpg's own
    per-connection cache. asyncpg still rolls back a transaction left open before
    calling this, which is the reset that matters.
    """
    del connection


class RequestConnection:
    """The pooled connection one request's statements share.

    Taken from the pool at the request's first statement (a request that runs none takes
    none), used by every statement and transaction of the request one at a time (the
    request's tasks wait for each other on `lock`), and returned by `release`. After that,
    or outside any request (background tasks, WebSockets, the worker), statements take a
    connection from the pool each, as before.
    """

    __slots__ = ("connection", "ended", "lock", "pool")

    def __init__(self) -> None:
        self.connection: asyncpg.Connection | None = None
        self.pool: asyncpg.Pool | None = None
        self.lock = asyncio.Lock()
        self.ended = False

    def serves(self) -> bool:
        # Inside a transaction on this connection (its tasks and theirs), a statement sent
        # through the process's client rather than the transaction's would wait for the
        # transaction to end: it takes a pooled connection, as it always did.
        return not self.ended and _transaction_on.get() is not self

    async def take(self, client: AsyncpgDBClient) -> asyncpg.Connection | None:
        """The request's connection (under `lock`), or None once the request has ended."""
        if self.ended:
            return None
        if self.connection is not None and self.connection.is_closed():
            await self._give_back()
        if self.connection is None:
            if not client._pool:
                async with client._pool_init_lock:
                    if not client._pool:
                        await client.create_connection(with_db=True)
            assert client._pool is not None
            self.pool = client._pool
            self.connection = await self.pool.acquire()
        return self.connection

    async def release(self) -> None:
        """Return the connection once the statement or transaction under way has ended."""
        if self.ended:
            return
        async with self.lock:
            self.ended = True
            await self._give_back()

    async def _give_back(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None and self.pool is not None:
            await self.pool.release(connection)


_request_connection: ContextVar[RequestConnection | None] = ContextVar(
    "datashare_request_connection", default=None
)
_transaction_on: ContextVar[RequestConnection | None] = ContextVar(
    "datashare_transaction_on", default=None
)


@contextlib.asynccontextmanager
async def one_connection() -> AsyncIterator[RequestConnection]:
    """Run the block's statements on one pooled connection (PostgreSQL; on SQLite there is
    one connection anyway). `release()` may return it before the block ends."""
    held = RequestConnection()
    token = _request_connection.set(held)
    try:
        yield held
    finally:
        _request_connection.reset(token)
        if not held.ended:
            # Returned to the pool even if the request is cancelled meanwhile.
            await asyncio.shield(held.release())


def _held() -> RequestConnection | None:
    held = _request_connection.get()
    return held if held is not None and held.serves() else None


class _OnRequestConnection:
    """`acquire_connection()` inside a request: the request's connection, under its lock."""

    __slots__ = ("client", "fallback", "held")

    def __init__(self, client: AsyncpgDBClient, held: RequestConnection) -> None:
        self.client = client
        self.held = held
        self.fallback: Any = None

    async def __aenter__(self) -> asyncpg.Connection:
        await self.held.lock.acquire()
        try:
            connection = await self.held.take(self.client)
        except BaseException:
            self.held.lock.release()
            raise
        if connection is not None:
            return connection
        # The request ended while this statement waited (a task it left running).
        self.held.lock.release()
        self.fallback = PoolConnectionWrapper(self.client, self.client._pool_init_lock)
        return await self.fallback.__aenter__()

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        if self.fallback is not None:
            await self.fallback.__aexit__(exc_type, exc_val, exc_tb)
        else:
            self.held.lock.release()


class _TransactionOnRequestConnection(TransactionContext):
    """`in_transaction()` inside a request: BEGIN … COMMIT on the request's connection,
    which no other statement of the request uses meanwhile."""

    __slots__ = ("client", "connection_name", "fallback", "held", "parent", "token", "within")

    def __init__(
        self, client: TransactionWrapper, parent: AsyncpgDBClient, held: RequestConnection
    ) -> None:
        self.client = client
        self.parent = parent
        self.held = held
        self.connection_name = client.connection_name
        self.fallback: TransactionContext | None = None

    async def __aenter__(self) -> TransactionalDBClient:
        await self.held.lock.acquire()
        try:
            connection = await self.held.take(self.parent)
            if connection is None:
                self.held.lock.release()
                self.fallback = TransactionContextPooled(self.client, self.parent._pool_init_lock)
                return await self.fallback.__aenter__()
            self.client._connection = connection
            self.within = _transaction_on.set(self.held)
            self.token = connections.set(self.connection_name, self.client)
            try:
                await self.client.begin()
            except BaseException:
                connections.reset(self.token)
                _transaction_on.reset(self.within)
                raise
        except BaseException:
            if self.fallback is None:
                self.held.lock.release()
            raise
        return self.client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        if self.fallback is not None:
            await self.fallback.__aexit__(exc_type, exc_val, exc_tb)
            return
        try:
            if not self.client._finalized:
                if exc_type:
                    # A transaction that already failed cannot be rolled back.
                    if exc_type is not TransactionManagementError:
                        await self.client.rollback()
                else:
                    await self.client.commit()
        finally:
            connections.reset(self.token)
            _transaction_on.reset(self.within)
            self.held.lock.release()


class AsyncpgClient(AsyncpgDBClient):
    """Tortoise's asyncpg client, running a request's statements on the request's
    connection (`one_connection`) and everything else on the pool, as Tortoise does."""

    def acquire_connection(self) -> Any:
        held = _held()
        if held is None:
            return super().acquire_connection()
        return _OnRequestConnection(self, held)

    def _in_transaction(self) -> TransactionContext:
        held = _held()
        if held is None:
            return super()._in_transaction()
        return _TransactionOnRequestConnection(TransactionWrapper(self), self, held)


# Tortoise's engine module contract (`"engine": "services.database"`).
client_class = AsyncpgClient


def _connection(settings: Settings) -> str | dict[str, Any]:
    """Tortoise's connection: on PostgreSQL, this module's client over a pool of
    `DATABASE_POOL_MIN` to `DATABASE_POOL_SIZE` connections (16 by default). A GraphQL
    request holds one from its first statement until its answer starts, so the pool
    bounds the requests querying at once in a process; PostgreSQL's default of 100
    connections leaves room for several processes, the worker and maintenance. `minsize`
    and `maxsize` in the URL's query win."""
    url = settings.database_url
    if not url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return url
    config = expand_db_url(url)
    config["engine"] = __name__
    size = settings.database_pool_size
    config["credentials"].setdefault("minsize", max(0, min(settings.database_pool_min, size)))
    config["credentials"].setdefault("maxsize", size)
    config["credentials"]["reset"] = _keep_session
    return config


def tortoise_config(settings: Settings) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(settings)},
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


# The users of the connections in this process (apps, a worker) that have not let go:
# several apps may share a process (the tests run several servers), and one stopping must
# not close the connections under the others' feet.
_users = 0


async def open_database(settings: Settings) -> None:
    """Connect Tortoise for the whole process (every task sees it)."""
    global _users
    if settings.database_url.startswith("sqlite://"):
        _ensure_sqlite_directory(settings.database_url)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    _users += 1


async def close_database() -> None:
    """Let go of the connections; they close when the last user in the process lets go."""
    global _users
    _users = max(0, _users - 1)
    if not _users:
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
