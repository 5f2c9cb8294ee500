"""`python main.py worker` as its own process: killed mid-queue, stopped, run twice at once."""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import IO

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from tortoise.transactions import in_transaction

from models import OutboxMessage, OutboxStatus
from services.notifications.email import Email
from services.notifications.outbox import enqueue
from services.notifications.worker import claim_due
from tests import databases
from tests.conftest import ServiceFactory
from tests.net import free_port

ROOT = Path(__file__).resolve().parents[3]


class HoldingServer:
    """A real SMTP server that holds each message a moment before accepting it.

    While a message is held the sender has not been told it was accepted; if the sender
    hangs up meanwhile, aiosmtpd cancels the handler and the message is not accepted,
    as with any SMTP server that has not answered the end of DATA yet.
    """

    def __init__(self, hold: float = 0.0) -> None:
        self.hold = hold
        self.port = free_port()
        self.started = 0  # messages whose DATA came in
        self.arrived: list[email.message.EmailMessage] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self._lock:
            self.started += 1
        try:
            if self.hold:
                await asyncio.sleep(self.hold)
        except asyncio.CancelledError:
            with self._lock:
                self.started -= 1  # the sender hung up: nothing was accepted
            raise
        message = email.message_from_bytes(
            envelope.original_content or b"", policy=email.policy.default
        )
        with self._lock:
            self.arrived.append(message)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    @property
    def holding(self) -> bool:
        with self._lock:
            return self.started > len(self.arrived)

    def subjects(self) -> Counter[str]:
        with self._lock:
            return Counter(str(message["Subject"]) for message in self.arrived)

    def senders(self) -> set[str]:
        with self._lock:
            return {str(message["From"]) for message in self.arrived}

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()


@pytest.fixture
async def smtp_server() -> AsyncIterator[HoldingServer]:
    server = HoldingServer()
    server.start()
    yield server
    server.stop()


class WorkerProcess:
    """`python main.py worker` with its settings in the environment."""

    def __init__(self, process: asyncio.subprocess.Process, log: Path, output: IO[bytes]) -> None:
        self.process = process
        self.log = log
        self._output = output

    @classmethod
    async def start(cls, log: Path, **settings: str) -> WorkerProcess:
        output = log.open("wb")
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "main.py",
            "worker",
            cwd=ROOT,
            env={**os.environ, **settings},
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )
        return cls(process, log, output)

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    async def wait_started(self) -> None:
        await until_true(lambda: "email worker started" in self.text())

    async def kill(self) -> None:
        self.process.kill()
        await self.process.wait()
        self._output.close()

    async def stop(self, signum: int = signal.SIGTERM) -> int:
        self.process.send_signal(signum)
        code = await asyncio.wait_for(self.process.wait(), 30)
        self._output.close()
        return code


async def until(condition: Callable[[], Awaitable[bool]], timeout: float = 30.0) -> None:
    async def poll() -> None:
        while True:
            if await condition():
                return
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


async def until_true(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    async def check() -> bool:
        return condition()

    await until(check, timeout)


def worker_settings(database_url: str, server: HoldingServer, **extra: str) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(server.port),
        "EMAIL_RETRY_SECONDS": "0.2",
        # A dead worker's claims lapse quickly, so the test need not wait long for them.
        "EMAIL_LEASE_SECONDS": "2",
        "PUBLIC_URL": "http://127.0.0.1:9",
        **extra,
    }


async def enqueue_numbered(count: int) -> list[str]:
    subjects = [f"Message {number}" for number in range(count)]
    async with in_transaction() as conn:
        for number, subject in enumerate(subjects):
            note = Email(kind="test", subject=subject, text=subject, html=f"<p>{subject}</p>")
            await enqueue(note, f"person{number}@example.org", using_db=conn)
    return subjects


