"""Writing and reading files with direct I/O (`O_DIRECT`): the bytes go between one reused,
aligned buffer and the disk, not through the page cache.

A buffered write copies every byte into page-cache pages that the kernel must find,
account as dirty and later write back; for a large upload that copy was the biggest part
of the server's CPU (more than receiving the bytes or hashing them), and on a virtual
machine whose fresh pages are costly to touch it also swung from run to run. Large object
stores write big objects the same way. The bytes are gathered in a page-aligned buffer
and written in whole blocks; what is left at a checkpoint (less than a block) is written
padded to a block, the file cut back to its true length, and kept in the buffer to be
written again, completed, with the next bytes.

Large reads (a download of a big file, most of which no cache holds) go the same way:
read into the aligned buffer and copied out once, where the page cache would first find,
fill and account a fresh page for every 4 KiB (measured here: 1.3 to 2 GB/s for 0.1 to
0.2 s of CPU per GiB, against 0.6 GB/s and 1.9 s through a cold page cache). Small reads
(images viewed again and again) keep the page cache.

Where the file system has no direct I/O (tmpfs on older kernels, some network file
systems) the same code goes through the page cache instead. Every method blocks: call
them from a worker thread.
"""

from __future__ import annotations

import errno
import mmap
import os
import queue
import threading
from pathlib import Path

# Direct I/O needs the buffer's address, the file offset and the length to be multiples
# of the device's logical block size: 4 KiB covers 512-byte and 4 KiB devices.
BLOCK = 4096
# Bytes gathered before they are written, and read at once: direct writes of 1 MiB ran at
# 1.7 to 2.1 GB/s here, of 256 KiB at 1.3, of 4 MiB no faster.
BUFFER = 1024 * 1024
# Spans read directly from this size on; smaller ones through the page cache.
DIRECT_READ_FROM = 4 * BUFFER


# Aligned buffers kept for the next appender or reader once one is done with them: a
# fresh one costs a page fault per 4 KiB on first use and, when let go, a flush of every
# core's address translations.
KEPT_BUFFERS = 16
_kept: list[mmap.mmap] = []
_kept_lock = threading.Lock()


def _buffer() -> mmap.mmap:
    """A page-aligned buffer of `BUFFER` bytes and a block (a kept one holds old bytes:
    only what is written into it is ever read from it)."""
    with _kept_lock:
        if _kept:
            return _kept.pop()
    return mmap.mmap(-1, BUFFER + BLOCK)


def _give_back(buffer: mmap.mmap) -> None:
    with _kept_lock:
        if len(_kept) < KEPT_BUFFERS:
            _kept.append(buffer)
            return
    buffer.close()


def _open_direct(path: Path, flags: int) -> int | None:
    direct = getattr(os, "O_DIRECT", 0)
    if not direct:
        return None  # not Linux
    try:
        return os.open(path, flags | direct)
    except OSError as error:
        if error.errno == errno.EINVAL:
            return None
        raise


def _write_at(descriptor: int, view: memoryview, offset: int) -> None:
    while view:
        written = os.pwrite(descriptor, view, offset)
        view, offset = view[written:], offset + written


class DirectAppender:
    """Appends to `path` from `offset`, cutting off whatever the file held after it."""

    def __init__(self, path: Path, offset: int) -> None:
        self.handle = os.open(path, os.O_RDWR)
        self.direct: int | None = None
        self.closed = False
        self.buffer = _buffer()  # page-aligned, as direct I/O needs
        self.view = memoryview(self.buffer)
        try:
            os.ftruncate(self.handle, offset)
            self.direct = _open_direct(path, os.O_WRONLY)
            self.block = BLOCK if self.direct is not None else 1
            self.position = offset
            # The buffer holds the file from `start` on: the end of its last whole block,
            # read back, for the first write to complete.
            self.start = offset - offset % self.block
            self.filled = offset - self.start
            if self.filled:
                self.view[: self.filled] = os.pread(self.handle, self.filled, self.start)
        except BaseException:
            self.close()
            raise

    def write(self, blocks: list[bytes]) -> None:
        for block in blocks:
            piece = memoryview(block)
            while piece:
                taken = min(len(piece), BUFFER - self.filled)
                self.view[self.filled : self.filled + taken] = piece[:taken]
                self.filled += taken
                piece = piece[taken:]
                if self.filled == BUFFER:
                    self._write_whole_blocks()
            self.position += len(block)

    def _write_whole_blocks(self) -> None:
        whole = self.filled - self.filled % self.block
        if whole:
            _write_at(self.writing_to, self.view[:whole], self.start)
            kept = self.filled - whole
            self.view[:kept] = self.view[whole : self.filled]
            self.start += whole
            self.filled = kept

    @property
    def writing_to(self) -> int:
        return self.direct if self.direct is not None else self.handle

    def sync(self) -> None:
        """Make every byte written so far durable."""
        self._write_whole_blocks()
        if self.filled:
            # The last part of a block: written as a whole block, padded, then cut off.
            padded = self.filled + (-self.filled) % self.block
            self.view[self.filled : padded] = bytes(padded - self.filled)
            _write_at(self.writing_to, self.view[:padded], self.start)
            if padded != self.filled:
                os.ftruncate(self.handle, self.position)
        os.fdatasync(self.handle)  # the file's size, and any bytes written buffered

    def close(self) -> None:
        """Let go of the file (again: no harm)."""
        if self.closed:
            return
        self.closed = True
        self.view.release()
        _give_back(self.buffer)
        if self.direct is not None:
            os.close(self.direct)
        os.close(self.handle)


class DirectReader:
    """The bytes [start, start + length) of `path`, as spans of at most a buffer that may be
    read in several threads at once (`next_span`, then `read` in any thread). The file is
    opened at once: its bytes stay readable even if it is replaced or removed meanwhile."""

    def __init__(self, path: Path, start: int, length: int, buffers: int = 1) -> None:
        direct = _open_direct(path, os.O_RDONLY) if length >= DIRECT_READ_FROM else None
        self.descriptor = direct if direct is not None else os.open(path, os.O_RDONLY)
        self.block = BLOCK if direct is not None else 1
        # No more buffers than the span has reads (a small image needs one).
        reads = -(-(start % BUFFER + length) // BUFFER)
        self.buffers = [_buffer() for _ in range(max(1, min(buffers, reads)))]
        self.free: queue.SimpleQueue[mmap.mmap] = queue.SimpleQueue()
        for buffer in self.buffers:
            self.free.put(buffer)
        self.position = start
        self.end = start + length

    def next_span(self) -> tuple[int, int] | None:
        """The next span to read, (start, length); spans after the first start on a buffer
        boundary, so that each is one read of at most a buffer."""
        if self.position >= self.end:
            return None
        start = self.position
        length = min(BUFFER - start % BUFFER, self.end - start)
        self.position += length
        return start, length

    def read(self, start: int, length: int) -> bytes:
        """A span's bytes; fewer where the file ends sooner. Blocks until a buffer is free."""
        buffer = self.free.get()
        try:
            # Direct reads start on a block: the bytes before the span are read and left.
            skipped = start % self.block
            asked = skipped + length
            view = memoryview(buffer)[: asked + (-asked) % self.block]
            with view:
                read = os.preadv(self.descriptor, [view], start - skipped)
                return bytes(view[skipped : max(skipped, min(read, asked))])
        finally:
            self.free.put(buffer)

    def close(self) -> None:
        """Let go of the file (again: no harm); no read may be running."""
        if self.descriptor < 0:
            return
        for buffer in self.buffers:
            _give_back(buffer)
        os.close(self.descriptor)
        self.descriptor = -1
