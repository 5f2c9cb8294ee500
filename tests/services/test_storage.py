"""The storage interface itself, on local files and on a real S3-compatible server: no half
files, ranges, partials resumed from their last checkpoint."""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services import storage
from services.settings import Settings, load_settings
from services.storage.direct import BUFFER, DIRECT_READ_FROM, DirectReader
from services.storage.local import READ_AHEAD, READING_THREADS
from services.storage.s3 import MAX_PARTS, PART_SIZE, S3Backend, part_size_for

MIB = 1024 * 1024


@pytest.fixture
async def settings(both_storages: dict[str, str], tmp_path: Path) -> AsyncIterator[Settings]:
    yield load_settings(env_file=None, overrides={"DATA_DIR": str(tmp_path), **both_storages})
    await storage.close_backends()


async def chunks_of(body: bytes, fail_after: int | None = None) -> AsyncIterator[bytes]:
    for start in range(0, len(body), 256 * 1024):
        if fail_after is not None and start >= fail_after:
            raise ConnectionError("the client left")
        yield body[start : start + 256 * 1024]


async def unfinished(settings: Settings) -> int:
    backend = storage.backend(settings)
    return await backend.unfinished_uploads() if isinstance(backend, S3Backend) else 0


async def test_a_failed_stream_leaves_no_half_file(settings: Settings) -> None:
    body = os.urandom(PART_SIZE * 2 + 5)
    with pytest.raises(ConnectionError):
        await storage.store_stream(settings, chunks_of(body, fail_after=PART_SIZE + MIB), 1 << 40)
    with pytest.raises(storage.TooLarge):
        await storage.store_stream(settings, chunks_of(body), PART_SIZE + MIB)
    assert await storage.backend(settings).keys() == []
    assert await unfinished(settings) == 0  # the multipart uploads were aborted

    stored = await storage.store_stream(settings, chunks_of(body), 1 << 40)
    assert stored.size == len(body) and stored.sha256 == hashlib.sha256(body).hexdigest()
    reader = await storage.open_file(settings, stored.key, PART_SIZE - 3, 10)
    try:
        assert b"".join([b async for b in reader.chunks()]) == body[PART_SIZE - 3 : PART_SIZE + 7]
    finally:
        await reader.aclose()
    await storage.delete_file(settings, stored.key)
    assert await storage.backend(settings).keys() == []
    with pytest.raises(FileNotFoundError):
        await storage.open_file(settings, stored.key, 0, 1)


async def test_a_partial_resumes_from_its_last_checkpoint(settings: Settings) -> None:
    backend = storage.backend(settings)
    key = storage.new_key()
    body = os.urandom(PART_SIZE + 3 * MIB)
    state = await backend.start_partial(key, len(body))

    appender = await backend.resume_partial(key, state, 0)
    await appender.write(body[: PART_SIZE + MIB])  # a whole part and a tail
    state = await appender.checkpoint()
    await appender.write(b"never recorded")  # lost with the request
    await appender.aclose()

    appender = await backend.resume_partial(key, state, PART_SIZE + MIB)
    await appender.write(body[PART_SIZE + MIB :])
    state = await appender.checkpoint()
    await appender.aclose()
    await backend.complete_partial(key, state)
    await backend.complete_partial(key, state)  # again, as after a restart: no harm
    reader = await storage.open_file(settings, key, 0, len(body))
    try:
        assert b"".join([b async for b in reader.chunks()]) == body
    finally:
        await reader.aclose()
    assert await backend.keys() == [key]  # no tails or partials left
    await storage.delete_file(settings, key)


