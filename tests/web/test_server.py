"""The server's HTTP protocol (`web.server.BodyAsParsed`): request bodies reach the app whole
and in order, however they arrive, and a slow app still holds back a fast client."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import os
import platform
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn

import web.server
from tests.net import free_port
from web.server import BODY_READ_AHEAD, BodyAsParsed, config

MIB = 1024 * 1024


@dataclass
class Recorder:
    """An ASGI app that hashes each request's body and notes the size of every message."""

    delay: float = 0.0
    sizes: list[int] = field(default_factory=list)
    types: set[type] = field(default_factory=set)

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] == "lifespan":
            await receive()
            await send({"type": "lifespan.startup.complete"})
            await receive()
            await send({"type": "lifespan.shutdown.complete"})
            return
        digest = hashlib.sha256()
        while True:
            await asyncio.sleep(self.delay)  # a slow app: the client gets ahead of it
            message = await receive()
            body = message.get("body", b"")
            self.sizes.append(len(body))
            self.types.add(type(body))
            digest.update(body)
            if not message.get("more_body"):
                break
        answer = digest.hexdigest().encode()
        length = str(len(answer)).encode()
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-length", length)]}
        )
        await send({"type": "http.response.body", "body": answer})


@contextlib.asynccontextmanager
async def served(app: Recorder) -> AsyncIterator[int]:
    port = free_port()
    server = uvicorn.Server(config(app, "127.0.0.1", port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done()
        await asyncio.sleep(0.01)
    try:
        yield port
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 30)


async def post(port: int, head: bytes, pieces: list[bytes]) -> bytes:
    """Send a request in pieces, each its own write with a pause between, and read the
    answer's body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(head)
        for piece in pieces:
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.001)
        answer = await reader.read()
    finally:
        writer.close()
    status, _, body = answer.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 200"), status
    return body


def test_uvicorn_is_configured_with_the_protocol() -> None:
    served_as = config(Recorder(), "127.0.0.1", 1)
    assert served_as.http is BodyAsParsed
    assert served_as.loop == "uvloop"


@pytest.mark.parametrize("delay", [0.0, 0.02])
async def test_a_body_arrives_whole_and_in_order(delay: float) -> None:
    """Pieces of every size, to an app that keeps up and to one that lags (whose pieces
    wait, and are handed over one by one)."""
    body = os.urandom(3 * MIB + 123)
    cuts = [0, 1, 100, 70_000, 300_000, MIB, 2 * MIB + 5, len(body)]
    pieces = [body[start:end] for start, end in itertools.pairwise(cuts)]
    app = Recorder(delay=delay)
    async with served(app) as port:
        head = f"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
        answer = await post(port, (head + "Connection: close\r\n\r\n").encode(), pieces)
    assert answer == hashlib.sha256(body).hexdigest().encode()
    assert app.types == {bytes}  # bytes, as ASGI says
    assert sum(app.sizes) == len(body)


async def test_requests_follow_one_another_on_a_connection() -> None:
    """A body received past the parser ends exactly at its length: what follows it in the
    same read is the next request, parsed afresh (pipelined, chunked, empty, then one more
    body cut anywhere)."""
    bodies = [os.urandom(size) for size in (300_000, 5, MIB + 3)]
    chunked = b"5\r\nhello\r\n0\r\n\r\n"

    def head(length: int) -> bytes:
        return b"POST /%d HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (length, length)

    stream = (
        head(len(bodies[0]))
        + bodies[0]
        + b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + chunked
        + head(0)
        + head(len(bodies[1]))
        + bodies[1]
        + head(len(bodies[2]))
        + bodies[2]
    )
    expected = [bodies[0], b"hello", b"", bodies[1], bodies[2]]
    for cuts in ([70_000, 300_030, len(stream) - 10], [len(stream) // 2], []):
        app = Recorder()
        async with served(app) as port:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            for start, end in itertools.pairwise([0, *cuts, len(stream)]):
                writer.write(stream[start:end])
                await writer.drain()
                await asyncio.sleep(0.01)  # each cut its own read
            answers = []
            for _ in expected:
                status = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
                assert status.startswith(b"HTTP/1.1 200"), status
                answers.append(await reader.readexactly(64))
            writer.close()
        assert answers == [hashlib.sha256(body).hexdigest().encode() for body in expected]


async def test_a_chunked_body_arrives_whole() -> None:
    body = os.urandom(MIB + 7)
    chunked = [b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:5], body[5:])]
    app = Recorder(delay=0.01)
    async with served(app) as port:
        head = (
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        answer = await post(port, head, [*chunked, b"0\r\n\r\n"])
    assert answer == hashlib.sha256(body).hexdigest().encode()


async def test_a_slow_app_holds_the_client_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading goes on while the app is busy, until `BODY_READ_AHEAD` bytes wait for it,
    and pauses there: what waits stays near that (one read of the socket past it at most;
    uvloop reads up to 256 KiB at once), not the whole body."""
    waiting: list[int] = []
    handing_over = web.server._receive

    async def receive(cycle: Any) -> Any:
        message = await handing_over(cycle)
        waiting.append(len(cycle.body))
        return message

    monkeypatch.setattr(web.server, "_receive", receive)
    body = os.urandom(16 * MIB)
    app = Recorder(delay=0.005)
    async with served(app) as port:
        head = f"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
        pieces = [body[start : start + MIB] for start in range(0, len(body), MIB)]
        answer = await post(port, (head + "Connection: close\r\n\r\n").encode(), pieces)
    assert answer == hashlib.sha256(body).hexdigest().encode()
    assert max(app.sizes) <= 256 * 1024  # one piece at a time
    assert BODY_READ_AHEAD // 2 < max(waiting) <= BODY_READ_AHEAD + 256 * 1024


_BURSTS = """
import resource, sys
from web.server import keep_freed_memory
if sys.argv[1] == "kept":
    assert keep_freed_memory()
def burst():
    pieces = [bytes(256 * 1024) for _ in range(16)]  # 4 MiB in flight, then freed
    del pieces
burst()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(50):
    burst()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults_for_bursts(mode: str) -> int:
    """Page faults of 50 bursts, in a process of its own (the allocator's settings are the
    process's)."""
    done = subprocess.run(
        [sys.executable, "-c", _BURSTS, mode],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's allocator")
def test_freed_body_memory_is_reused_not_faulted_in_again() -> None:
    """Bursts of body pieces freed together: by default glibc hands the memory back and
    faults it in again for the next burst (a page fault per 4 KiB); kept, it is reused."""
    pages_per_burst = 16 * 256 * 1024 // 4096
    assert _faults_for_bursts("default") > 10 * pages_per_burst
    assert _faults_for_bursts("kept") < 2 * pages_per_burst
