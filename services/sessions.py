"""Server-side sessions behind opaque bearer tokens and the session cookie."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

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
    moment = now()
    found = await _live_session(hash_token(token), moment)
    if found is None:
        return None
    session = found
    if moment - session.last_seen_at >= _TOUCH_INTERVAL:
        await Session.filter(id=session.id).update(
            last_seen_at=moment, expires_at=moment + timedelta(days=settings.session_days)
        )
    return session.user, session


# Asked on every authenticated request: one statement on the unique token index, with the
# session's user, built into models without the query builder.
_SESSION_COLUMNS = (*Session._meta.fields_db_projection.values(), "user_id")
_USER_COLUMNS = tuple(User._meta.fields_db_projection.values())
_LIVE_SESSION = (
    "SELECT "
    + ", ".join(f"s.{column} AS s_{column}" for column in _SESSION_COLUMNS)
    + ", "
    + ", ".join(f"u.{column} AS u_{column}" for column in _USER_COLUMNS)
    + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = {token}"
)


async def _live_session(token_hash: str, moment: datetime) -> Session | None:
    connection = connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    sql = _LIVE_SESSION.format(token="$1" if postgres else "?")
    rows = await connection.execute_query_dict(sql, [token_hash])
    if not rows:
        return None
    row = rows[0]
    session = Session._init_from_db(**{c: row[f"s_{c}"] for c in _SESSION_COLUMNS})
    if session.expires_at <= moment:
        return None
    session.user = User._init_from_db(**{c: row[f"u_{c}"] for c in _USER_COLUMNS})
    return session


async def end_session(session_id: int, conn: BaseDBAsyncClient | None = None) -> None:
    await Session.filter(id=session_id).using_db(conn).delete()
