"""The outbox: emails written in the same transaction as the change that causes them."""

from __future__ import annotations

import asyncio

from tortoise.backends.base.client import BaseDBAsyncClient

from models import OutboxMessage
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


def _row(email: Email, to: str) -> OutboxMessage:
    return OutboxMessage(
        kind=email.kind,
        to_address=to,
        subject=email.subject,
        text_body=email.text,
        html_body=email.html,
        next_attempt_at=now(),
    )


async def enqueue(email: Email, to: str, using_db: BaseDBAsyncClient | None = None) -> None:
    """Queue one email to one recipient, inside the caller's transaction."""
    await enqueue_many([(email, to)], using_db=using_db)


async def enqueue_many(
    emails: list[tuple[Email, str]], using_db: BaseDBAsyncClient | None = None
) -> None:
    """Queue several emails in one statement, inside the caller's transaction."""
    if not emails:
        return
    await OutboxMessage.bulk_create([_row(email, to) for email, to in emails], using_db=using_db)
    _wake_workers()
