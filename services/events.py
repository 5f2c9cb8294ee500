"""Announcing changes to live subscribers (SPEC section 13): published in the transaction
of the change, delivered after it commits.

A change calls `publish(conn, dataset_id)` (or `publish_session_ended`) with the
connection of its transaction. The message carries ids only; whoever receives it asks
the database and `access.py` again before telling anyone anything.

- PostgreSQL: `pg_notify` in the same transaction, so a rolled-back change announces
  nothing and a committed one reaches every serve process, each listening on one
  connection of its own (`services.live_listener`).
- SQLite (one process): the message waits on the transaction and goes to this process's
  hubs when the transaction commits; a rollback drops it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import orjson
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient

log = logging.getLogger("datashare.events")

CHANNEL = "datashare_events"
# pg_notify takes at most 8,000 bytes; past this many ids the receivers work out the
# audience themselves (the owner, the recipients and who follows the dataset).
MAX_HINTED_USERS = 500
# And past this many datasets a change is announced in several messages.
MAX_DATASETS_PER_MESSAGE = 300


@dataclass(frozen=True)
class Message:
    """What one change announces: ids only."""

    dataset_ids: tuple[int, ...] = ()
    # Users the change may concern beyond the dataset's owner, its recipients and its
    # followers (e.g. a team's members; a revoked recipient is followed already).
    user_ids: tuple[int, ...] = ()
    # The change concerns only `user_ids` (e.g. one member joining or leaving a team):
    # nobody else's card of these datasets changed.
    only_users: bool = False
    # A user some of whose sessions ended (log-out, password reset).
    session_user_id: int | None = None
    # Not sent by changes: the listener lost messages and every subscriber must refetch.
    resync: bool = False

    def encode(self) -> str:
        body: dict[str, object] = {}
        if self.dataset_ids:
            body["d"] = list(self.dataset_ids)
        if self.user_ids:
            body["u"] = list(self.user_ids)
        if self.only_users:
            body["o"] = 1
        if self.session_user_id is not None:
            body["s"] = self.session_user_id
        return orjson.dumps(body).decode()

    @classmethod
    def decode(cls, text: str) -> Message | None:
        try:
            body = orjson.loads(text)
            return cls(
                dataset_ids=tuple(int(i) for i in body.get("d", ())),
                user_ids=tuple(int(i) for i in body.get("u", ())),
                only_users=bool(body.get("o")),
                session_user_id=int(body["s"]) if body.get("s") is not None else None,
            )
        except (orjson.JSONDecodeError, TypeError, ValueError, AttributeError):
            log.warning("ignored a malformed event: %.200s", text)
            return None


RESYNC = Message(resync=True)

# The in-memory receivers of this process (SQLite), each a hub's inbox.
Receiver = Callable[[Message], None]
_local_receivers: set[Receiver] = set()


def add_local_receiver(receiver: Receiver) -> None:
    _local_receivers.add(receiver)


def remove_local_receiver(receiver: Receiver) -> None:
    _local_receivers.discard(receiver)


def _deliver_locally(messages: Iterable[Message]) -> None:
    for message in messages:
        for receiver in list(_local_receivers):
            receiver(message)


def _outermost(conn: BaseDBAsyncClient) -> BaseDBAsyncClient:
    """The transaction that commits: a savepoint's wrapper has its transaction as parent."""
    while isinstance(getattr(conn, "_parent", None), TransactionalDBClient):
        conn = conn._parent  # type: ignore[attr-defined]
    return conn


_PENDING = "_datashare_pending_events"


def _after_commit(conn: BaseDBAsyncClient, message: Message) -> None:
    """Hold `message` until `conn`'s transaction commits; drop it on a rollback."""
    transaction = _outermost(conn)
    if not isinstance(transaction, TransactionalDBClient):
        # Autocommit: the change is already committed.
        asyncio.get_running_loop().call_soon(_deliver_locally, [message])
        return
    pending: list[Message] | None = getattr(transaction, _PENDING, None)
    if pending is None:
        pending = []
        setattr(transaction, _PENDING, pending)
        commit = transaction.commit

        async def commit_then_deliver() -> None:
            await commit()
            _deliver_locally(pending)

        transaction.commit = commit_then_deliver  # type: ignore[method-assign]
    pending.append(message)


async def _send(conn: BaseDBAsyncClient, message: Message) -> None:
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query("SELECT pg_notify($1, $2)", [CHANNEL, message.encode()])
    else:
        _after_commit(conn, message)


async def publish(
    conn: BaseDBAsyncClient | None,
    *dataset_ids: int,
    users: Iterable[int] = (),
    only_users: bool = False,
) -> None:
    """Announce that these datasets changed (their card, their access, or themselves
    gone), from inside the transaction `conn` of the change.

    `users`: who may be concerned beyond the owner, the recipients and the followers.
    `only_users`: the change concerns those users alone (their access, not the card that
    others see); with no users it concerns nobody.
    """
    hinted = tuple(sorted(set(users)))
    if not dataset_ids or (only_users and not hinted):
        return
    if len(hinted) > MAX_HINTED_USERS:
        # Too many to name: the receivers work out the whole audience.
        hinted, only_users = (), False
    ids = tuple(dict.fromkeys(dataset_ids))
    for start in range(0, len(ids), MAX_DATASETS_PER_MESSAGE):
        chunk = ids[start : start + MAX_DATASETS_PER_MESSAGE]
        await _send(conn or connections.get("default"), Message(chunk, hinted, only_users))


async def publish_session_ended(conn: BaseDBAsyncClient | None, user_id: int) -> None:
    """Announce that sessions of this user ended: their live connections whose session is
    gone are closed."""
    await _send(conn or connections.get("default"), Message(session_user_id=user_id))
