"""Sharing datasets: grants to addresses, pending until an account confirms them."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from models import ShareGrant, User
from services.clock import now


async def accept_pending_grants(user: User, using_db: BaseDBAsyncClient | None = None) -> int:
    """Bind every pending grant to `user`'s confirmed address; returns how many."""
    return await (
        ShareGrant.filter(recipient_email=user.email, recipient_id=None)
        .using_db(using_db)
        .update(recipient_id=user.id, accepted_at=now())
    )
