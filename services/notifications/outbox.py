"""The outbox: emails written in the same transaction as the change that causes them."""

from __future__ import annotations

import asyncio

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from models import OutboxStatus
from services.clock import now
from services.notifications.email import Email

# In-process workers wait on these; a wake-up only hastens the next poll.
_waiting: set[asyncio.Event] = set()


def subscribe() -> asyncio.Event:
    event = asyncio.Event()
    _waiting.add(event)
    return event


def unsubscribe(event: asyncio.Event) -> None:
    _waiting.discard(event)


def _wake_workers() -> None:
    for event in _waiting:
        event.set()


async def enqueue(email: Email, to: str, using_db: BaseDBAsyncClient | None = None) -> None:
    """Queue one email to one recipient, inside the caller's transaction."""
    await enqueue_many([(email, to)], using_db=using_db)


# The columns a new message sets; the rest keep their database-side emptiness (null).
_NEW_MESSAGE = (
    "kind",
    "to_address",
    "subject",
    "text_body",
    "html_body",
    "status",
    "attempts",
    "next_attempt_at",
    "last_error",
    "created_at",
)


async def enqueue_many(
    emails: list[tuple[Email, str]], using_db: BaseDBAsyncClient | None = None
) -> None:
    """Queue several emails in one statement, inside the caller's transaction.

    A share with fifty addresses queues fifty messages: they are written as plain rows
    (no model object each), since nothing reads them back here.
    """
    if not emails:
        return
    connection = using_db or connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    moment = now()
    # SQLite keeps Tortoise's text form of a datetime, which is str(datetime).
    at = moment if postgres else str(moment)
    placeholders = ", ".join(f"${n}" if postgres else "?" for n in range(1, len(_NEW_MESSAGE) + 1))
    sql = f"INSERT INTO outbox_messages ({', '.join(_NEW_MESSAGE)}) VALUES ({placeholders})"
    pending = OutboxStatus.PENDING.value
    rows = [
        [email.kind, to, email.subject, email.text, email.html, pending, 0, at, "", at]
        for email, to in emails
    ]
    await connection.execute_many(sql, rows)
    _wake_workers()
