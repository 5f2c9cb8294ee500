"""Emails: what they say, and how the outbox gets them to a real SMTP server."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from models import OutboxMessage, OutboxStatus, User
from services.clock import now
from services.notifications.delivery import Courier, build_message
from services.notifications.email import Email
from services.notifications.outbox import enqueue
from services.notifications.worker import deliver_due, retry_delay
from services.settings import load_settings
from tests.conftest import Service, ServiceFactory
from tests.mailbox import Received
from tests.story import PASSWORD, confirmation_token, gql, sign_up, signed_up, token_in

REQUEST_RESET = """mutation($i: RequestPasswordResetInput!) {
  requestPasswordReset(input: $i) { errors { code } } }"""


async def until(condition: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    """Wait until `condition` holds (checked every few milliseconds)."""

    async def poll() -> None:
        while True:
            if await condition():
                return
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout)


async def outbox_row(to: str) -> OutboxMessage:
    return await OutboxMessage.filter(to_address=to).order_by("-id").first()  # type: ignore[return-value]


def assert_link_in_both_parts(service: Service, mail: Received, path: str) -> str:
    """The link to `path` is in the text and in the HTML part, under PUBLIC_URL, with a token."""
    token = token_in(mail.text, path)
    link = f"{service.base_url}{path}?token={token}"
    assert link in mail.text
    assert f'href="{link}"' in mail.html
    return token


def assert_well_formed(service: Service, mail: Received, to: str) -> None:
    assert mail.recipients == [to]
    assert mail.message["To"] == to
    assert mail.message["From"] == service.settings.mail_from
    assert mail.message["Message-ID"]
    assert mail.message.get_content_type() == "multipart/alternative"
    assert mail.text.strip() and mail.html.strip()


async def test_the_confirmation_email(service: Service) -> None:
    assert (await sign_up(service, "Alice@Example.org", display_name='<b>Al & "co"</b>'))[
        "errors"
    ] == []
    [mail] = await service.mailbox.wait_for(1, to="alice@example.org")
    assert_well_formed(service, mail, "alice@example.org")
    assert mail.subject == "Confirm your datashare account"
    token = assert_link_in_both_parts(service, mail, "/verify-email")
    assert len(token) >= 22  # at least 128 random bits, URL-safe base64
    # Values are escaped in the HTML part, and kept as they are in the text part.
    assert '<b>Al & "co"</b>' in mail.text
    assert "&lt;b&gt;Al &amp; &quot;co&quot;&lt;/b&gt;" in mail.html
    assert "<b>Al" not in mail.html


async def test_the_password_reset_email(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org", "Alice")
    await gql(service, REQUEST_RESET, {"i": {"email": alice.email}})
    mails = await service.mailbox.wait_for(2, to=alice.email)
    mail = mails[-1]
    assert_well_formed(service, mail, alice.email)
    assert mail.subject == "Reset your datashare password"
    assert_link_in_both_parts(service, mail, "/reset-password")
    assert "Hello Alice," in mail.text


async def test_the_note_to_the_owner_of_a_taken_address(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org", "Alice")
    assert (await sign_up(service, "alice@example.org", "another long password"))["errors"] == []
    mail = (await service.mailbox.wait_for(2, to=alice.email))[-1]
    assert_well_formed(service, mail, alice.email)
    assert mail.subject == "Someone tried to sign up with your address"
    assert "If it was you, log in" in mail.text and "reset it" in mail.text
    assert f'href="{service.base_url}/login"' in mail.html
    assert "token=" not in mail.text


async def test_the_note_about_an_unconfirmed_account_carries_a_reset_link(
    service: Service,
) -> None:
    assert (await sign_up(service, "erin@example.org"))["errors"] == []
    assert (await sign_up(service, "erin@example.org", "another long password"))["errors"] == []
    mail = (await service.mailbox.wait_for(2, to="erin@example.org"))[-1]
    assert_well_formed(service, mail, "erin@example.org")
    assert_link_in_both_parts(service, mail, "/reset-password")


async def test_each_outbox_row_keeps_one_message_id(start_service: ServiceFactory) -> None:
    service = await start_service(EMAIL_WORKER="off")
    await sign_up(service, "alice@example.org")
    await sign_up(service, "bob@example.org")
    first, second = await OutboxMessage.all().order_by("id")
    settings = service.settings
    assert (
        build_message(first, settings)["Message-ID"] == build_message(first, settings)["Message-ID"]
    )
    assert (
        build_message(first, settings)["Message-ID"]
        != build_message(second, settings)["Message-ID"]
    )


async def test_an_email_is_written_in_the_transaction_of_its_cause(
    start_service: ServiceFactory,
) -> None:
    """If the change is rolled back, so is its email."""
    await start_service(EMAIL_WORKER="off")
    email = Email(kind="test", subject="Hi", text="Hello", html="<p>Hello</p>")

    class Undo(Exception):
        pass

    with pytest.raises(Undo):
        async with in_transaction() as conn:
            await enqueue(email, "alice@example.org", using_db=conn)
            assert await OutboxMessage.all().using_db(conn).count() == 1
            raise Undo
    assert await OutboxMessage.all().count() == 0


async def test_sign_up_succeeds_while_smtp_is_down_and_the_email_follows(
    service: Service,
) -> None:
    service.mailbox.stop()
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    assert await User.filter(email="alice@example.org").count() == 1

    async def tried_and_failed() -> bool:
        row = await outbox_row("alice@example.org")
        return row.attempts >= 1 and row.status == OutboxStatus.PENDING and bool(row.last_error)

    await until(tried_and_failed)
    service.mailbox.start()
    token = await confirmation_token(service, "alice@example.org")
    assert len(service.mailbox.to("alice@example.org")) == 1
    verified = await gql(
        service,
        """mutation($i: VerifyEmailInput!) { verifyEmail(input: $i) { errors { code } } }""",
        {"i": {"token": token}},
    )
    assert verified["data"]["verifyEmail"]["errors"] == []
    row = await outbox_row("alice@example.org")
    assert row.status == OutboxStatus.SENT and row.sent_at is not None
    # Once sent, the one-time link is not kept in the clear.
    assert token not in row.text_body + row.html_body


async def test_a_temporary_refusal_is_retried(service: Service) -> None:
    service.mailbox.reject_with = "451 4.3.0 Mailbox busy, try again later"
    assert (await sign_up(service, "alice@example.org"))["errors"] == []

    async def refused_twice() -> bool:
        return (await outbox_row("alice@example.org")).attempts >= 2

    await until(refused_twice)
    row = await outbox_row("alice@example.org")
    assert row.status in {OutboxStatus.PENDING, OutboxStatus.SENDING}
    assert "451" in row.last_error
    service.mailbox.reject_with = None
    await service.mailbox.wait_for(1, to="alice@example.org")

    async def sent() -> bool:
        return (await outbox_row("alice@example.org")).status == OutboxStatus.SENT

    await until(sent)
    assert len(service.mailbox.to("alice@example.org")) == 1


async def test_a_permanent_refusal_is_not_retried(service: Service) -> None:
    service.mailbox.reject_with = "550 5.1.1 No such user here"
    assert (await sign_up(service, "alice@example.org"))["errors"] == []

    async def failed() -> bool:
        return (await outbox_row("alice@example.org")).status == OutboxStatus.FAILED

    await until(failed)
    service.mailbox.reject_with = None
    # Mail queued after it goes out; the refused one stays refused, tried once.
    assert (await sign_up(service, "bob@example.org"))["errors"] == []
    await service.mailbox.wait_for(1, to="bob@example.org")
    row = await outbox_row("alice@example.org")
    assert row.status == OutboxStatus.FAILED and row.attempts == 1 and "550" in row.last_error
    assert service.mailbox.to("alice@example.org") == []


async def test_a_message_is_given_up_after_a_day_of_temporary_failures(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(EMAIL_WORKER="off")
    service.mailbox.stop()
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    courier = Courier(service.settings)
    assert await deliver_due(service.settings, courier) == 1
    row = await outbox_row("alice@example.org")
    assert row.status == OutboxStatus.PENDING and row.attempts == 1
    assert row.next_attempt_at > now()  # backing off

    await OutboxMessage.filter(id=row.id).update(
        created_at=now() - timedelta(days=1, seconds=1), next_attempt_at=now()
    )
    assert await deliver_due(service.settings, courier) == 1
    row = await outbox_row("alice@example.org")
    assert row.status == OutboxStatus.FAILED and row.attempts == 2
    assert await deliver_due(service.settings, courier) == 0
    await courier.close()
    service.mailbox.start()


def test_the_retry_delay_doubles_up_to_an_hour() -> None:
    settings = load_settings(env_file=None, overrides={"EMAIL_RETRY_SECONDS": "10"})
    delays = [retry_delay(settings, attempt).total_seconds() for attempt in range(1, 12)]
    assert delays[:5] == [10, 20, 40, 80, 160]
    assert delays[-1] == 3600 and max(delays) == 3600


async def test_a_message_whose_lease_lapsed_is_sent_again(service: Service) -> None:
    """A worker died mid-send: once its lease lapses the message goes out, once."""
    # Claimed by workers that are gone; only the second one's lease has lapsed.
    for to, lease in [
        ("held@example.org", timedelta(hours=1)),
        ("lapsed@example.org", -timedelta(seconds=1)),
    ]:
        await OutboxMessage.create(
            kind="test",
            to_address=to,
            subject="Left behind",
            text_body="Hello",
            html_body="<p>Hello</p>",
            status=OutboxStatus.SENDING,
            attempts=1,
            next_attempt_at=now(),
            locked_until=now() + lease,
        )
    await service.mailbox.wait_for(1, to="lapsed@example.org")
    assert await signed_up(service, "alice@example.org")  # later mail flows past the held one
    assert service.mailbox.to("held@example.org") == []
    assert len(service.mailbox.to("lapsed@example.org")) == 1


async def test_without_smtp_host_emails_are_written_to_the_log(
    start_service: ServiceFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="datashare.email")
    service = await start_service(SMTP_HOST="")
    assert (await sign_up(service, "alice@example.org"))["errors"] == []

    async def sent() -> bool:
        row = await outbox_row("alice@example.org")
        return row is not None and row.status == OutboxStatus.SENT

    await until(sent)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    token = token_in(logged, "/verify-email")
    assert service.mailbox.messages == []
    verified = await gql(
        service,
        """mutation($i: VerifyEmailInput!) { verifyEmail(input: $i) { errors { code } } }""",
        {"i": {"token": token}},
    )
    assert verified["data"]["verifyEmail"]["errors"] == []
    assert PASSWORD not in logged
