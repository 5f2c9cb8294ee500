"""A dataset's activity (SPEC section 16): what happened to it, for its owner alone.

Every change records its entry with the connection of its own transaction, so a change
that rolls back leaves no activity. Some entries are recorded at most once: a download
per person (or link), file and hour, a link's use per hour, a grant's end. Those carry a
key unique within their dataset and are written with `INSERT … ON CONFLICT DO NOTHING`,
so every process, on SQLite and PostgreSQL alike, agrees on the one entry.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models import Activity, ActivityKind, ShareGrant, Team
from services.access import SqlParams
from services.clock import now

log = logging.getLogger("datashare.activity")

Details = dict[str, Any]
# How many ended grants the worker records in one transaction.
EXPIRY_BATCH = 100
# An ended grant whose end is not in the activity yet: the condition of the partial index
# `share_grants_end_unrecorded` (migration 0009), repeated word for word so it serves.
UNRECORDED_END = (
    "expires_at IS NOT NULL AND (expiry_recorded_for IS NULL OR expiry_recorded_for <> expires_at)"
)


def _text(details: Details | None) -> str:
    return orjson.dumps(details or {}).decode()


def moment_text(moment: datetime | None) -> str | None:
    """A point in time as details carry it (ISO 8601)."""
    return None if moment is None else moment.isoformat()


@dataclass(frozen=True)
class Entry:
    """One entry a change records."""

    kind: ActivityKind
    actor_id: int | None = None
    subject_email: str | None = None
    details: Details = field(default_factory=dict)
    link_id: int | None = None


async def record(conn: BaseDBAsyncClient, dataset_id: int, *entries: Entry) -> None:
    """Write entries about one dataset in the transaction `conn` of the change. They share
    one moment; written last to first, so that newest first reads them in the order given."""
    if not entries:
        return
    moment = now()
    rows = [
        Activity(
            dataset_id=dataset_id,
            kind=entry.kind,
            at=moment,
            actor_id=entry.actor_id,
            link_id=entry.link_id,
            subject_email=entry.subject_email,
            details=_text(entry.details),
        )
        for entry in reversed(entries)
    ]
    if len(rows) == 1:
        await rows[0].save(using_db=conn)
    else:
        await Activity.bulk_create(rows, using_db=conn)


async def record_by(
    conn: BaseDBAsyncClient,
    dataset_id: int,
    kind: ActivityKind,
    actor_id: int,
    /,
    **details: Any,
) -> None:
    """One entry of `kind` done by `actor_id`, with `details` (any names, `kind` among
    them), in the change's transaction."""
    await record(conn, dataset_id, Entry(kind, actor_id=actor_id, details=details))


async def record_once(
    conn: BaseDBAsyncClient,
    dataset_id: int,
    entry: Entry,
    once_key: str,
    at: datetime | None = None,
) -> bool:
    """Write the entry unless one with the same key is in the dataset's activity already;
    True when this call wrote it. One statement, decided by the unique key."""
    param = SqlParams(conn.capabilities.dialect)
    values = [
        param(dataset_id),
        param(str(entry.kind)),
        param.time(at or now()),
        param(entry.actor_id),
        param(entry.link_id),
        param(entry.subject_email),
        param(_text(entry.details)),
        param(once_key),
    ]
    sql = (
        "INSERT INTO activities "
        "(dataset_id, kind, at, actor_id, link_id, subject_email, details, once_key) "
        f"VALUES ({', '.join(values)}) ON CONFLICT DO NOTHING RETURNING id"
    )
    return bool(await conn.execute_query_dict(sql, param.values))


async def team_names(conn: BaseDBAsyncClient, grants: list[ShareGrant]) -> dict[int, str]:
    """The names of the teams some of these grants are to (one query, none if no team)."""
    ids = {grant.team_id for grant in grants if grant.team_id is not None}
    if not ids:
        return {}
    return dict(await Team.filter(id__in=ids).using_db(conn).values_list("id", "name"))


