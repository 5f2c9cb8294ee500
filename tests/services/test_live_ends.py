"""The live hub's timer for grants that end (services/live_ends.py), against the database:
it reports a watched dataset once its grant's end passes, never one whose end moved later,
and at once an end that passed between a subscriber's read and its watch."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from models import ShareGrant
from services.ids import decode_pk
from services.live_ends import EndsTimer
from tests import story
from tests.conftest import Service
from tests.live_client import DEADLINE


def _pk(global_id: str, kind: str) -> int:
    pk = decode_pk(global_id, kind)
    assert pk is not None
    return pk


async def _next(reports: asyncio.Queue[set[int]], timeout: float = DEADLINE) -> set[int]:
    return await asyncio.wait_for(reports.get(), timeout)


async def test_the_timer_reports_ends_as_they_pass(service: Service) -> None:
    ada, bob, carol = await story.people(service, "ada", "bob", "carol")
    ending = await story.create_dataset(service, ada, "Ending", "MSI")
    extended = await story.create_dataset(service, ada, "Extended", "MSI")
    soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    await story.share(service, ada, ending, [bob.email], expiresAt=soon, notify=False)
    moved = (await story.share(service, ada, extended, [carol.email], expiresAt=soon))["grants"][0]

    watched = {_pk(ending, "Dataset"), _pk(extended, "Dataset")}
    reports: asyncio.Queue[set[int]] = asyncio.Queue()
    timer = EndsTimer(lambda: watched, reports.put_nowait)
    timer.start()
    try:
        timer.watch(watched, datetime.now(UTC))
        # One end moves a day later before either passes: only the other is reported.
        later = datetime.now(UTC) + timedelta(days=1)
        await ShareGrant.filter(id=_pk(moved["id"], "ShareGrant")).update(expires_at=later)
        assert await _next(reports, DEADLINE + 1) == {_pk(ending, "Dataset")}
        assert reports.empty()

        # A dataset read before its grant ended, watched only after: reported at once.
        read_at = datetime.now(UTC) - timedelta(minutes=1)
        passed = datetime.now(UTC) - timedelta(seconds=1)
        await ShareGrant.filter(id=_pk(moved["id"], "ShareGrant")).update(expires_at=passed)
        timer.watch([_pk(extended, "Dataset")], read_at)
        assert await _next(reports) == {_pk(extended, "Dataset")}
    finally:
        await timer.stop()
