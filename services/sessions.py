"""Server-side sessions behind opaque bearer tokens and the session cookie."""

from __future__ import annotations

from datetime import timedelta

from models import Session, User
from services.clock import now
from services.settings import Settings
from services.tokens import hash_token, new_token

# Sliding expiry is written back at most this often, so reads stay reads.
_TOUCH_INTERVAL = timedelta(minutes=10)


async def start_session(user: User, settings: Settings) -> str:
    """Open a session for `user` and return its token (stored only as a hash)."""
    token = new_token()
    moment = now()
    await Session.create(
        user=user,
        token_hash=hash_token(token),
        last_seen_at=moment,
        expires_at=moment + timedelta(days=settings.session_days),
    )
    return token


async def resolve_session(token: str, settings: Settings) -> tuple[User, Session] | None:
    """The user and session a token belongs to, or None if unknown or expired."""
    if not token or len(token) > 200:
        return None
    session = await Session.filter(token_hash=hash_token(token)).select_related("user").first()
    moment = now()
    if session is None or session.expires_at <= moment:
        return None
    if moment - session.last_seen_at >= _TOUCH_INTERVAL:
        await Session.filter(id=session.id).update(
            last_seen_at=moment, expires_at=moment + timedelta(days=settings.session_days)
        )
    return session.user, session


async def end_session(session_id: int) -> None:
    await Session.filter(id=session_id).delete()
