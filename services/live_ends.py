"""Grants and reviewer links reaching their end while someone watches (SPEC sections 11,
12 and 13).

An end is decided by the clock when a rule is asked (`access.grant_expired`,
`access.link_active`), so no change is committed and nothing is announced when a grant or
a link ends. Each serve process therefore keeps its own timer for its own subscribers: it
sleeps until the next `expires_at` among the grants and unrevoked links of the datasets
its subscribers see or follow, and at that instant hands those datasets to the hub as if
they had changed; the hub then asks `access.py` again for every subscriber, as for any
change (REMOVED, a completed `dataset(id)` stream, the owner's badges and access list).
A link's end changes the owner's card alone (`shareLinks[].active`), so it is handed on
with the owner as the only one concerned; a grant's end concerns everyone.

The timer is re-armed whenever the set of watched datasets or their ends may have
changed: a new subscription (from the moment it read what it sees), and every announced
change (from the moment the hub read the cards again). Ends it learns of that already
passed are handed on at once. A timer that fires for an end since moved or revoked
finds nothing ended and sleeps again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime, timedelta

from models import ShareGrant, ShareLink
from services.clock import now

log = logging.getLogger("datashare.events")

# Ends are read for this many datasets per query.
CHUNK = 500
# Never sleep longer than this: a clock that jumps cannot postpone an end for long.
LONGEST_SLEEP = timedelta(minutes=10)
# Woken this much after an end, so the rules asked at that moment see the grant ended.
GRACE = timedelta(milliseconds=5)
RETRY_SECONDS = 1.0
# Newly watched datasets are read this long after they come, in one query for all that
# came meanwhile, out of the way of the fan-out that follows each change.
GATHER_SECONDS = 0.1


def _as_utc(value: object) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:  # SQLite answers the text form
        moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# What passed, by dataset: None when everyone's card may have changed (a grant ended), or
# the one user whose card alone changed (the owner, when only a link ended).
Ended = dict[int, int | None]


async def ends_of(
    dataset_ids: Collection[int], after: datetime
) -> list[tuple[int, datetime, int | None]]:
    """(dataset, end, concerned) of every grant and unrevoked link of these datasets ending
    after `after`: `concerned` is None for a grant, the dataset's owner for a link."""
    ids = sorted(dataset_ids)
    found: list[tuple[int, datetime, int | None]] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        grants = await ShareGrant.filter(dataset_id__in=chunk, expires_at__gt=after).values_list(
            "dataset_id", "expires_at"
        )
        found += [(int(str(dataset_id)), _as_utc(end), None) for dataset_id, end in grants]
        links = await ShareLink.filter(
            dataset_id__in=chunk, expires_at__gt=after, revoked_at__isnull=True
        ).values_list("dataset_id", "expires_at", "dataset__owner_id")
        found += [
            (int(str(dataset_id)), _as_utc(end), int(str(owner_id)))
            for dataset_id, end, owner_id in links
        ]
    return found


def _add(ended: Ended, dataset_id: int, concerned: int | None) -> None:
    """A grant's end (everyone) outweighs a link's (the owner alone)."""
    if dataset_id in ended and ended[dataset_id] is None:
        return
    ended[dataset_id] = concerned


class EndsTimer:
    """Wakes at the next end among the grants and links of the watched datasets and
    reports the datasets where one ended (`ended`), with who is concerned."""

    def __init__(
        self,
        watched: Callable[[], Collection[int]],
        ended: Callable[[Ended], None],
    ) -> None:
        self.watched = watched
        self.ended = ended
        # Every end up to this instant has been reported for what was watched then.
        self.checked_until = now()
        self.next_end: datetime | None = None
        self._new: dict[int, datetime] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="live-ends")

    async def stop(self) -> None:
        # The flag as well as the cancel: a cancel that lands as an await completes can be
        # lost, and the loop must end all the same.
        self._stopping = True
        self._wake.set()
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def watch(self, dataset_ids: Iterable[int], since: datetime) -> None:
        """These datasets were read (or changed) at `since`: arm for their grants' and
        links' ends after that instant."""
        for dataset_id in dataset_ids:
            earlier = self._new.get(dataset_id)
            self._new[dataset_id] = since if earlier is None else min(earlier, since)
        if self._new:
            self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            try:
                await self._step()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("live events: could not check when grants and links end")
                await asyncio.sleep(RETRY_SECONDS)

    async def _step(self) -> None:
        self._wake.clear()
        if self._new:
            await asyncio.sleep(GATHER_SECONDS)
            await self._arm_new()
        moment = now()
        if self.next_end is not None and self.next_end <= moment:
            await self._fire(moment)
        if self._new:
            return
        timeout = LONGEST_SLEEP
        if self.next_end is not None:
            timeout = min(timeout, self.next_end - now() + GRACE)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(timeout.total_seconds(), 0)):
                await self._wake.wait()

    async def _arm_new(self) -> None:
        """Ends of newly watched datasets: past ones reported now, the next one armed."""
        if not self._new:
            return
        new, self._new = self._new, {}
        watched = self.watched()
        new = {pk: since for pk, since in new.items() if pk in watched}
        if not new:
            return
        moment = now()
        ended: Ended = {}
        for dataset_id, end, concerned in await ends_of(new, min(new.values())):
            if end <= new[dataset_id]:
                continue
            if end <= moment:
                _add(ended, dataset_id, concerned)
            elif self.next_end is None or end < self.next_end:
                self.next_end = end
        if ended:
            self.ended(ended)

    async def _fire(self, moment: datetime) -> None:
        """Report every watched dataset where a grant or link ended since the last check,
        and arm for the next end among them."""
        ends = await ends_of(set(self.watched()), self.checked_until)
        self.checked_until = moment
        ended: Ended = {}
        for dataset_id, end, concerned in ends:
            if end <= moment:
                _add(ended, dataset_id, concerned)
        upcoming = [end for _, end, _ in ends if end > moment]
        self.next_end = min(upcoming) if upcoming else None
        if ended:
            self.ended(ended)
