"""The live hub's timer for grants and links that end (services/live_ends.py), against the
database: it reports a watched dataset once its grant's or link's end passes, never one
whose end moved later or whose link was revoked, and at once an end that passed between a
subscriber's read and its watch; a link's end concerns the owner alone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from models import ShareGrant
from services.ids import decode_pk
from services.live_ends import Ended, EndsTimer
from tests import story
from tests.conftest import Service
from tests.live_client import DEADLINE


def _pk(global_id: str, kind: str) -> int:
    pk = decode_pk(global_id, kind)
    assert pk is not None
    return pk


async def _next(reports: asyncio.Queue[Ended], timeout: float = DEADLINE) -> Ended:
    return await asyncio.wait_for(reports.get(), timeout)


async def test_the_timer_reports_ends_as_they_pass(service: Service) -> None:
    ada, bob, carol = await story.people(service, "ada", "bob", "carol")
    ending = await story.create_dataset(service, ada, "Ending", "MSI")
    extended = await story.create_dataset(service, ada, "Extended", "MSI")
    soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    await story.share(service, ada, ending, [bob.email], expiresAt=soon, notify=False)
    moved = (await story.share(service, ada, extended, [carol.email], expiresAt=soon))["grants"][0]

    watched = {_pk(ending, "Dataset"), _pk(extended, "Dataset")}
    reports: asyncio.Queue[Ended] = asyncio.Queue()
    timer = EndsTimer(lambda: watched, reports.put_nowait)
    timer.start()
    try:
        timer.watch(watched, datetime.now(UTC))
        # One end moves a day later before either passes: only the other is reported.
        later = datetime.now(UTC) + timedelta(days=1)
        await ShareGrant.filter(id=_pk(moved["id"], "ShareGrant")).update(expires_at=later)
        assert await _next(reports, DEADLINE + 1) == {_pk(ending, "Dataset"): None}
        assert reports.empty()

        # A dataset read before its grant ended, watched only after: reported at once.
        read_at = datetime.now(UTC) - timedelta(minutes=1)
        passed = datetime.now(UTC) - timedelta(seconds=1)
        await ShareGrant.filter(id=_pk(moved["id"], "ShareGrant")).update(expires_at=passed)
        timer.watch([_pk(extended, "Dataset")], read_at)
        assert await _next(reports) == {_pk(extended, "Dataset"): None}
    finally:
        await timer.stop()


async def test_a_link_end_is_reported_for_the_owner_alone(service: Service) -> None:
    ada, bob = await story.people(service, "ada", "bob")
    read_at = datetime.now(UTC)
    linked = await story.create_dataset(service, ada, "Linked", "MSI")
    revoked = await story.create_dataset(service, ada, "Revoked", "MSI")
    both = await story.create_dataset(service, ada, "Both", "MSI")
    # One end for all: whether the timer sees it coming or already passed, one report.
    soon = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    made = {
        d: await story.create_link(service, ada, d, expiresAt=soon) for d in (linked, revoked, both)
    }
    assert [m["errors"] for m in made.values()] == [[], [], []]
    assert (await story.revoke_link(service, ada, made[revoked]["shareLink"]["id"]))["errors"] == []
    shared = await story.share(service, ada, both, [bob.email], expiresAt=soon, notify=False)
    assert shared["errors"] == []

    watched = {_pk(linked, "Dataset"), _pk(revoked, "Dataset"), _pk(both, "Dataset")}
    reports: asyncio.Queue[Ended] = asyncio.Queue()
    timer = EndsTimer(lambda: watched, reports.put_nowait)
    timer.start()
    try:
        timer.watch(watched, read_at)
        # The link alone concerns its owner; a grant ending with it concerns everyone; a
        # revoked link has no end to report.
        assert await _next(reports, DEADLINE + 2) == {
            _pk(linked, "Dataset"): _pk(ada.id, "User"),
            _pk(both, "Dataset"): None,
        }
        assert reports.empty()
    finally:
        await timer.stop()
