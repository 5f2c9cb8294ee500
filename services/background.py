"""The worker: email delivery and housekeeping, run by `python main.py worker` on its own
and by `serve` in-process (unless `EMAIL_WORKER=off`)."""

from __future__ import annotations

import asyncio
import logging
import signal

from services import database, storage
from services.housekeeping.schedule import HousekeepingWorker
from services.notifications.worker import EmailWorker
from services.settings import Settings

log = logging.getLogger("datashare.worker")


class Worker:
    """Both halves, started and stopped together."""

    def __init__(self, settings: Settings) -> None:
        self.email = EmailWorker(settings)
        self.housekeeping = HousekeepingWorker(settings)

    def start(self) -> None:
        self.email.start()
        self.housekeeping.start()

    async def stop(self) -> None:
        await asyncio.gather(self.email.stop(), self.housekeeping.stop())

    @classmethod
    async def run_standalone(cls, settings: Settings) -> None:
        """`python main.py worker`: own database connection, stops on SIGINT/SIGTERM."""
        await database.open_database(settings)
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stopping.set)
        worker = cls(settings)
        try:
            worker.start()
            log.info(
                "email worker started; housekeeping in %.0f s, then hourly",
                worker.housekeeping.first_run,
            )
            await stopping.wait()
            await worker.stop()
        finally:
            await storage.close_backends()
            await database.close_database()
            log.info("email worker stopped")
