"""A real SMTP server (aiosmtpd) on a free loopback port that keeps what arrives."""

from __future__ import annotations

import asyncio
import email
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.net import free_port


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def to(self) -> str:
        return self.recipients[0]

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, content_type: str) -> str:
        for part in self.message.walk():
            if part.get_content_type() == content_type:
                return str(part.get_content())  # type: ignore[attr-defined]
        raise AssertionError(f"no {content_type} part in {self.subject!r}")

    @property
    def text(self) -> str:
        return self.part("text/plain")

    @property
    def html(self) -> str:
        return self.part("text/html")


class _Handler:
    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.mailbox.reject_with:
            return self.mailbox.reject_with
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self.mailbox.add(
            Received(str(envelope.mail_from), [str(r) for r in envelope.rcpt_tos], message)  # type: ignore[arg-type]
        )
        return "250 Message accepted for delivery"


class Mailbox:
    """Start and stop the server at will (to simulate an outage) on a fixed port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[Received] = []
        self.reject_with: str | None = None
        self._controller: Controller | None = None
        self._loop = asyncio.get_running_loop()
        self._arrived = asyncio.Event()

    def add(self, received: Received) -> None:
        # Called on the server's thread; hand over to the test's loop.
        self._loop.call_soon_threadsafe(self._append, received)

    def _append(self, received: Received) -> None:
        self.messages.append(received)
        self._arrived.set()

    def start(self) -> None:
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if address.lower() in (r.lower() for r in m.recipients)]

    async def wait_for(
        self, count: int = 1, *, to: str | None = None, timeout: float = 10.0
    ) -> list[Received]:
        """Wait until at least `count` messages (to `to`, if given) have arrived."""

        def matching() -> list[Received]:
            return self.to(to) if to else list(self.messages)

        async def arrived() -> list[Received]:
            while len(found := matching()) < count:
                self._arrived.clear()
                await self._arrived.wait()
            return found

        return await asyncio.wait_for(arrived(), timeout)

    def settings(self) -> dict[str, Any]:
        return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(self.port)}
