"""An email to send: what every template produces and the outbox stores."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Email:
    kind: str  # which template made it, for logs and tests
    subject: str
    text: str
    html: str
