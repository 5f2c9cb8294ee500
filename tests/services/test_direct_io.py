"""Files written and read with direct I/O through an aligned buffer, and the write-behind
queue that feeds the writes: every byte lands where it belongs and is read back as it
is, whatever the offsets and sizes, and only what a sync covered is claimed."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import itertools
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from services.storage import behind as behind_module
from services.storage import direct
from services.storage.behind import WriteBehind
from services.storage.direct import BLOCK, BUFFER, DIRECT_READ_FROM, DirectAppender, DirectReader


def has_direct_io(folder: Path) -> bool:
    probe = folder / ".probe"
    probe.touch()
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_DIRECT))
        return True
    except OSError as error:
        assert error.errno == errno.EINVAL
        return False
    finally:
        probe.unlink()


def refuse_direct_io(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Opening for direct I/O fails with `code`, as on a file system without it (EINVAL:
    tmpfs on older kernels, some network file systems)."""
    real_open = os.open

    def opening(path: Path, flags: int, *mode: int) -> int:
        if flags & os.O_DIRECT:
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, *mode)

    monkeypatch.setattr(direct.os, "open", opening)


@pytest.fixture(params=["direct I/O", "no direct I/O"])
def folder(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if request.param == "no direct I/O":
        refuse_direct_io(monkeypatch, errno.EINVAL)
    return tmp_path


def appended(path: Path, offset: int, pieces: list[bytes]) -> DirectAppender:
    appender = DirectAppender(path, offset)
    appender.write(pieces)
    return appender


def test_odd_sizes_from_odd_offsets_land_in_place_across_resumes(folder: Path) -> None:
    path = folder / "upload"
    path.touch()
    body = os.urandom(3 * BUFFER + 12_345)
    # Steps of every kind: a few bytes, less than a block, across blocks and buffers.
    cuts = [0, 1, 7, BLOCK - 1, BLOCK + 3, BUFFER - 5, BUFFER + BLOCK, 2 * BUFFER + 1, len(body)]
    for start, end in itertools.pairwise(cuts):
        appender = DirectAppender(path, start)
        assert appender.direct is not None if has_direct_io(folder) else appender.direct is None
        middle = (start + end) // 2
        appender.write([body[start:middle], body[middle:end]])
        appender.sync()
        appender.close()
        # After each sync the file is exactly the bytes so far: no padding left.
        assert path.stat().st_size == end
        assert path.read_bytes() == body[:end]


def test_several_syncs_in_one_appender_each_leave_the_file_whole(folder: Path) -> None:
    path = folder / "upload"
    path.touch()
    body = os.urandom(BUFFER + 3 * BLOCK + 17)
    appender = DirectAppender(path, 0)
    try:
        for start in range(0, len(body), 300_001):
            appender.write([body[start : start + 300_001]])
            appender.sync()
            assert path.read_bytes() == body[: start + 300_001]
    finally:
        appender.close()
        appender.close()  # again: no harm


def test_bytes_after_the_offset_are_cut_off_on_resume(folder: Path) -> None:
    path = folder / "upload"
    path.write_bytes(b"kept" * 2000 + b"never recorded")
    appender = appended(path, 8000, [b"new"])
    appender.sync()
    appender.close()
    assert path.read_bytes() == b"kept" * 2000 + b"new"


def test_unsynced_bytes_may_be_missing_but_never_wrong(folder: Path) -> None:
    """What an appender wrote without a sync (a request cut short) is either there or not;
    a resume from the recorded offset cuts it off either way."""
    path = folder / "upload"
    path.touch()
    first = DirectAppender(path, 0)
    first.write([b"a" * (BLOCK + 10)])
    first.sync()
    first.write([b"b" * (2 * BUFFER)])  # partly written, never synced
    first.close()
    assert path.read_bytes().startswith(b"a" * (BLOCK + 10))
    second = appended(path, BLOCK + 10, [b"c" * 5])
    second.sync()
    second.close()
    assert path.read_bytes() == b"a" * (BLOCK + 10) + b"c" * 5


def test_an_unexpected_error_from_the_file_system_is_not_taken_for_no_direct_io(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "upload"
    path.touch()
    refuse_direct_io(monkeypatch, errno.EACCES)
    with pytest.raises(PermissionError):
        DirectAppender(path, 0)


def test_kept_buffers_are_reused_and_their_old_bytes_never_show(folder: Path) -> None:
    """Buffers go back to be reused (no fresh pages each time); what one held for another
    file shows neither in a file written nor in bytes read through it."""
    direct._kept.clear()
    secret = folder / "secret"
    secret.touch()
    appender = appended(secret, 0, [b"\xff" * (BUFFER + BLOCK)])
    appender.sync()
    appender.close()
    reader = DirectReader(secret, 0, DIRECT_READ_FROM)
    assert read_all(reader) == b"\xff" * (BUFFER + BLOCK)
    kept = list(direct._kept)
    assert kept  # given back, not unmapped

    small = folder / "small"
    small.touch()
    appender = appended(small, 0, [b"abc"])
    assert appender.buffer in kept  # reused
    appender.sync()
    appender.close()
    assert small.read_bytes() == b"abc"
    reader = DirectReader(small, 1, DIRECT_READ_FROM)
    assert read_all(reader) == b"bc"
    assert read_all(DirectReader(small, 0, 10)) == b"abc"


def read_all(reader: DirectReader) -> bytes:
    """Every span in turn, as a download reads them; it stops at a short one."""
    found = b""
    try:
        while span := reader.next_span():
            block = reader.read(*span)
            found += block
            if len(block) < span[1]:
                break
        return found
    finally:
        reader.close()


def test_spans_read_back_as_they_are(folder: Path) -> None:
    """Small spans through the page cache, large ones directly; either from any offset."""
    path = folder / "stored"
    body = os.urandom(DIRECT_READ_FROM + 3 * BUFFER + 1234)
    path.write_bytes(body)
    spans = [(0, 1), (5, 100), (BLOCK - 1, 2), (0, len(body)), (1, len(body) - 1)]
    spans += [(BLOCK + 7, DIRECT_READ_FROM), (BUFFER - 3, DIRECT_READ_FROM + BUFFER + 5)]
    for start, length in spans:
        reader = DirectReader(path, start, length)
        assert (reader.block > 1) == (length >= DIRECT_READ_FROM and has_direct_io(folder))
        assert read_all(reader) == body[start : start + length], (start, length)


def test_a_reader_takes_no_more_buffers_than_its_span_has_reads(tmp_path: Path) -> None:
    path = tmp_path / "stored"
    path.write_bytes(os.urandom(3 * BUFFER))
    for start, length, buffers in [(0, 10, 1), (BUFFER - 1, 2, 2), (5, 2 * BUFFER, 3)]:
        reader = DirectReader(path, start, length, buffers=4)
        assert len(reader.buffers) == buffers
        assert read_all(reader) == path.read_bytes()[start : start + length]


def test_a_failed_resume_lets_go_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "upload"
    path.write_bytes(b"x" * 5000)
    before = len(os.listdir("/proc/self/fd"))

    def failing(*args: object) -> bytes:
        raise OSError(errno.EIO, "disk")

    monkeypatch.setattr(direct.os, "pread", failing)
    with pytest.raises(OSError):
        DirectAppender(path, 4500)  # the tail of its last block is read back: it fails
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_span_past_the_end_reads_what_is_there(folder: Path) -> None:
    path = folder / "stored"
    body = os.urandom(DIRECT_READ_FROM + 10)
    path.write_bytes(body)
    assert read_all(DirectReader(path, 3, DIRECT_READ_FROM + 100)) == body[3:]
    assert read_all(DirectReader(path, len(body) + 5, DIRECT_READ_FROM)) == b""


def test_an_open_reader_keeps_the_bytes_it_began_with(folder: Path) -> None:
    path = folder / "stored"
    body = os.urandom(DIRECT_READ_FROM + BUFFER)
    path.write_bytes(body)
    reader = DirectReader(path, 0, len(body))
    span = reader.next_span()
    assert span is not None
    first = reader.read(*span)
    path.unlink()
    path.write_bytes(b"replaced")
    assert first + read_all(reader) == body


async def test_spans_are_read_at_once_in_several_threads(folder: Path) -> None:
    path = folder / "stored"
    body = os.urandom(DIRECT_READ_FROM + 5 * BUFFER + 99)
    path.write_bytes(body)
    reader = DirectReader(path, 17, len(body) - 17, buffers=3)
    spans = list(iter(reader.next_span, None))
    with ThreadPoolExecutor(3) as threads:
        blocks = list(threads.map(lambda span: reader.read(*span), spans))
    reader.close()
    assert b"".join(blocks) == body[17:]
    assert all(start % BUFFER == 0 for start, _ in spans[1:])


async def test_write_behind_keeps_receiving_while_its_thread_is_busy() -> None:
    """While the thread works, later blocks wait (up to `waiting` bytes) instead of holding
    up the loop; the thread takes them itself when it is done, in order."""
    started, release = threading.Event(), threading.Event()
    calls: list[list[bytes]] = []

    def work(blocks: list[bytes]) -> None:
        started.set()
        release.wait(10)
        calls.append(blocks)

    behind = WriteBehind(work, batch=4, waiting=12)
    await behind.add(b"1234")  # handed over at once
    assert await asyncio.to_thread(started.wait, 10)
    for block in (b"5678", b"9abc"):  # 8 bytes wait: under `waiting`, no wait
        await asyncio.wait_for(behind.add(block), 5)
    assert behind.unflushed == 8
    blocked = asyncio.ensure_future(behind.add(b"defg"))  # 12 waiting: the loop waits now
    await asyncio.sleep(0.05)
    assert not blocked.done()
    release.set()
    await asyncio.wait_for(blocked, 10)
    await behind.drain()
    assert calls == [[b"1234"], [b"5678", b"9abc", b"defg"]]


async def test_write_behind_stops_at_the_first_failed_batch() -> None:
    done: list[bytes] = []

    def work(blocks: list[bytes]) -> None:
        if b"bad" in blocks:
            raise OSError(errno.ENOSPC, "full")
        done.extend(blocks)

    behind = WriteBehind(work, batch=3, waiting=3)
    with contextlib.suppress(OSError):  # the failure shows here if it came soon enough
        await behind.add(b"bad")
    with pytest.raises(OSError):
        await behind.drain()
    with pytest.raises(OSError):
        await behind.add(b"bye")
    with pytest.raises(OSError):
        await behind.drain()
    await behind.abandon()
    assert done == []


async def until(holds: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not holds():
        assert time.monotonic() < deadline, "never happened"
        await asyncio.sleep(0.001)


async def test_write_behind_keeps_its_thread_while_bytes_keep_coming() -> None:
    """One thread serves a steady stream: it waits a moment for the next bytes instead of
    going back to the pool after every batch; it goes back once the stream stops."""
    threads: list[int] = []
    done: list[bytes] = []

    def work(blocks: list[bytes]) -> None:
        threads.append(threading.get_ident())
        done.extend(blocks)

    behind = WriteBehind(work, batch=2, waiting=4, linger=10)
    for index in range(50):
        block = bytes([index]) * 2
        await behind.add(block)
        await until(lambda: not behind.pending)  # taken: the next comes while it waits
    await behind.drain()
    assert done == [bytes([index]) * 2 for index in range(50)]
    assert len(set(threads)) == 1 and len(threads) == 50
    await asyncio.wait_for(behind.abandon(), 5)  # a lingering thread is let go at once
    await until(lambda: not behind.called)


async def test_write_behind_takes_turns_when_every_thread_is_busy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stream that has had its turn goes to the back of the queue: with one thread, two
    endless streams both progress."""
    one = ThreadPoolExecutor(1)
    monkeypatch.setattr(behind_module, "_pool", one)
    monkeypatch.setattr(behind_module, "TURN", 4)
    done: dict[str, int] = {"a": 0, "b": 0}

    def worker(name: str) -> Callable[[list[bytes]], None]:
        def work(blocks: list[bytes]) -> None:
            done[name] += len(blocks)

        return work

    streams = [WriteBehind(worker(name), batch=2, waiting=8, linger=10) for name in done]
    for _ in range(40):
        for stream in streams:
            await asyncio.wait_for(stream.add(b"xx"), 10)
    for stream in streams:
        await asyncio.wait_for(stream.drain(), 10)
        await stream.abandon()
    one.shutdown()
    assert done == {"a": 40, "b": 40}
