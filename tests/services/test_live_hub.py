"""The live hub's bounded queues: a subscriber that does not read is dropped, never
buffered without bound, and the others are not held up."""

from __future__ import annotations

import asyncio

from services.clock import now
from services.live import (
    TOO_SLOW,
    CloseConnection,
    Delivery,
    EventKind,
    LiveConnection,
    Subscription,
)


async def test_a_client_that_does_not_read_is_dropped_and_others_still_receive() -> None:
    closed: list[tuple[str, int]] = []

    def closer(name: str) -> CloseConnection:
        async def close(code: int, reason: str) -> None:
            closed.append((name, code))

        return close

    slow = Subscription(LiveConnection(1, 1, closer("slow")), None, queue_size=2)
    quick = Subscription(LiveConnection(2, 2, closer("quick")), None, queue_size=2)
    for number in range(5):
        delivery = Delivery(EventKind.CHANGED, number, None, now())
        slow.offer(delivery)
        quick.offer(delivery)
        await quick.queue.get()

    assert slow.queue.qsize() == 2  # bounded: the rest was not kept
    assert slow.connection.closing and not quick.connection.closing
    # The close runs as its own task, once, whatever more was offered.
    for _ in range(3):
        await asyncio.sleep(0)
    assert closed == [("slow", TOO_SLOW)]