async def test_a_partial_shows_each_byte_to_its_observer_once(settings: Settings) -> None:
    backend = storage.backend(settings)
    key = storage.new_key()
    body = os.urandom(PART_SIZE + 3 * MIB)
    state = await backend.start_partial(key, len(body))
    seen: list[bytes] = []

    def observe(block: bytes | memoryview) -> None:
        seen.append(bytes(block))

    appender = await backend.resume_partial(key, state, 0, observe)
    async for block in chunks_of(body[: PART_SIZE + MIB]):  # a whole part and a tail
        await appender.write(block)
    state = await appender.checkpoint()
    assert b"".join(seen) == body[: PART_SIZE + MIB]  # once checkpointed, all observed
    await appender.aclose()

    # Resumed: the bytes kept from before (on S3, the tail read back) are not shown again.
    appender = await backend.resume_partial(key, state, PART_SIZE + MIB, observe)
    await appender.write(body[PART_SIZE + MIB :])
    await appender.settle()
    assert b"".join(seen) == body
    state = await appender.checkpoint()
    await appender.aclose()
    await storage.abandon_partial(settings, key, state)


async def test_a_checkpoint_never_claims_bytes_not_stored_and_observed(
    settings: Settings,
) -> None:
    backend = storage.backend(settings)
    key = storage.new_key()
    state = await backend.start_partial(key, 20 * MIB)

    def observe(block: bytes | memoryview) -> None:
        raise OSError("the observer failed")

    appender = await backend.resume_partial(key, state, 0, observe)
    with pytest.raises(OSError):
        async for block in chunks_of(os.urandom(PART_SIZE + MIB)):
            await appender.write(block)
        await appender.checkpoint()
    with pytest.raises((OSError, RuntimeError)):
        await appender.checkpoint()  # asked again, it still refuses
    await appender.aclose()
    await storage.abandon_partial(settings, key, state)
    assert await backend.keys() == []


async def test_an_abandoned_partial_leaves_nothing(settings: Settings) -> None:
    backend = storage.backend(settings)
    key = storage.new_key()
    state = await backend.start_partial(key, 20 * MIB)
    appender = await backend.resume_partial(key, state, 0)
    await appender.write(os.urandom(PART_SIZE + 100))
    state = await appender.checkpoint()
    await appender.aclose()
    await storage.abandon_partial(settings, key, state)
    assert await backend.keys() == []
    assert await unfinished(settings) == 0


def test_parts_grow_for_files_beyond_ten_thousand_parts() -> None:
    assert part_size_for(None) == PART_SIZE
    assert part_size_for(PART_SIZE * 100) == PART_SIZE
    huge = 200 * 1024**3
    assert part_size_for(huge) * (MAX_PARTS - 1) >= huge


async def test_a_file_url_with_a_directory(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    settings = load_settings(
        env_file=None,
        overrides={"DATA_DIR": str(tmp_path / "data"), "STORAGE_URL": f"file://{elsewhere}"},
    )
    stored = await storage.store_stream(settings, chunks_of(b"pixels"), 100)
    assert [p.name for p in elsewhere.rglob("*") if p.is_file()] == [stored.key]
    assert not (tmp_path / "data").exists()


async def test_many_downloads_at_once_keep_to_their_own_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each large download reads a few buffers ahead, but all of them together use at most
    `READING_THREADS` threads, and every one gets its bytes in order."""
    settings = load_settings(env_file=None, overrides={"DATA_DIR": str(tmp_path)})
    body = os.urandom(DIRECT_READ_FROM + 6 * BUFFER + 5)
    stored = await storage.store_stream(settings, chunks_of(body), 1 << 40)
    reading, most = 0, 0
    lock = threading.Lock()
    read = DirectReader.read

    def counted(self: DirectReader, start: int, length: int) -> bytes:
        nonlocal reading, most
        with lock:
            reading += 1
            most = max(most, reading)
        try:
            time.sleep(0.005)  # a slow disk: reads pile up
            return read(self, start, length)
        finally:
            with lock:
                reading -= 1

    monkeypatch.setattr(DirectReader, "read", counted)

    async def download() -> bytes:
        reader = await storage.open_file(settings, stored.key, 3, len(body) - 3)
        try:
            return b"".join([block async for block in reader.chunks()])
        finally:
            await reader.aclose()

    answers = await asyncio.gather(*(download() for _ in range(READING_THREADS)))
    assert all(answer == body[3:] for answer in answers)
    assert READ_AHEAD < most <= READING_THREADS
    await storage.close_backends()
