"""Stored files on the local disk, under `DATA_DIR/files`, by server-made keys only.

An upload is written to a temporary file beside its final place, hashed on the way, and
moved into place atomically; an upload that fails leaves nothing behind. A partial
(resumable upload) is a `.tus` file beside its final place, cut back to its last
checkpoint whenever it is resumed. Both are written with direct I/O where the file system
has it (`services.storage.direct`).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections import deque
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from anyio import CapacityLimiter
from anyio.lowlevel import RunVar

from services.settings import Settings
from services.storage import (
    Appender,
    Backend,
    Observer,
    PartialState,
    Reader,
    StoredFile,
    TooLarge,
    checked_key,
    ignore,
    new_key,
)
from services.storage.behind import WriteBehind
from services.storage.direct import DirectAppender, DirectReader

# Reads of a download in flight at once (each a buffer of `direct.BUFFER`), and of all
# downloads together: they have worker threads of their own, so that many downloads at
# once never hold up the threads that uploads, password hashing and the rest wait for.
READ_AHEAD = 4
READING_THREADS = 16
_reading_threads: RunVar[CapacityLimiter] = RunVar("datashare_reading_threads")


def _reading_limiter() -> CapacityLimiter:
    try:
        return _reading_threads.get()
    except LookupError:
        limiter = CapacityLimiter(READING_THREADS)
        _reading_threads.set(limiter)
        return limiter


def _sync_directory(directory: Path) -> None:
    """Make a rename durable: the directory entry is flushed like the file's bytes."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _durable_replace(source: Path, target: Path) -> None:
    os.replace(source, target)
    _sync_directory(target.parent)


class _FileReader(Reader):
    """Reads `READ_AHEAD` buffers ahead, each in a worker thread: the disk works on several
    spans at once while the event loop sends the bytes read before."""

    def __init__(self, file: DirectReader) -> None:
        self.file = file
        self.reads: set[asyncio.Future[bytes]] = set()

    async def chunks(self) -> AsyncIterator[bytes]:
        ahead: deque[tuple[asyncio.Future[bytes], int]] = deque()

        def read_next() -> None:
            span = self.file.next_span()
            if span is not None:
                reading = anyio.to_thread.run_sync(
                    self.file.read, *span, limiter=_reading_limiter()
                )
                read = asyncio.ensure_future(reading)
                self.reads.add(read)
                read.add_done_callback(self.reads.discard)
                ahead.append((read, span[1]))

        for _ in range(READ_AHEAD):
            read_next()
        while ahead:
            read, asked = ahead.popleft()
            block = await read
            if block:
                yield block
            if len(block) < asked:
                return  # the file ends sooner than the span
            read_next()

    async def aclose(self) -> None:
        # Reads still running use the buffers and the file: let them end first (they may
        # have been cancelled with the download; their threads still run to their end).
        if self.reads:
            with anyio.CancelScope(shield=True):
                await asyncio.wait(set(self.reads))
        self.file.close()  # opened for reading: closing does not wait on the disk


class _FileAppender(Appender):
    """Appends in two worker threads beside the event loop, fed the same blocks (never
    copied on the loop): one writes each batch to the disk (`DirectAppender`), one hands
    it to the observer. A checkpoint syncs the file once the writer is done, while the
    observer finishes."""

    def __init__(self, path: Path, offset: int, observe: Observer) -> None:
        # Bytes past the last checkpoint (a request cut short, a server killed) go.
        self.file = DirectAppender(path, offset)
        self.observe = observe
        self.writing = WriteBehind(self.file.write)
        self.observing = WriteBehind(self._observe)

    def _observe(self, blocks: list[bytes]) -> None:
        for block in blocks:
            self.observe(block)

    @property
    def unflushed(self) -> int:
        return 0  # a checkpoint writes what is pending to the same file

    async def write(self, block: bytes) -> None:
        await self.writing.add(block)
        await self.observing.add(block)

    async def settle(self) -> None:
        await self.observing.drain()

    async def checkpoint(self) -> PartialState:
        await self.writing.drain()
        syncing = asyncio.ensure_future(anyio.to_thread.run_sync(self.file.sync))
        try:
            await self.observing.drain()
        finally:
            with anyio.CancelScope(shield=True):  # the file stays open until it is synced
                await asyncio.wait({syncing})
            # Taken here even when the hash failed first, so no failure goes unheard.
            failure = syncing.exception()
        if failure is not None:
            raise failure
        return {}

    async def release(self, superseded: PartialState) -> None:
        return None

    async def aclose(self) -> None:
        await self.writing.abandon()
        await self.observing.abandon()
        self.file.close()


