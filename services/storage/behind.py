"""Blocking work on streamed bytes (writing a file, hashing) done in a worker thread while
the event loop receives the next bytes. The thread, once started, takes whatever is
pending, again and again, until nothing is: it never waits for the loop to hand bytes
over. The loop starts it once at least `BATCH` is pending, and waits for it only when
`WAITING` bytes are pending while it works, so a thread that is late for a moment (a
disk write, a wake-up) does not stop the loop from receiving. Memory stays within about
`WAITING` twice over, whatever the size of the stream. Bytes go over as the blocks that
arrived (never joined into one: that would copy every byte once more), in order."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import anyio
import anyio.to_thread

# Small enough that a batch is still in the processor's cache when the thread reads it
# (measured: 512 KiB costs less CPU per GiB than 1 MiB, and 4 MiB nearly twice as much).
BATCH = 512 * 1024
WAITING = 4 * BATCH


class WriteBehind:
    def __init__(
        self, work: Callable[[list[bytes]], object], batch: int = BATCH, waiting: int = WAITING
    ) -> None:
        self.work = work
        self.batch = batch
        self.waiting = max(waiting, batch)
        # Shared with the thread: it takes what is pending until nothing is.
        self.lock = threading.Lock()
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.stopped = False
        self.running: asyncio.Future[None] | None = None
        self.error: BaseException | None = None

    @property
    def unflushed(self) -> int:
        return self.pending_size

    async def add(self, block: bytes) -> None:
        with self.lock:
            self.pending.append(block)
            self.pending_size += len(block)
            size = self.pending_size
        if self.running is None or self.running.done():
            if size >= self.batch:
                await self._start()
        elif size >= self.waiting:
            await self._start()

    async def _start(self) -> None:
        await self.settle()
        self.running = asyncio.ensure_future(anyio.to_thread.run_sync(self._run))

    def _run(self) -> None:
        """In the thread: the work on what is pending, again and again, until nothing is
        (what arrives while it works is taken next, without waiting for the loop)."""
        while True:
            with self.lock:
                if self.stopped or not self.pending:
                    return
                blocks = self.pending
                self.pending, self.pending_size = [], 0
            self.work(blocks)

    async def settle(self) -> None:
        """Wait for the work in flight. Work that failed fails every later call: the work
        after it must not be taken for done."""
        running, self.running = self.running, None
        if running is not None:
            try:
                await running
            except Exception as error:
                self.error = error
                raise
        if self.error is not None:
            raise self.error

    async def drain(self) -> None:
        """Do the work on every byte added so far."""
        await self.settle()
        while self.pending:
            await self._start()
            await self.settle()

    async def abandon(self) -> None:
        """Let the work in flight end (it may not be interrupted), dropping the rest."""
        with self.lock:
            self.stopped = True
            self.pending, self.pending_size = [], 0
        running, self.running = self.running, None
        if running is not None:
            with anyio.CancelScope(shield=True):
                try:
                    await running
                except Exception:
                    pass
