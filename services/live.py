"""Live subscriptions of one serve process: who follows what, and the fan-out of each
announced change (SPEC section 13).

Subscriptions are indexed by user (`datasetEvents`) and by dataset (what each one
currently sees, and `dataset(id)` followers), so a change reaches only those it may
concern: its owner, its recipients (read after the commit), the users the change named,
and whoever already sees or follows it. Each of them is asked about through
`find_card`/`access.py` for that viewer at that moment before anything is sent.
Every subscription has a bounded queue: a client that does not read is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from models import Session
from services import access, datasets
from services.access import Scope
from services.clock import now
from services.datasets import DatasetCard
from services.events import Message, add_local_receiver, remove_local_receiver
from services.live_ends import Ended, EndsTimer
from services.live_listener import Listener

log = logging.getLogger("datashare.events")

K = TypeVar("K")
V = TypeVar("V")

# Close codes of the graphql-transport-ws connection.
SESSION_ENDED = 4401
TOO_SLOW = 1013  # "try again later": clients reconnect and refetch


class EventKind(StrEnum):
    ADDED = "ADDED"
    CHANGED = "CHANGED"
    REMOVED = "REMOVED"


@dataclass(frozen=True)
class Delivery:
    """One event for one subscriber; `card` is None for REMOVED."""

    kind: EventKind
    dataset_id: int
    card: DatasetCard | None
    at: datetime


CloseConnection = Callable[[int, str], Coroutine[Any, Any, None]]


class LiveConnection:
    """One WebSocket connection: its viewer, its session and how to close it."""

    __slots__ = ("close", "closing", "session_id", "user_id")

    def __init__(self, user_id: int | None, session_id: int | None, close: CloseConnection):
        self.user_id = user_id
        self.session_id = session_id
        self.close = close
        self.closing = False

    def drop(self, code: int, reason: str) -> None:
        if not self.closing:
            self.closing = True
            asyncio.get_running_loop().create_task(self.close(code, reason))


class Subscription:
    """One `datasetEvents` (follows None) or `dataset(id)` (follows that id) stream."""

    __slots__ = ("connection", "follows", "queue", "visible")

    def __init__(self, connection: LiveConnection, follows: int | None, queue_size: int):
        self.connection = connection
        self.follows = follows
        self.queue: asyncio.Queue[Delivery] = asyncio.Queue(queue_size)
        # The datasets this `datasetEvents` stream has shown as visible.
        self.visible: set[int] = set()

    @property
    def user_id(self) -> int | None:
        return self.connection.user_id

    def offer(self, delivery: Delivery) -> None:
        try:
            self.queue.put_nowait(delivery)
        except asyncio.QueueFull:
            self.connection.drop(TOO_SLOW, "Too slow: events were not read")

    def consider(self, dataset_id: int, card: DatasetCard | None, at: datetime) -> bool:
        """Queue what this change means to this subscriber; True if it now sees the dataset."""
        if self.follows is not None:
            kind = EventKind.CHANGED if card else EventKind.REMOVED
            self.offer(Delivery(kind, dataset_id, card, at))
            return card is not None
        shown = card is not None and access.in_scope(
            Scope.MINE, self.user_id, card.facts, card.viewer_grant
        )
        if shown:
            kind = EventKind.CHANGED if dataset_id in self.visible else EventKind.ADDED
            self.visible.add(dataset_id)
            self.offer(Delivery(kind, dataset_id, card, at))
        elif dataset_id in self.visible:
            self.visible.discard(dataset_id)
            self.offer(Delivery(EventKind.REMOVED, dataset_id, None, at))
        return shown

    async def deliveries(self) -> AsyncIterator[Delivery]:
        """The events in order; a `dataset(id)` stream ends after its REMOVED."""
        while True:
            delivery = await self.queue.get()
            yield delivery
            if self.follows is not None and delivery.kind is EventKind.REMOVED:
                return


class LiveHub:
    """The subscriptions of one process, fed by the listener (PostgreSQL) or by commits
    of this process (SQLite)."""

    def __init__(self, database_url: str, queue_size: int) -> None:
        self.queue_size = queue_size
        self.by_user: dict[int, set[Subscription]] = defaultdict(set)
        self.by_dataset: dict[int, set[Subscription]] = defaultdict(set)
        self.connections: dict[int, set[LiveConnection]] = defaultdict(set)
        self.inbox: asyncio.Queue[Message] = asyncio.Queue()
        postgres = not database_url.startswith("sqlite")
        self.listener = Listener(database_url, self.inbox.put_nowait) if postgres else None
        # Grants and links that end while someone here sees their dataset
        # (`services.live_ends`).
        self.ends = EndsTimer(self.by_dataset.keys, self._ends_passed)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self.listener:
            self.listener.start()
            # Serve once listening, so that no change of the first moments is missed.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.listener.listening.wait(), 10)
        else:
            add_local_receiver(self.inbox.put_nowait)
        self._task = asyncio.create_task(self._consume(), name="live-fan-out")
        self.ends.start()

    async def stop(self) -> None:
        remove_local_receiver(self.inbox.put_nowait)
        await self.ends.stop()
        if self.listener:
            await self.listener.stop()
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @property
    def subscription_count(self) -> int:
        follows = {s for subs in self.by_dataset.values() for s in subs if s.follows is not None}
        return sum(len(subs) for subs in self.by_user.values()) + len(follows)

    # --- connections -------------------------------------------------------------------

    def connect(
        self, user_id: int | None, session_id: int | None, close: CloseConnection
    ) -> LiveConnection:
        connection = LiveConnection(user_id, session_id, close)
        if user_id is not None:
            self.connections[user_id].add(connection)
        return connection

    def disconnect(self, connection: LiveConnection) -> None:
        if connection.user_id is not None:
            _discard(self.connections, connection.user_id, connection)

    # --- subscriptions -----------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def dataset_events(self, connection: LiveConnection) -> AsyncIterator[Subscription]:
        """A `datasetEvents` stream of a signed-in viewer, registered while open."""
        assert connection.user_id is not None
        subscription = Subscription(connection, None, self.queue_size)
        self.by_user[connection.user_id].add(subscription)
        try:
            since = now()
            seen = await datasets.dataset_ids_in_scope(connection.user_id, Scope.MINE)
            # A change that arrived while this was read was already considered.
            subscription.visible |= seen
            for dataset_id in subscription.visible:
                self.by_dataset[dataset_id].add(subscription)
            self.ends.watch(subscription.visible, since)
            yield subscription
        finally:
            _discard(self.by_user, connection.user_id, subscription)
            for dataset_id in subscription.visible:
                _discard(self.by_dataset, dataset_id, subscription)

    @contextlib.asynccontextmanager
    async def follow(
        self, connection: LiveConnection, dataset_id: int
    ) -> AsyncIterator[tuple[Subscription, DatasetCard | None]]:
        """A `dataset(id)` stream with the dataset as the viewer sees it now (None: the
        stream is over before it began)."""
        subscription = Subscription(connection, dataset_id, self.queue_size)
        self.by_dataset[dataset_id].add(subscription)
        try:
            since = now()
            card = await datasets.find_card(connection.user_id, dataset_id)
            if card is not None:
                self.ends.watch([dataset_id], since)
            yield subscription, card
        finally:
            _discard(self.by_dataset, dataset_id, subscription)

    # --- fan-out -----------------------------------------------------------------------

    async def _consume(self) -> None:
        while True:
            message = await self.inbox.get()
            try:
                await self.dispatch(message)
            except Exception:
                log.exception("live events: a message could not be delivered")

    def _ends_passed(self, ended: Ended) -> None:
        """Grants or links of these datasets reached their end: reconsider them like a
        change, a link's for its owner alone (`shareLinks` is on the owner's card only)."""
        for_owner: dict[int, list[int]] = defaultdict(list)
        for_everyone: list[int] = []
        for dataset_id, concerned in sorted(ended.items()):
            if concerned is None:
                for_everyone.append(dataset_id)
            else:
                for_owner[concerned].append(dataset_id)
        if for_everyone:
            self.inbox.put_nowait(Message(dataset_ids=tuple(for_everyone)))
        for owner_id, dataset_ids in for_owner.items():
            self.inbox.put_nowait(
                Message(dataset_ids=tuple(dataset_ids), user_ids=(owner_id,), only_users=True)
            )

    async def dispatch(self, message: Message) -> None:
        if message.resync:
            await self._resync()
        since = now()
        for dataset_id in message.dataset_ids:
            await self._changed(dataset_id, message.user_ids, message.only_users)
        # The grants may have changed: arm for their ends from when they were read.
        self.ends.watch(message.dataset_ids, since)
        if message.session_user_id is not None:
            await self._sessions_ended(message.session_user_id)

    async def _changed(
        self, dataset_id: int, hinted: tuple[int, ...], only_users: bool = False
    ) -> None:
        if only_users:
            # Only these users' access changed: their subscriptions alone are asked.
            concerned = set(hinted)
            subscribers = {s for s in self.by_dataset.get(dataset_id, ()) if s.user_id in concerned}
        else:
            concerned = (await datasets.people_of(dataset_id)).union(hinted)
            subscribers = set(self.by_dataset.get(dataset_id, ()))
        for user_id in concerned:
            subscribers.update(self.by_user.get(user_id, ()))
        if not subscribers:
            return
        viewers = {s.user_id for s in subscribers if not s.connection.closing}
        cards = dict(
            zip(
                viewers,
                await asyncio.gather(*(datasets.find_card(v, dataset_id) for v in viewers)),
                strict=True,
            )
        )
        at = now()
        for subscriber in subscribers:
            if subscriber.connection.closing or subscriber.user_id not in cards:
                continue
            if subscriber.consider(dataset_id, cards[subscriber.user_id], at):
                self.by_dataset[dataset_id].add(subscriber)
            else:
                _discard(self.by_dataset, dataset_id, subscriber)

    async def _sessions_ended(self, user_id: int) -> None:
        for connection in list(self.connections.get(user_id, ())):
            if connection.session_id is None:
                continue
            if not await Session.filter(id=connection.session_id).exists():
                connection.drop(SESSION_ENDED, "Session ended")

    async def _resync(self) -> None:
        """After messages may have been lost: reconsider every dataset anyone sees or
        follows, and every dataset each `datasetEvents` viewer now sees."""
        since = now()
        dataset_ids = set(self.by_dataset)
        for user_id in list(self.by_user):
            dataset_ids |= await datasets.dataset_ids_in_scope(user_id, Scope.MINE)
        for dataset_id in dataset_ids:
            await self._changed(dataset_id, ())
        self.ends.watch(dataset_ids, since)


def _discard(index: dict[K, set[V]], key: K, value: V) -> None:
    members = index.get(key)
    if members is not None:
        members.discard(value)
        if not members:
            del index[key]
