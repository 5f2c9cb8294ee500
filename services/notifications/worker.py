"""The email worker: claims due outbox messages, delivers them, records each outcome.

A claim is a lease (`locked_until`, status sending, `attempts` bumped) committed on its
own: on PostgreSQL one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`, so
several workers never claim the same message; on SQLite a conditional UPDATE per row.
Right before each send the worker renews the lease if the claim is still its own (the
same `attempts`), so a slow batch never sends a message someone else took over. A worker
that dies mid-send leaves its messages to be claimed again once the lease lapses. A
message the SMTP server accepted is recorded as sent at once, before the worker does
anything else, so it is not sent again.

Every `REMINDER_CHECK_SECONDS` a round also queues the reminders of grants about to end
(`expiry_reminders`) and records the ends that have passed in their datasets' activity
(`services.activity`), each safe with several workers in the same way."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from tortoise import connections
from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet

from models import OutboxMessage, OutboxStatus
from services import activity, database
from services.clock import now
from services.notifications import outbox
from services.notifications.delivery import Courier, Outcome
from services.notifications.expiry_reminders import queue_all_expiry_reminders
from services.settings import Settings

log = logging.getLogger("datashare.email")

BATCH = 20
POLL_SECONDS = 0.5
MAX_DELAY = timedelta(hours=1)
GIVE_UP_AFTER = timedelta(days=1)


def retry_delay(settings: Settings, attempts: int) -> timedelta:
    """`EMAIL_RETRY_SECONDS`, doubling with each attempt, up to an hour."""
    seconds = settings.email_retry_seconds * 2 ** max(0, attempts - 1)
    return min(timedelta(seconds=seconds), MAX_DELAY)


_CLAIM_SKIP_LOCKED = """
UPDATE outbox_messages SET status = 'sending', locked_until = $1, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM outbox_messages
    WHERE (status = 'pending' AND next_attempt_at <= $2)
       OR (status = 'sending' AND locked_until < $2)
    ORDER BY id LIMIT $3
    FOR UPDATE SKIP LOCKED
)
RETURNING id
"""


def due(moment: datetime) -> Q:
    """Pending and due, or claimed by a worker whose lease has lapsed (it died mid-send)."""
    return Q(status=OutboxStatus.PENDING, next_attempt_at__lte=moment) | Q(
        status=OutboxStatus.SENDING, locked_until__lt=moment
    )


async def claim_due(settings: Settings, limit: int = BATCH) -> list[OutboxMessage]:
    """Lease up to `limit` due messages to this worker; no other worker gets them."""
    moment = now()
    locked_until = moment + timedelta(seconds=settings.email_lease_seconds)
    if database.is_postgres():
        # One statement: rows another worker is claiming are skipped, not waited for.
        rows = await connections.get("default").execute_query_dict(
            _CLAIM_SKIP_LOCKED, [locked_until, moment, limit]
        )
        ids = [row["id"] for row in rows]
    else:
        # SQLite has no row locks: a conditional UPDATE per candidate is atomic, and only
        # the worker whose UPDATE changed the row owns it.
        candidates = await (
            OutboxMessage.filter(due(moment))
            .order_by("id")
            .limit(limit)
            .values_list("id", flat=True)
        )
        ids = [
            pk
            for pk in candidates
            if await OutboxMessage.filter(due(moment), id=pk).update(
                status=OutboxStatus.SENDING, locked_until=locked_until, attempts=F("attempts") + 1
            )
            == 1
        ]
    if not ids:
        return []
    return await OutboxMessage.filter(id__in=ids).order_by("id")


_SCRUBBED = {"text_body": "", "html_body": ""}


def _still_ours(message: OutboxMessage) -> QuerySet[OutboxMessage]:
    """The row while this worker's claim holds: a later claim bumped `attempts`."""
    return OutboxMessage.filter(
        id=message.id, status=OutboxStatus.SENDING, attempts=message.attempts
    )


async def renew_lease(message: OutboxMessage, settings: Settings) -> bool:
    """Right before sending: still ours? Then the lease restarts for this one send.

    A batch may take longer than one lease; a message whose lease lapsed meanwhile may
    have been claimed (or even sent) by another worker, and is skipped here.
    """
    lease = timedelta(seconds=settings.email_lease_seconds)
    return await _still_ours(message).update(locked_until=now() + lease) == 1


async def record(message: OutboxMessage, outcome: Outcome, error: str, settings: Settings) -> None:
    moment = now()
    if outcome is Outcome.SENT:
        # Unconditionally: whoever holds the row now must not send it again. The bodies
        # go: they carry one-time links, and tokens are kept only as hashes.
        await OutboxMessage.filter(id=message.id).update(
            status=OutboxStatus.SENT, sent_at=moment, locked_until=None, **_SCRUBBED
        )
        return
    if outcome is Outcome.TEMPORARY and moment - message.created_at < GIVE_UP_AFTER:
        log.warning("email %s to %s: will retry (%s)", message.id, message.to_address, error)
        await _still_ours(message).update(
            status=OutboxStatus.PENDING,
            next_attempt_at=moment + retry_delay(settings, message.attempts),
            locked_until=None,
            last_error=error,
        )
        return
    log.error("email %s to %s: given up (%s)", message.id, message.to_address, error)
    await _still_ours(message).update(
        status=OutboxStatus.FAILED, locked_until=None, last_error=error, **_SCRUBBED
    )


async def deliver_due(settings: Settings, courier: Courier) -> int:
    """One round: claim what is due, deliver it; returns how many were claimed."""
    claimed = await claim_due(settings)
    for message in claimed:
        if not await renew_lease(message, settings):
            continue
        outcome, error = await courier.deliver(message)
        await record(message, outcome, error, settings)
    return len(claimed)


class EmailWorker:
    """Runs delivery rounds until stopped; in-process (serve) or on its own (worker)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._next_reminders = 0.0

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="email-worker")

    async def stop(self) -> None:
        self._stopping.set()
        if self._task is not None:
            await self._task

    async def _remind_when_due(self, loop: asyncio.AbstractEventLoop) -> None:
        """Every `REMINDER_CHECK_SECONDS`, queue the reminders of grants about to end."""
        if loop.time() < self._next_reminders:
            return
        self._next_reminders = loop.time() + self.settings.reminder_check_seconds
        try:
            await queue_all_expiry_reminders(self.settings)
        except Exception:
            log.exception("queueing expiry reminders failed; trying again later")
        try:
            # Ends that have passed go into their datasets' activity, each once.
            await activity.record_all_expiries()
        except Exception:
            log.exception("recording the ends of grants failed; trying again later")

    async def run(self) -> None:
        wake = outbox.subscribe()
        courier = Courier(self.settings)
        loop = asyncio.get_running_loop()
        try:
            while not self._stopping.is_set():
                # Cleared before the round: a wake-up during it (mail enqueued in a
                # transaction not yet committed) makes the next round come at once.
                wake.clear()
                await self._remind_when_due(loop)
                try:
                    busy = await deliver_due(self.settings, courier)
                except Exception:
                    log.exception("email worker round failed; trying again shortly")
                    busy = 0
                if busy:
                    continue
                await courier.close()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wait(wake), POLL_SECONDS)
        finally:
            outbox.unsubscribe(wake)
            await courier.close()

    async def _wait(self, wake: asyncio.Event) -> None:
        stopping = asyncio.create_task(self._stopping.wait())
        woken = asyncio.create_task(wake.wait())
        try:
            await asyncio.wait({stopping, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
            woken.cancel()
