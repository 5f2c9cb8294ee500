"""A bare HTTP/1.1 client for the transfer benchmark: bodies go out with `sendfile` and
come in with large reads, so the client costs next to nothing and the figure is the
server's (the machine's two cores are shared by client and server)."""

from __future__ import annotations

import asyncio
import socket
from typing import BinaryIO

RECEIVE = 4 * 1024 * 1024


class RawHttp:
    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None
        self.buffered = b""

    async def __aenter__(self) -> RawHttp:
        loop = asyncio.get_running_loop()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # As browsers and urllib3 do: a body's last short segment goes out at once rather
        # than waiting (Nagle) for the server's delayed acknowledgement of the headers.
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.setblocking(False)
        await loop.sock_connect(self.sock, ("127.0.0.1", self.port))
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.sock is not None:
            self.sock.close()

    async def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        body: tuple[BinaryIO, int, int] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """Send a request (the body: a file, an offset, a length) and read the answer; a
        body larger than a few MiB is counted, not kept (its length is returned as text)."""
        assert self.sock is not None
        loop = asyncio.get_running_loop()
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body is not None:
            lines.append(f"Content-Length: {body[2]}")
        await loop.sock_sendall(self.sock, ("\r\n".join(lines) + "\r\n\r\n").encode())
        if body is not None:
            handle, offset, count = body
            await loop.sock_sendfile(self.sock, handle, offset, count, fallback=False)
        return await self._answer(method)

    async def _receive(self) -> bytes:
        assert self.sock is not None
        block = await asyncio.get_running_loop().sock_recv(self.sock, RECEIVE)
        if not block:
            raise ConnectionError("the server closed the connection")
        return block

    async def _answer(self, method: str) -> tuple[int, dict[str, str], bytes]:
        while b"\r\n\r\n" not in self.buffered:
            self.buffered += await self._receive()
        head, _, self.buffered = self.buffered.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        found = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            found[name.strip().lower()] = value.strip()
        length = 0 if method == "HEAD" else int(found.get("content-length", "0"))
        if length <= RECEIVE:
            while len(self.buffered) < length:
                self.buffered += await self._receive()
            content, self.buffered = self.buffered[:length], self.buffered[length:]
            return status, found, content
        received = len(self.buffered)
        self.buffered = b""
        while received < length:
            received += len(await self._receive())
        return status, found, str(received).encode()
