"""When housekeeping runs: within a minute of a worker starting, then hourly; each job in
batches, each job's run logged with what it removed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from dataclasses import dataclass

from services.clock import now
from services.housekeeping.registry import Job, registered_jobs
from services.metrics import HOUSEKEEPING_REMOVED
from services.settings import Settings

log = logging.getLogger("datashare.housekeeping")

BATCH = 500
# A job stops after this many batches in one run and goes on at the next: a backlog is
# worked off over a few hours instead of keeping the database busy at once.
MAX_BATCHES = 100
# The first run comes at a random moment in this window after a worker starts, so workers
# started together do not all purge at once.
FIRST_RUN_SECONDS = (10.0, 50.0)
INTERVAL_SECONDS = 3600.0


@dataclass(frozen=True)
class JobReport:
    job: str
    removed: int
    batches: int
    failed: bool


async def run_job(job: Job, settings: Settings, *, batch: int = BATCH) -> JobReport:
    """Run one job until a batch comes back short (or `MAX_BATCHES`); log what it removed."""
    moment = now()
    started = time.perf_counter()
    removed = batches = 0
    failed = False
    try:
        while batches < MAX_BATCHES:
            count = await job.purge(settings, moment, batch)
            batches += 1
            removed += count
            if count < batch:
                break
    except Exception:
        failed = True
        log.exception("housekeeping %s failed after removing %d", job.name, removed)
    if removed:
        HOUSEKEEPING_REMOVED.labels(job=job.name).inc(removed)
    milliseconds = round((time.perf_counter() - started) * 1000, 1)
    log.info(
        "housekeeping %s: removed %d in %d batch(es), %.1f ms%s",
        job.name,
        removed,
        batches,
        milliseconds,
        " (failed)" if failed else "",
        extra={
            "fields": {
                "job": job.name,
                "removed": removed,
                "batches": batches,
                "duration_ms": milliseconds,
                "failed": failed,
            }
        },
    )
    return JobReport(job.name, removed, batches, failed)


async def run_housekeeping(settings: Settings, *, batch: int = BATCH) -> list[JobReport]:
    """Every registered job once; one failing does not keep the others from running."""
    return [await run_job(job, settings, batch=batch) for job in registered_jobs()]


class HousekeepingWorker:
    """Runs housekeeping on its schedule until stopped, beside the email worker."""

    def __init__(
        self,
        settings: Settings,
        *,
        first_run: float | None = None,
        interval: float = INTERVAL_SECONDS,
    ) -> None:
        self.settings = settings
        self.first_run = random.uniform(*FIRST_RUN_SECONDS) if first_run is None else first_run
        self.interval = interval
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="housekeeping")

    async def stop(self) -> None:
        """At once, even mid-run: a batch cut short rolls back, and the next run redoes it."""
        self._stopping.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def run(self) -> None:
        delay = self.first_run
        while not await self._stopped_within(delay):
            await run_housekeeping(self.settings)
            delay = self.interval

    async def _stopped_within(self, seconds: float) -> bool:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)
        return self._stopping.is_set()
