"""An upload's own work and nothing around it, for `bench.transfer` to print beside the
uploads: `PATCH`es of a known length (as tus sends them) received by a thread per
connection straight into page-aligned buffers, hashed with SHA-256 in a second thread and
written with direct I/O in a third, the file synced before each answer. No framework, no
event loop, no database, no session, one copy of each byte out of the kernel: a ceiling
for any upload through a Python server on this machine that does the work datashare's
does. The digest of everything received is answered in `Upload-Digest`.

    .venv/bin/python -m bench.bare PORT FILE
"""

from __future__ import annotations

import hashlib
import mmap
import os
import queue
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

BUFFER = 1024 * 1024
BUFFERS = 8
_DONE = -1  # a marker passed down a stage after the last buffer of a request


class Stage:
    """A thread doing `work` on each buffer handed to it, in order, and saying when it is
    done with one (`finished`)."""

    def __init__(self, work: Callable[[memoryview, int], None], finished: queue.SimpleQueue[int]):
        self.work = work
        self.finished = finished
        self.jobs: queue.SimpleQueue[tuple[int, memoryview, int] | None] = queue.SimpleQueue()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            index, view, offset = job
            if index != _DONE:
                self.work(view, offset)
            self.finished.put(index)


class Upload:
    """One connection's uploads into `path`: a ring of `BUFFERS` aligned buffers, each
    free again once both stages are done with it."""

    def __init__(self, path: Path) -> None:
        self.descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_DIRECT, 0o644)
        self.buffers = [mmap.mmap(-1, BUFFER) for _ in range(BUFFERS)]
        self.free: list[int] = list(range(BUFFERS))
        self.users = [0] * BUFFERS
        self.finished: queue.SimpleQueue[int] = queue.SimpleQueue()
        self.digest = hashlib.sha256()
        self.stages = [
            Stage(lambda view, _: self.digest.update(view), self.finished),
            Stage(lambda view, at: _write_at(self.descriptor, view, at), self.finished),
        ]

    def _take_finished(self) -> int:
        index = self.finished.get()
        if index != _DONE:
            self.users[index] -= 1
            if not self.users[index]:
                self.free.append(index)
        return index

    def buffer(self) -> tuple[int, memoryview]:
        while not self.free:
            self._take_finished()
        index = self.free.pop()
        return index, memoryview(self.buffers[index])

    def hand_on(self, index: int, view: memoryview, offset: int) -> None:
        self.users[index] = len(self.stages)
        for stage in self.stages:
            stage.jobs.put((index, view, offset))

    def settle(self) -> None:
        """Wait until both stages are done with every buffer, then sync the file."""
        for stage in self.stages:
            stage.jobs.put((_DONE, memoryview(b""), 0))
        markers = 0
        while markers < len(self.stages):
            markers += self._take_finished() == _DONE
        os.fdatasync(self.descriptor)

    def close(self) -> None:
        for stage in self.stages:
            stage.jobs.put(None)
        os.close(self.descriptor)


def _write_at(descriptor: int, view: memoryview, offset: int) -> None:
    while view:
        written = os.pwrite(descriptor, view, offset)
        view, offset = view[written:], offset + written


def _head(connection: socket.socket, leftover: bytes) -> tuple[bytes, dict[bytes, bytes], bytes]:
    while b"\r\n\r\n" not in leftover:
        received = connection.recv(65536)
        if not received:
            raise ConnectionError
        leftover += received
    head, _, leftover = leftover.partition(b"\r\n\r\n")
    request, *lines = head.split(b"\r\n")
    fields = dict(line.split(b":", 1) for line in lines)
    return (
        request,
        {name.strip().lower(): value.strip() for name, value in fields.items()},
        leftover,
    )


def serve_connection(connection: socket.socket, path: Path) -> None:
    upload = Upload(path)
    leftover = b""
    try:
        while True:
            request, headers, leftover = _head(connection, leftover)
            if not request.startswith(b"PATCH "):
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                continue
            offset = int(headers[b"upload-offset"])
            remaining = int(headers[b"content-length"])
            while remaining:
                index, view = upload.buffer()
                wanted = min(BUFFER, remaining)
                taken = min(len(leftover), wanted)
                view[:taken], leftover = leftover[:taken], leftover[taken:]
                while taken < wanted:
                    received = connection.recv_into(view[taken:wanted])
                    if not received:
                        raise ConnectionError
                    taken += received
                upload.hand_on(index, view[:wanted], offset)
                offset += wanted
                remaining -= wanted
            upload.settle()
            digest = upload.digest.hexdigest().encode()
            connection.sendall(
                b"HTTP/1.1 204 No Content\r\nUpload-Offset: %d\r\nUpload-Digest: %s\r\n\r\n"
                % (offset, digest)
            )
    except ConnectionError:
        pass
    finally:
        upload.close()
        connection.close()


def main() -> None:
    port, path = int(sys.argv[1]), Path(sys.argv[2])
    listener = socket.create_server(("127.0.0.1", port))
    while True:
        connection, _ = listener.accept()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=serve_connection, args=(connection, path), daemon=True).start()


if __name__ == "__main__":
    main()
