"""Stored files on the local disk, under `DATA_DIR/files`, by server-made keys only.

An upload is written to a temporary file beside its final place, hashed on the way, and
moved into place atomically; an upload that fails leaves nothing behind. A partial
(resumable upload) is a `.tus` file beside its final place, cut back to its last
checkpoint whenever it is resumed.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import anyio
import anyio.to_thread

from services.settings import Settings
from services.storage import (
    READ_CHUNK,
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

_libc = ctypes.CDLL(None, use_errno=True)
_sync_file_range = getattr(_libc, "sync_file_range", None)  # Linux only
if _sync_file_range is not None:
    _sync_file_range.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
SYNC_FILE_RANGE_WRITE = 2


def _write_all(descriptor: int, blocks: list[bytes]) -> int:
    """Write the blocks in order, in as few system calls as the kernel allows (no joining:
    the bytes are copied once, into the page cache). The number of bytes written."""
    total = sum(len(block) for block in blocks)
    written = os.writev(descriptor, blocks) if blocks else 0
    if written < total:  # a short write (rare on a regular file): the rest one by one
        view = memoryview(b"".join(blocks))[written:]
        while view:
            view = view[os.write(descriptor, view) :]
    return total


def _start_writeback(descriptor: int, start: int, length: int) -> None:
    """Ask the kernel to begin writing these bytes to disk now, without waiting: the
    disk works while more bytes arrive, and a checkpoint's sync finds little left."""
    if _sync_file_range is not None:
        _sync_file_range(descriptor, start, length, SYNC_FILE_RANGE_WRITE)


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


class _Incoming:
    """A temporary file being written and hashed; kept only if `keep` is called."""

    def __init__(self, final: Path, key: str) -> None:
        self.key = key
        self.final = final
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self.temporary = self.final.with_name(f".{key}.part")
        self.handle: BinaryIO = open(self.temporary, "xb", buffering=0)
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, blocks: list[bytes]) -> None:
        _write_all(self.handle.fileno(), blocks)
        for block in blocks:
            self.digest.update(block)

    def keep(self) -> StoredFile:
        os.fsync(self.handle.fileno())
        self.handle.close()
        _durable_replace(self.temporary, self.final)
        return StoredFile(self.key, self.size, self.digest.hexdigest())

    def discard(self) -> None:
        self.handle.close()
        self.temporary.unlink(missing_ok=True)


class _FileReader(Reader):
    def __init__(self, handle: BinaryIO, length: int) -> None:
        self.handle = handle
        self.length = length

    async def chunks(self) -> AsyncIterator[bytes]:
        remaining = self.length
        while remaining > 0:
            block = await anyio.to_thread.run_sync(self.handle.read, min(READ_CHUNK, remaining))
            if not block:
                break
            remaining -= len(block)
            yield block

    async def aclose(self) -> None:
        self.handle.close()  # opened for reading: closing does not wait on the disk


class _FileAppender(Appender):
    """Appends in two worker threads beside the event loop, fed the same blocks (never
    copied): one writes each batch and starts its writeback, one hands it to the
    observer. A checkpoint waits for both and syncs the file once."""

    def __init__(self, path: Path, offset: int, observe: Observer) -> None:
        self.handle: BinaryIO = open(path, "r+b", buffering=0)
        # Bytes past the last checkpoint (a request cut short, a server killed) go.
        self.handle.truncate(offset)
        self.handle.seek(offset)
        self.position = offset
        self.observe = observe
        self.writing = WriteBehind(self._write)
        self.observing = WriteBehind(self._observe)

    def _write(self, blocks: list[bytes]) -> None:
        descriptor = self.handle.fileno()
        written = _write_all(descriptor, blocks)
        _start_writeback(descriptor, self.position, written)
        self.position += written

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
        await self.observing.drain()
        # The bytes; the size goes with them.
        await anyio.to_thread.run_sync(os.fdatasync, self.handle.fileno())
        return {}

    async def release(self, superseded: PartialState) -> None:
        return None

    async def aclose(self) -> None:
        await self.writing.abandon()
        await self.observing.abandon()
        self.handle.close()


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
        incoming = await anyio.to_thread.run_sync(_Incoming, self._path(key), key)
        behind = WriteBehind(incoming.write)
        try:
            async for chunk in chunks:
                incoming.size += len(chunk)
                if incoming.size > limit:
                    raise TooLarge()
                await behind.add(chunk)
            await behind.drain()
            return await anyio.to_thread.run_sync(incoming.keep)
        except BaseException:
            # Shielded: a cancelled upload (the server stopping) must still remove its part.
            await behind.abandon()
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(incoming.discard)
            raise

    async def open(self, key: str, start: int, length: int) -> Reader:
        def opened() -> BinaryIO:
            handle = open(self._path(key), "rb")
            handle.seek(start)
            return handle

        return _FileReader(await anyio.to_thread.run_sync(opened), length)

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