def about_grant(
    kind: ActivityKind, actor_id: int | None, grant: ShareGrant, teams: dict[int, str], **more: Any
) -> Entry:
    """An entry about one grant: its recipient's address, or its team's name, and the
    rights it gives."""
    details: Details = {
        "canShare": grant.can_share,
        "canModify": grant.can_modify,
        "expiresAt": moment_text(grant.expires_at),
        **more,
    }
    if grant.team_id is not None:
        details["team"] = teams.get(grant.team_id, "")
        return Entry(kind, actor_id=actor_id, details=details)
    return Entry(kind, actor_id=actor_id, subject_email=grant.recipient_email, details=details)


def _hour(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H")


async def record_download(
    dataset_id: int,
    *,
    actor_id: int | None,
    link_id: int | None,
    file_name: str,
    size: int,
) -> bool:
    """A download, once per person (or link, or anonymous visitor), file and hour however
    many requests fetch its bytes; True when this request recorded it."""
    moment = now()
    who = f"l{link_id}" if link_id is not None else f"u{actor_id}" if actor_id else "anyone"
    name = hashlib.sha256(file_name.encode()).hexdigest()
    entry = Entry(
        ActivityKind.DOWNLOADED,
        actor_id=None if link_id is not None else actor_id,
        link_id=link_id,
        details={"filename": file_name, "bytes": size, "throughLink": link_id is not None},
    )
    connection = connections.get("default")
    return await record_once(
        connection, dataset_id, entry, f"download:{who}:{_hour(moment)}:{name}", moment
    )


async def record_link_use(
    conn: BaseDBAsyncClient, dataset_id: int, link_id: int, label: str
) -> bool:
    """A reviewer link's use, once per link and hour; it never names the viewer."""
    moment = now()
    entry = Entry(ActivityKind.LINK_USED, link_id=link_id, details={"link": label})
    return await record_once(conn, dataset_id, entry, f"link:{link_id}:{_hour(moment)}", moment)


# --- grants' ends --------------------------------------------------------------------------


def _claim_ended_sql(param: SqlParams, moment: datetime, limit: int) -> str:
    """Grants whose end has passed and is not recorded yet, marked as recorded; on
    PostgreSQL the rows another worker is claiming are skipped."""
    skip_locked = " FOR UPDATE SKIP LOCKED" if param.dialect == "postgres" else ""
    return (
        "UPDATE share_grants SET expiry_recorded_for = expires_at WHERE id IN ("
        f"SELECT id FROM share_grants WHERE {UNRECORDED_END} "
        f"AND expires_at <= {param.time(moment)} "
        f"ORDER BY expires_at LIMIT {param(limit)}{skip_locked}) "
        "RETURNING id, dataset_id, recipient_email, team_id, granted_by_id, expires_at"
    )


def timestamp(value: object) -> datetime:
    # PostgreSQL gives datetimes; SQLite gives the text Tortoise stored.
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


async def record_expiries(limit: int = EXPIRY_BATCH) -> int:
    """Record the end of up to `limit` grants whose end has passed, each end once (an end
    moved later and passing again is a new one); returns how many were recorded.

    The claim and the entries are one transaction: a worker stopping halfway records
    nothing and the next round does it."""
    async with in_transaction() as conn:
        param = SqlParams(conn.capabilities.dialect)
        rows = await conn.execute_query_dict(_claim_ended_sql(param, now(), limit), param.values)
        team_ids = {int(row["team_id"]) for row in rows if row["team_id"] is not None}
        teams = (
            dict(await Team.filter(id__in=team_ids).using_db(conn).values_list("id", "name"))
            if team_ids
            else {}
        )
        for row in rows:
            ended = timestamp(row["expires_at"])
            team_id = row["team_id"]
            details: Details = {"expiresAt": moment_text(ended)}
            if team_id is not None:
                details["team"] = teams.get(int(team_id), "")
            entry = Entry(
                ActivityKind.EXPIRED,
                subject_email=None if team_id is not None else row["recipient_email"],
                details=details,
            )
            key = f"expired:{row['id']}:{moment_text(ended)}"
            await record_once(conn, int(row["dataset_id"]), entry, key, ended)
    return len(rows)


async def record_all_expiries() -> int:
    """Batch after batch until every ended grant is recorded; returns how many were."""
    total = 0
    while recorded := await record_expiries():
        total += recorded
        if recorded < EXPIRY_BATCH:
            break
    if total:
        log.info("recorded the end of %s grants", total)
    return total
