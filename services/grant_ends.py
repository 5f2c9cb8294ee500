"""When a grant ends (SPEC section 11): the end asked for, checked as input.

Whether a grant has ended, and who may give which end, are rules of `services.access`;
this module only checks what a client asks for before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from services.access import Ending
from services.clock import now
from services.errors import DomainError, InvalidInput

# Further ahead than this is more likely a typo than a plan; no end at all is null.
MAX_AHEAD = timedelta(days=365)


def expiry_errors(expires_at: datetime | None, at: datetime | None = None) -> list[DomainError]:
    """What is wrong with an asked-for end: it must lie in the future, at most a year ahead."""
    if expires_at is None:
        return []
    moment = now() if at is None else at
    if expires_at <= moment:
        return [InvalidInput("The end of access must lie in the future.", field="expiresAt")]
    if expires_at > moment + MAX_AHEAD:
        return [
            InvalidInput(
                f"The end of access may be at most {MAX_AHEAD.days} days ahead.",
                field="expiresAt",
            )
        ]
    return []


def in_utc(expires_at: datetime | None) -> datetime | None:
    """Ends are kept in UTC, so that every database compares them as points in time."""
    return None if expires_at is None else expires_at.astimezone(UTC)


@dataclass(frozen=True)
class GrantChange:
    """What `updateGrant` changes; None and False leave a thing as it is."""

    can_share: bool | None = None
    can_modify: bool | None = None
    expires_at: datetime | None = None
    clear_expiry: bool = False

    def errors(self) -> list[DomainError]:
        if self.clear_expiry and self.expires_at is not None:
            return [InvalidInput("Give a new end or clear the end, not both.", field="clearExpiry")]
        return expiry_errors(self.expires_at)

    @property
    def ending(self) -> Ending | None:
        """The new end, if the change gives one (clearing it gives no end)."""
        if self.clear_expiry:
            return Ending(None)
        if self.expires_at is not None:
            return Ending(in_utc(self.expires_at))
        return None
