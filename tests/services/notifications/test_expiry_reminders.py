"""Reminders before a grant ends (SPEC section 11), delivered to a real SMTP server: who gets
them, when, once per grant and end, and with several workers at once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models import Dataset, DatasetKind, OutboxMessage, ShareGrant, User
from services.clock import now
from services.ids import decode_pk
from services.notifications.expiry_reminders import queue_expiry_reminders, when
from tests import databases
from tests.conftest import Service, ServiceFactory
from tests.mailbox import Received
from tests.schema.test_grant_expiry import ahead, share_until
from tests.services.notifications.test_notifications import assert_well_formed
from tests.services.notifications.test_worker import (
    HoldingServer,
    WorkerProcess,
    smtp_server,
    until_true,
    worker_settings,
)
from tests.story import (
    create_dataset,
    create_team,
    people,
    share_with_teams,
    update_grant,
)

__all__ = ["smtp_server"]  # the fixture, used by the two-worker test

REMINDERS = ("expiry_reminder", "expiry_reminder_granter")


async def reminders() -> int:
    return await OutboxMessage.filter(kind__in=REMINDERS).count()


async def reminders_to(service: Service, address: str, count: int) -> list[Received]:
    """Wait for `count` reminders to `address` (other mail, such as confirmations, aside)."""

    def matching() -> list[Received]:
        return [m for m in service.mailbox.to(address) if " ends on " in m.subject]

    await until_true(lambda: len(matching()) >= count, timeout=15)
    return matching()


async def test_the_recipient_and_the_granter_are_reminded_once_per_end(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(REMINDER_CHECK_SECONDS="0.1")
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    soon = (await share_until(service, alice, image, ["bob@lab.example"], expiresAt=ahead(days=2)))[
        "grants"
    ][0]
    later = (
        await share_until(service, alice, image, ["carol@lab.example"], expiresAt=ahead(days=10))
    )["grants"][0]

    # Less than three days are left for Bob: both are reminded at once.
    [to_bob] = await reminders_to(service, bob.email, 1)
    [to_alice] = await reminders_to(service, alice.email, 1)
    ends = when(datetime.fromisoformat(soon["expiresAt"]))
    link = f"{service.base_url}/datasets/{image}"
    assert_well_formed(service, to_bob, bob.email)
    assert to_bob.subject == f'Your access to "Kidney section" ends on {ends}'
    assert ends in to_bob.text and ends in to_bob.html and "alice" in to_bob.text
    assert link in to_bob.text
    assert_well_formed(service, to_alice, alice.email)
    assert to_alice.subject == f'Access to "Kidney section" for bob@lab.example ends on {ends}'
    assert "extend" in to_alice.text.lower()
    assert link in to_alice.text and f'href="{link}"' in to_alice.html

    # Carol's end is ten days away: nothing yet, however often the worker looks.
    assert await queue_expiry_reminders(service.settings) == 0
    assert await reminders_to(service, carol.email, 0) == []
    # Moving it within three days arms her reminder; moving Bob's arms a new one for him.
    moved = await update_grant(service, alice, later["id"], expiresAt=ahead(days=1))
    assert moved["errors"] == []
    await reminders_to(service, carol.email, 1)
    moved = await update_grant(service, alice, soon["id"], expiresAt=ahead(days=2.5))
    assert moved["errors"] == []
    await reminders_to(service, bob.email, 2)
    await reminders_to(service, alice.email, 3)

    # One reminder per grant and end: looking again queues nothing more.
    assert await queue_expiry_reminders(service.settings) == 0
    assert await reminders() == 6
    sent = Counter(m.subject for m in service.mailbox.messages if "ends on" in m.subject)
    assert sum(sent.values()) == 6 and set(sent.values()) == {1}


async def test_no_reminder_for_grants_ended_or_pending_recipients(
    start_service: ServiceFactory,
) -> None:
    # The worker delivers the confirmations; its reminder round is left to the test.
    service = await start_service(REMINDER_CHECK_SECONDS="3600")
    alice, _bob = await people(service, "alice", "bob")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    grants = (
        await share_until(
            service,
            alice,
            msi,
            ["bob@lab.example", "newcomer@lab.example"],
            expiresAt=ahead(days=1),
        )
    )["grants"]
    # Bob's end passed before any worker looked: there is nothing left to remind of.
    ended = now() - timedelta(minutes=1)
    await ShareGrant.filter(id=decode_pk(grants[0]["id"], "ShareGrant")).update(expires_at=ended)
    assert await queue_expiry_reminders(service.settings) == 1
    # The pending invitation gives no access to end: only Alice hears of it.
    rows = await OutboxMessage.filter(kind__in=REMINDERS).values_list("kind", "to_address")
    assert rows == [("expiry_reminder_granter", "alice@lab.example")]
    assert await queue_expiry_reminders(service.settings) == 0


async def test_a_team_grant_reminds_its_granter_naming_the_team(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(REMINDER_CHECK_SECONDS="3600")
    alice, bob = await people(service, "alice", "bob")
    team = await create_team(service, alice, "Kidney lab", bob.email)
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    shared = await share_with_teams(service, alice, image, [team], expiresAt=ahead(days=1))
    assert shared["errors"] == []
    assert await queue_expiry_reminders(service.settings) == 1
    # The team is the recipient and has no address: its members get nothing (section 14).
    rows = await OutboxMessage.filter(kind__in=REMINDERS).values_list("kind", "to_address")
    assert rows == [("expiry_reminder_granter", alice.email)]
    [to_alice] = await reminders_to(service, alice.email, 1)
    ends = when(datetime.fromisoformat(shared["grants"][0]["expiresAt"]))
    assert to_alice.subject == (
        f'Access to "Kidney section" for the team "Kidney lab" ends on {ends}'
    )
    assert 'the team "Kidney lab"' in to_alice.text and "team:" not in to_alice.text
    assert await queue_expiry_reminders(service.settings) == 0
    assert service.mailbox.to(bob.email) == [
        m for m in service.mailbox.to(bob.email) if " ends on " not in m.subject
    ]


async def many_ending_grants(count: int) -> list[str]:
    """`count` grants of one owner ending within the hour, made straight in the database;
    returns their recipients' addresses."""
    owner = await User.create(
        email="owner@lab.example", display_name="Owner", password_hash="x", email_verified_at=now()
    )
    dataset = await Dataset.create(owner_id=owner.id, name="Atlas", kind=DatasetKind("MSI"))
    addresses = [f"r{n}@lab.example" for n in range(count)]
    recipients = [
        await User.create(email=a, display_name=a, password_hash="x", email_verified_at=now())
        for a in addresses
    ]
    end = datetime.now(UTC) + timedelta(hours=1)
    await ShareGrant.bulk_create(
        [
            ShareGrant(
                dataset_id=dataset.id,
                recipient_email=user.email,
                recipient_id=user.id,
                granted_by_id=owner.id,
                expires_at=end + timedelta(seconds=n),
            )
            for n, user in enumerate(recipients)
        ]
    )
    return addresses


