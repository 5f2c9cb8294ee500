"""Blocking work on streamed bytes (writing a file, hashing) done in a worker thread while
the event loop receives the next bytes.

The loop only appends each block to a list and, while a thread works for this stream,
nudges it: no future, no hand-over per batch. A thread from a shared pool is called once
`BATCH` bytes are pending; it takes whatever is pending, again and again, and waits a
moment (`LINGER`) for more before it goes back to the pool, so a steady stream keeps its
thread and a stalled one does not hold it. After `TURN` bytes a thread goes to the back
of the pool's queue, so a long upload does not keep a thread from the others when they
are all busy. The loop waits only when `WAITING` bytes are pending (the thread is behind:
a disk write, a wake-up), when it needs the work done (`drain`), and when it lets go
(`abandon`); the thread wakes it then, and only then.

Memory stays within about `WAITING` twice over, whatever the size of the stream. Bytes go
over as the blocks that arrived (never joined into one: that would copy every byte once
more), in order. Work that fails fails every later call: the work after it must not be
taken for done.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import anyio

# Small enough that a batch is still in the processor's cache when the thread reads it
# (measured: 512 KiB costs less CPU per GiB than 1 MiB, and 4 MiB nearly twice as much).
BATCH = 512 * 1024
WAITING = 4 * BATCH
LINGER = 0.005  # seconds
TURN = 64 * 1024 * 1024
# Two per stream (the file and its hash): sixteen uploads at full speed at once, and more
# taking turns.
THREADS = 32

_pool_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def _threads() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(THREADS, thread_name_prefix="write-behind")
        return _pool


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class WriteBehind:
    def __init__(
        self,
        work: Callable[[list[bytes]], object],
        batch: int = BATCH,
        waiting: int = WAITING,
        linger: float = LINGER,
    ) -> None:
        self.work = work
        self.batch = batch
        self.waiting = max(waiting, batch)
        self.linger = linger
        # Everything below is shared with the thread, under `changed`.
        self.changed = threading.Condition()
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.called = False  # a thread works for this stream, or is asked to
        self.working = False  # it is doing the work on blocks it took
        self.stopped = False
        self.error: BaseException | None = None
        # The loop, waiting until something holds.
        self.waiter: tuple[asyncio.Future[None], Callable[[], bool]] | None = None

    @property
    def unflushed(self) -> int:
        return self.pending_size

    async def add(self, block: bytes) -> None:
        self._raise_failure()
        with self.changed:
            self.pending.append(block)
            self.pending_size += len(block)
            if self.called:
                self.changed.notify()
            elif self.pending_size >= self.batch:
                self._call()
            full = self.pending_size >= self.waiting
        if full:
            await self._until(lambda: self.pending_size < self.waiting)

    async def drain(self) -> None:
        """Do the work on every byte added so far."""
        self._raise_failure()
        with self.changed:
            if self.pending and not self.called:
                self._call()
        await self._until(lambda: not self.pending and not self.working)

    async def abandon(self) -> None:
        """Let the work in flight end (it may not be interrupted), dropping the rest. A
        thread waiting for more is let go without waiting for it: it does no more work."""
        with self.changed:
            self.stopped = True
            self.pending, self.pending_size = [], 0
            self.changed.notify()
        with anyio.CancelScope(shield=True):
            try:
                await self._until(lambda: not self.working)
            except Exception:
                pass  # the work's failure: what it was doing is dropped anyway

    def _call(self) -> None:
        """(Under `changed`.) A thread from the pool, to work for this stream."""
        self.called = True
        _threads().submit(self._serve)

    async def _until(self, holds: Callable[[], bool]) -> None:
        with self.changed:
            if holds() or self.error is not None:
                waiting = None
            else:
                waiting = asyncio.get_running_loop().create_future()
                self.waiter = (waiting, holds)
        if waiting is not None:
            try:
                await waiting
            finally:
                with self.changed:
                    if self.waiter is not None and self.waiter[0] is waiting:
                        self.waiter = None
        self._raise_failure()

    def _raise_failure(self) -> None:
        if self.error is not None:
            raise self.error

    def _changed(self) -> None:
        """(In the thread, under `changed`.) Wake the loop if what it waits for holds."""
        if self.waiter is None:
            return
        waiting, holds = self.waiter
        if self.error is not None or holds():
            self.waiter = None
            waiting.get_loop().call_soon_threadsafe(_wake, waiting)

    def _serve(self) -> None:
        """In a pool thread: the work on what is pending, again and again, waiting a
        moment for more, until nothing comes, the stream stops or its turn is over."""
        served = 0
        while True:
            with self.changed:
                if not self.pending and not self.stopped and served < TURN:
                    self.changed.wait(self.linger)
                if self.stopped or not self.pending or self.error is not None:
                    self.called = False
                    self._changed()
                    return
                if served >= TURN:
                    _threads().submit(self._serve)  # to the back of the queue
                    return
                blocks = self.pending
                self.pending, self.pending_size = [], 0
                self.working = True
                self._changed()
            try:
                self.work(blocks)
            except BaseException as error:
                with self.changed:
                    self.error = error
                    self.working = False
                    self.pending, self.pending_size = [], 0
                    self.called = False
                    self._changed()
                return
            served += sum(len(block) for block in blocks)
            with self.changed:
                self.working = False
                self._changed()