async def test_a_worker_killed_mid_queue_sends_each_email_once_after_restart(
    start_service: ServiceFactory, database_url: str, smtp_server: HoldingServer, tmp_path: Path
) -> None:
    await start_service(EMAIL_WORKER="off")
    subjects = await enqueue_numbered(30)
    settings = worker_settings(database_url, smtp_server)
    smtp_server.hold = 0.3

    first = await WorkerProcess.start(tmp_path / "first.log", **settings)
    # Kill it while it is in the middle of the queue, with a message in flight.
    await until_true(lambda: len(smtp_server.arrived) >= 5 and smtp_server.holding)
    await first.kill()
    await until_true(lambda: not smtp_server.holding)  # the held message was dropped
    sent_before = len(smtp_server.arrived)
    assert await OutboxMessage.filter(status=OutboxStatus.SENT).count() == sent_before
    assert await OutboxMessage.filter(status=OutboxStatus.SENDING).count() >= 1  # claimed
    assert sent_before < len(subjects)

    smtp_server.hold = 0.0
    second = await WorkerProcess.start(tmp_path / "second.log", **settings)
    await until_true(lambda: len(smtp_server.arrived) >= len(subjects))

    async def all_sent() -> bool:
        return await OutboxMessage.filter(status=OutboxStatus.SENT).count() == len(subjects)

    await until(all_sent)
    assert await second.stop() == 0
    assert smtp_server.subjects() == Counter(subjects)  # every one, exactly once
    ids = [str(message["Message-ID"]) for message in smtp_server.arrived]
    assert len(set(ids)) == len(subjects)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_the_worker_process_stops_cleanly_on_a_signal(
    start_service: ServiceFactory,
    database_url: str,
    smtp_server: HoldingServer,
    tmp_path: Path,
    signum: int,
) -> None:
    await start_service(EMAIL_WORKER="off")
    worker = await WorkerProcess.start(
        tmp_path / "worker.log", **worker_settings(database_url, smtp_server)
    )
    await worker.wait_started()
    subjects = await enqueue_numbered(3)  # enqueued by another process: found by polling
    await until_true(lambda: len(smtp_server.arrived) >= 3)
    assert await worker.stop(signum) == 0
    assert "email worker stopped" in worker.text()
    assert "Traceback" not in worker.text()
    assert smtp_server.subjects() == Counter(subjects)


@pytest.mark.skipif(
    databases.backend() != "postgres", reason="several workers at once need PostgreSQL"
)
async def test_two_workers_draining_one_queue_send_each_email_once(
    start_service: ServiceFactory, database_url: str, smtp_server: HoldingServer, tmp_path: Path
) -> None:
    await start_service(EMAIL_WORKER="off")
    smtp_server.hold = 0.03
    workers = [
        await WorkerProcess.start(
            tmp_path / f"worker{n}.log",
            # Neither dies here: a lease (and send timeout) long enough that a machine
            # slowed by other work never lets a claim lapse mid-send, which would be a
            # second sending by design (at least once), not a fault of the claims.
            **worker_settings(
                database_url,
                smtp_server,
                MAIL_FROM=f"worker{n} <w{n}@localhost>",
                EMAIL_LEASE_SECONDS="30",
            ),
        )
        for n in (1, 2)
    ]
    for worker in workers:
        await worker.wait_started()
    subjects = await enqueue_numbered(80)
    await until_true(lambda: len(smtp_server.arrived) >= len(subjects))

    async def all_sent() -> bool:
        return await OutboxMessage.filter(status=OutboxStatus.SENT).count() == len(subjects)

    await until(all_sent)
    for worker in workers:
        assert await worker.stop() == 0
    assert smtp_server.subjects() == Counter(subjects)
    # Both took part: each one's sender address shows up.
    assert smtp_server.senders() == {"worker1 <w1@localhost>", "worker2 <w2@localhost>"}


async def test_concurrent_claims_never_overlap(start_service: ServiceFactory) -> None:
    """Many claims at once (several connections on PostgreSQL): each message goes to one."""
    service = await start_service(EMAIL_WORKER="off")
    await enqueue_numbered(60)
    claims = await asyncio.gather(*(claim_due(service.settings, limit=7) for _ in range(12)))
    claimed = [message.id for claim in claims for message in claim]
    assert len(claimed) == len(set(claimed))  # no message went to two claims
    leased = await OutboxMessage.filter(status=OutboxStatus.SENDING).values_list("id", flat=True)
    assert sorted(leased) == sorted(claimed)
    while more := await claim_due(service.settings):
        claimed += [message.id for message in more]
    assert len(claimed) == len(set(claimed)) == 60
    assert await OutboxMessage.filter(status=OutboxStatus.SENDING, attempts=1).count() == 60