async def test_concurrent_claims_queue_each_reminder_once(start_service: ServiceFactory) -> None:
    service = await start_service(EMAIL_WORKER="off")
    addresses = await many_ending_grants(40)
    claims = await asyncio.gather(
        *(queue_expiry_reminders(service.settings, limit=7) for _ in range(12))
    )
    while more := await queue_expiry_reminders(service.settings, limit=7):
        claims.append(more)
    assert sum(claims) == 40
    to = Counter(
        await OutboxMessage.filter(kind__in=REMINDERS).values_list("to_address", flat=True)
    )
    assert to == Counter({**{a: 1 for a in addresses}, "owner@lab.example": 40})


@pytest.mark.skipif(
    databases.backend() != "postgres", reason="several workers at once need PostgreSQL"
)
async def test_two_workers_send_each_reminder_once(
    start_service: ServiceFactory, database_url: str, smtp_server: HoldingServer, tmp_path: Path
) -> None:
    await start_service(EMAIL_WORKER="off")
    addresses = await many_ending_grants(60)
    workers = [
        await WorkerProcess.start(
            tmp_path / f"worker{n}.log",
            **worker_settings(database_url, smtp_server, REMINDER_CHECK_SECONDS="0.05"),
        )
        for n in (1, 2)
    ]
    await until_true(lambda: len(smtp_server.arrived) >= 120)
    for worker in workers:
        assert await worker.stop() == 0
        assert "Traceback" not in worker.text()
    assert len(smtp_server.arrived) == 120
    assert await reminders() == 120
    to = Counter(str(message["To"]) for message in smtp_server.arrived)
    assert to == Counter({**{a: 1 for a in addresses}, "owner@lab.example": 60})
    # Each grant's end was claimed once, by one worker or the other.
    assert await ShareGrant.filter(reminder_sent_for__isnull=True).count() == 0
