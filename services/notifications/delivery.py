"""Handing one outbox message to the SMTP server (or to the log when there is none)."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from enum import StrEnum

import aiosmtplib

from models import OutboxMessage
from services.settings import Settings

log = logging.getLogger("datashare.email")


class Outcome(StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"  # try again later
    PERMANENT = "permanent"  # the server refused it for good


def build_message(message: OutboxMessage, settings: Settings) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.mail_from
    mail["To"] = message.to_address
    mail["Subject"] = message.subject
    mail["Date"] = formatdate(localtime=False)
    domain = parseaddr(settings.mail_from)[1].partition("@")[2] or "datashare.invalid"
    mail["Message-ID"] = message_id(message, domain)
    mail.set_content(message.text_body)
    mail.add_alternative(message.html_body, subtype="html")
    return mail


def message_id(message: OutboxMessage, domain: str) -> str:
    """One stable id per outbox row, the same on every attempt.

    A receiving side can tell a repeat from a new mail. The row's creation time keeps ids
    from two databases (or a database emptied and refilled) apart.
    """
    created = int(message.created_at.timestamp() * 1_000_000)
    return f"<outbox.{message.id}.{created}@{domain}>"


def _classify(error: Exception) -> Outcome:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        codes = [refusal.code for refusal in error.recipients]
        return Outcome.PERMANENT if codes and all(c >= 500 for c in codes) else Outcome.TEMPORARY
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return Outcome.PERMANENT if error.code >= 500 else Outcome.TEMPORARY
    return Outcome.TEMPORARY  # connection refused, timeouts, TLS trouble: try again


class Courier:
    """Delivers messages over one SMTP connection, opened when first needed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client: aiosmtplib.SMTP | None = None

    async def deliver(self, message: OutboxMessage) -> tuple[Outcome, str]:
        if not self.settings.smtp_host:
            log.info(
                "email (no SMTP_HOST, logged instead) to=%s subject=%r\n%s",
                message.to_address,
                message.subject,
                message.text_body,
            )
            return Outcome.SENT, ""
        try:
            client = await self._connected()
            await client.send_message(build_message(message, self.settings))
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            await self.close()
            return _classify(error), f"{type(error).__name__}: {error}"
        return Outcome.SENT, ""

    async def _connected(self) -> aiosmtplib.SMTP:
        if self._client is None or not self._client.is_connected:
            settings = self.settings
            client = aiosmtplib.SMTP(
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                start_tls=settings.smtp_starttls,
                # A send must end well within its lease, or another worker could take it.
                timeout=min(30.0, settings.email_lease_seconds / 2),
            )
            await client.connect()
            if settings.smtp_username:
                await client.login(settings.smtp_username, settings.smtp_password or "")
            self._client = client
        return self._client

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None and client.is_connected:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                client.close()
