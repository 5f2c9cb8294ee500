"""Reminders that a grant is about to end (SPEC section 11), queued by the worker.

Three days before a grant's `expires_at` (at once if less is left), its recipient and
whoever granted it get an email. The recipient of a grant to a team is the team
(SPEC section 14), which has no address of its own, and a team grant sends its members no
email: only its granter is reminded, with the team named as the one whose access ends.

A grant is claimed for its reminder by setting `reminder_sent_for` to its `expires_at` in
the same transaction that writes the emails to the outbox: one reminder per grant and end,
and a new end arms a new one. The claim is one UPDATE whose condition only a grant not yet
claimed for its end meets; on PostgreSQL the rows another worker is claiming are skipped
(`FOR UPDATE SKIP LOCKED`), so several workers never queue one reminder twice. Delivery
then has every guarantee of the outbox.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models import Dataset, Team, User
from services.access import SqlParams
from services.clock import now
from services.ids import encode_id
from services.notifications.email import Email
from services.notifications.outbox import enqueue_many
from services.notifications.rendering import render
from services.settings import Settings

log = logging.getLogger("datashare.email")

# How long before a grant's end its reminder goes out.
LEAD = timedelta(days=3)
BATCH = 50


@dataclass(frozen=True)
class EndingGrant:
    """A grant claimed for its reminder, as the claim returned it."""

    id: int
    dataset_id: int
    recipient_email: str
    recipient_id: int | None
    granted_by_id: int
    expires_at: datetime
    # Set on a grant to a team.
    team_id: int | None = None


def _claim_sql(param: SqlParams, moment: datetime, limit: int) -> str:
    """Grants ending within `LEAD` (not ended yet) whose reminder for that end is not
    queued, marked as queued; the `expires_at` index serves the range."""
    skip_locked = " FOR UPDATE SKIP LOCKED" if param.dialect == "postgres" else ""
    return (
        "UPDATE share_grants SET reminder_sent_for = expires_at WHERE id IN ("
        "SELECT id FROM share_grants "
        f"WHERE expires_at > {param.time(moment)} AND expires_at <= {param.time(moment + LEAD)} "
        "AND (reminder_sent_for IS NULL OR reminder_sent_for <> expires_at) "
        f"ORDER BY expires_at LIMIT {param(limit)}{skip_locked}) "
        "RETURNING id, dataset_id, recipient_email, recipient_id, granted_by_id, expires_at, "
        "team_id"
    )


def _ending_grant(row: dict[str, Any]) -> EndingGrant:
    expires_at = row["expires_at"]
    if not isinstance(expires_at, datetime):  # SQLite returns Tortoise's text form
        expires_at = datetime.fromisoformat(str(expires_at))
    return EndingGrant(
        id=int(row["id"]),
        dataset_id=int(row["dataset_id"]),
        recipient_email=row["recipient_email"],
        recipient_id=row["recipient_id"],
        granted_by_id=int(row["granted_by_id"]),
        expires_at=expires_at,
        team_id=int(row["team_id"]) if row.get("team_id") is not None else None,
    )


def when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %B %Y, %H:%M UTC").lstrip("0")


def recipient_reminder(
    settings: Settings, grant: EndingGrant, dataset: Dataset, granter: User
) -> Email:
    ends = when(grant.expires_at)
    return render(
        "expiry_reminder",
        f'Your access to "{dataset.name}" ends on {ends}',
        "Hello,",
        [
            f'{granter.display_name} ({granter.email}) shared the dataset "{dataset.name}" with '
            f"you until {ends}. After that it is no longer available to you.",
            f"To keep access, ask {granter.display_name} to extend it.",
        ],
        link=settings.url(f"/datasets/{encode_id('Dataset', dataset.id)}"),
        link_label="Open the dataset",
    )


def granter_reminder(
    settings: Settings, grant: EndingGrant, dataset: Dataset, team: Team | None = None
) -> Email:
    """`team`: the team a grant to a team was given to, named instead of an address."""
    ends = when(grant.expires_at)
    recipient = f'the team "{team.name}"' if team else grant.recipient_email
    return render(
        "expiry_reminder_granter",
        f'Access to "{dataset.name}" for {recipient} ends on {ends}',
        "Hello,",
        [
            f'The access you gave {recipient} to the dataset "{dataset.name}" ends on {ends}.',
            "To extend it, open the dataset's access dialog and choose a later date, or "
            "remove the end date.",
        ],
        link=settings.url(f"/datasets/{encode_id('Dataset', dataset.id)}"),
        link_label="Extend access",
    )


async def _emails(
    settings: Settings, grants: list[EndingGrant], conn: BaseDBAsyncClient
) -> list[tuple[Email, str]]:
    """The recipient's reminder (once their grant is accepted: a pending invitation gives
    no access to end; a team has no address) and the granter's, for each grant."""
    datasets = {
        d.id: d for d in await Dataset.filter(id__in={g.dataset_id for g in grants}).using_db(conn)
    }
    granters = {
        u.id: u for u in await User.filter(id__in={g.granted_by_id for g in grants}).using_db(conn)
    }
    team_ids = {g.team_id for g in grants if g.team_id is not None}
    teams = {t.id: t for t in await Team.filter(id__in=team_ids).using_db(conn)} if team_ids else {}
    emails: list[tuple[Email, str]] = []
    for grant in grants:
        dataset, granter = datasets[grant.dataset_id], granters[grant.granted_by_id]
        if grant.team_id is not None:
            team = teams.get(grant.team_id)
            if team is not None:
                emails.append((granter_reminder(settings, grant, dataset, team), granter.email))
            continue
        if grant.recipient_id is not None:
            emails.append(
                (recipient_reminder(settings, grant, dataset, granter), grant.recipient_email)
            )
        emails.append((granter_reminder(settings, grant, dataset), granter.email))
    return emails


async def queue_expiry_reminders(settings: Settings, limit: int = BATCH) -> int:
    """Claim up to `limit` grants due for a reminder and queue their emails, all in one
    transaction; returns how many grants were claimed."""
    async with in_transaction() as conn:
        param = SqlParams(conn.capabilities.dialect)
        sql = _claim_sql(param, now(), limit)
        grants = [_ending_grant(row) for row in await conn.execute_query_dict(sql, param.values)]
        if grants:
            await enqueue_many(await _emails(settings, grants, conn), using_db=conn)
    return len(grants)


async def queue_all_expiry_reminders(settings: Settings) -> int:
    """Batch after batch until no grant is due; returns how many were claimed."""
    total = 0
    while claimed := await queue_expiry_reminders(settings):
        total += claimed
        if claimed < BATCH:
            break
    if total:
        log.info("queued expiry reminders for %s grants", total)
    return total