def _new_file(path: Path, observe: Observer) -> _FileAppender:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb"):
        pass
    return _FileAppender(path, 0, observe)


class LocalBackend(Backend):
    def __init__(self, settings: Settings) -> None:
        # `file://` alone: under DATA_DIR; `file:///srv/datashare-files`: there.
        path = urlsplit(settings.storage_url).path
        self.root = Path(path) if path.strip("/") else settings.uploads_dir

    def _path(self, key: str) -> Path:
        checked_key(key)
        return self.root / key[:2] / key

    def _partial_path(self, key: str) -> Path:
        return self._path(key).with_name(f".{key}.tus")

    async def store_stream(
        self, chunks: AsyncIterator[bytes], limit: int, size_hint: int | None = None
    ) -> StoredFile:
        key = new_key()
        final = self._path(key)
        temporary = final.with_name(f".{key}.part")
        digest = hashlib.sha256()  # releases the GIL on big blocks, as ResumableSha256 does
        appender = await anyio.to_thread.run_sync(_new_file, temporary, digest.update)
        size = 0
        try:
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise TooLarge()
                await appender.write(chunk)
            await appender.checkpoint()
            await appender.aclose()
            await anyio.to_thread.run_sync(_durable_replace, temporary, final)
            return StoredFile(key, size, digest.hexdigest())
        except BaseException:
            # Shielded: a cancelled upload (the server stopping) must still remove its part.
            with anyio.CancelScope(shield=True):
                await appender.aclose()
                await anyio.to_thread.run_sync(lambda: temporary.unlink(missing_ok=True))
            raise

    async def open(self, key: str, start: int, length: int) -> Reader:
        path = self._path(key)
        file = await anyio.to_thread.run_sync(DirectReader, path, start, length, READ_AHEAD)
        return _FileReader(file)

    async def delete(self, key: str) -> None:
        await anyio.to_thread.run_sync(lambda: self._path(key).unlink(missing_ok=True))

    async def start_partial(self, key: str, length: int) -> PartialState:
        path = self._partial_path(key)

        def create() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as handle:
                os.fsync(handle.fileno())
            _sync_directory(path.parent)

        await anyio.to_thread.run_sync(create)
        return {}

    async def resume_partial(
        self, key: str, state: PartialState, offset: int, observe: Observer = ignore
    ) -> Appender:
        return await anyio.to_thread.run_sync(
            _FileAppender, self._partial_path(key), offset, observe
        )

    async def complete_partial(self, key: str, state: PartialState) -> None:
        partial, final = self._partial_path(key), self._path(key)

        def complete() -> None:
            if partial.exists():
                _durable_replace(partial, final)
            elif not final.exists():
                raise FileNotFoundError(final)

        await anyio.to_thread.run_sync(complete)

    async def abandon_partial(self, key: str, state: PartialState) -> None:
        await anyio.to_thread.run_sync(lambda: self._partial_path(key).unlink(missing_ok=True))

    async def keys(self) -> list[str]:
        def found() -> list[str]:
            if not self.root.exists():
                return []
            return sorted(path.name for path in self.root.rglob("*") if path.is_file())

        return await anyio.to_thread.run_sync(found)
