"""Reading a dataset's activity (SPEC section 16): its owner alone, newest first.

Recording is `services.activity`, which every change calls; this reads what it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from tortoise import connections

from models import ActivityKind
from services import access
from services.access import Acquaintance, SqlParams
from services.activity import Details, timestamp
from services.datasets import DatasetCard, find_card


@dataclass(frozen=True)
class ActivityEntry:
    """An entry as its reader sees it."""

    id: int
    dataset_id: int
    kind: ActivityKind
    at: datetime
    # Who did it, when the reader may meet them (`access.may_see_user`); else None.
    actor_id: int | None
    actor_name: str | None
    subject_email: str | None
    details: Details


@dataclass(frozen=True)
class ActivityPage:
    entries: list[ActivityEntry]
    has_next: bool


_COLUMNS = (
    "a.id, a.dataset_id, a.kind, a.at, a.actor_id, a.subject_email, a.details, "
    "u.display_name AS actor_name, u.email_verified_at IS NOT NULL AS actor_confirmed"
)
_ACTOR_JOIN = "LEFT JOIN users u ON u.id = a.actor_id"


def _entry(viewer_id: int | None, row: dict[str, Any]) -> ActivityEntry:
    actor_id = row["actor_id"]
    shown = actor_id is not None and access.may_see_user(
        viewer_id,
        int(actor_id),
        Acquaintance(confirmed=bool(row["actor_confirmed"]), acted_on_the_viewers_dataset=True),
    )
    try:
        details = orjson.loads(row["details"] or "{}")
    except orjson.JSONDecodeError:
        details = {}
    return ActivityEntry(
        id=int(row["id"]),
        dataset_id=int(row["dataset_id"]),
        kind=ActivityKind(row["kind"]),
        at=timestamp(row["at"]),
        actor_id=int(actor_id) if shown else None,
        actor_name=row["actor_name"] if shown else None,
        subject_email=row["subject_email"],
        details=details if isinstance(details, dict) else {},
    )


@dataclass(frozen=True)
class After:
    """Where a page starts: after the entry at (at desc, id desc)."""

    at: datetime
    id: int


async def activity_page(
    viewer_id: int | None, card: DatasetCard, first: int, after: After | None
) -> ActivityPage | None:
    """`Dataset.activity`: newest first, one statement per page walking the
    (dataset_id, at, id) index backwards; None unless the viewer is the owner."""
    if not access.may_read_activity(viewer_id, card.facts, card.viewer_grant, card.link):
        return None
    connection = connections.get("default")
    param = SqlParams(connection.capabilities.dialect)
    conditions = [f"a.dataset_id = {param(card.id)}"]
    if after is not None:
        conditions.append(f"(a.at, a.id) < ({param.time(after.at)}, {param(after.id)})")
    rows = await connection.execute_query_dict(
        f"SELECT {_COLUMNS} FROM activities a {_ACTOR_JOIN} WHERE {' AND '.join(conditions)} "
        f"ORDER BY a.at DESC, a.id DESC LIMIT {param(first + 1)}",
        param.values,
    )
    return ActivityPage([_entry(viewer_id, row) for row in rows[:first]], len(rows) > first)


async def find_entry(viewer_id: int | None, entry_id: int) -> ActivityEntry | None:
    """`node(id:)` for an entry: its dataset's owner only; None as for a missing id."""
    connection = connections.get("default")
    param = SqlParams(connection.capabilities.dialect)
    rows = await connection.execute_query_dict(
        f"SELECT {_COLUMNS} FROM activities a {_ACTOR_JOIN} WHERE a.id = {param(entry_id)}",
        param.values,
    )
    if not rows:
        return None
    card = await find_card(viewer_id, int(rows[0]["dataset_id"]))
    if card is None or not access.may_read_activity(viewer_id, card.facts, card.viewer_grant):
        return None
    return _entry(viewer_id, rows[0])
