"""Failed log-ins per address, kept in the database so every process agrees."""

from __future__ import annotations

from datetime import timedelta

from models import LoginFailure
from services.clock import now
from services.errors import RateLimited

WINDOW = timedelta(minutes=15)
MAX_FAILURES = 5


async def check_not_throttled(email: str) -> None:
    """After 5 failures in 15 minutes, refuse until the oldest of them leaves the window."""
    recent = await LoginFailure.filter(email=email, created_at__gt=now() - WINDOW).count()
    if recent >= MAX_FAILURES:
        raise RateLimited("Too many failed log-ins for this address. Try again in 15 minutes.")


async def record_failure(email: str) -> None:
    await LoginFailure.create(email=email)
    # Keep the table small: what left the window no longer counts.
    await LoginFailure.filter(email=email, created_at__lte=now() - WINDOW).delete()


async def clear_failures(email: str) -> None:
    await LoginFailure.filter(email=email).delete()
