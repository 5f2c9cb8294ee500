"""Sharing datasets: grants to addresses, and public access.

Who may do what is asked of `services.access`; this module validates input, writes the
grants in one transaction (with the invitation emails in the same transaction), and
keeps one grant per recipient and dataset. Changing and removing grants is in
`services.grants`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import ActivityKind, ShareEvent, ShareGrant, User
from services import access, activity, events
from services.address_locks import lock_addresses
from services.clock import now
from services.datasets import ViewedDataset, find_visible, grant_facts
from services.emails import checked_addresses
from services.errors import (
    AlreadyHasAccess,
    DomainError,
    Forbidden,
    InvalidInput,
    RateLimited,
    collect,
)
from services.grant_ends import expiry_errors, in_utc
from services.notifications.outbox import enqueue_many
from services.notifications.sharing_emails import invitation_email
from services.settings import Settings
from services.team_sharing import (
    create_team_grants,
    existing_team_grants,
    refuse_team_reshares,
    teams_to_share_with,
)

MAX_ADDRESSES = 50
MAX_MESSAGE = 2000
DAILY_NEW_GRANTS = 500


@dataclass(frozen=True)
class ShareRequest:
    dataset_id: int | None
    emails: list[str]
    message: str = ""
    can_share: bool = False
    can_modify: bool = False
    notify: bool = True
    # When the grants end; None: no end.
    expires_at: datetime | None = None
    # Teams to share with (decoded ids; None for an id that names no team).
    team_ids: list[int | None] = field(default_factory=list)


@dataclass
class ShareResult:
    dataset_id: int
    grants: list[ShareGrant]


def _validate(request: ShareRequest) -> list[str]:
    """Normalized addresses in input order; every bad one reported with its index."""
    errors: list[DomainError] = []
    if not 1 <= len(request.emails) + len(request.team_ids) <= MAX_ADDRESSES:
        errors.append(
            InvalidInput(
                f"Give between 1 and {MAX_ADDRESSES} addresses and teams in all.", field="emails"
            )
        )
    addresses, bad = checked_addresses(request.emails)
    errors += bad
    if len(request.message) > MAX_MESSAGE:
        errors.append(
            InvalidInput(f"The message may have at most {MAX_MESSAGE} characters.", field="message")
        )
    errors += expiry_errors(request.expires_at)
    collect(errors)
    return addresses


async def share_dataset(viewer: User, request: ShareRequest, settings: Settings) -> ShareResult:
    """Grant access to each address; all or nothing.

    Concurrent shares of one dataset serialize on the dataset row; should two still race
    to the same new address, the unique constraint lets one win and the other retries
    and finds that grant. A share and the confirmation of one of its addresses serialize
    on that address (`services.address_locks`).
    """
    addresses = _validate(request)
    try:
        return await _share(viewer, request, addresses, settings)
    except IntegrityError:
        return await _share(viewer, request, addresses, settings)


async def _share(
    viewer: User, request: ShareRequest, addresses: list[str], settings: Settings
) -> ShareResult:
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, request.dataset_id, using_db=conn, for_update=True)
        access.check_share(
            viewer.id,
            viewed.facts,
            viewed.viewer_grant_facts,
            can_modify=request.can_modify,
            ending=access.Ending(in_utc(request.expires_at)),
        )
        if request.can_modify:
            # `canModify` lasts no longer than the viewer's own right to annotate.
            access.check_ending(
                viewer.id,
                viewed.facts,
                viewed.modify_grant_facts,
                access.Ending(in_utc(request.expires_at)),
            )
        dataset = viewed.dataset
        teams = await teams_to_share_with(viewer.id, request.team_ids, conn)
        # Before reading which addresses have confirmed accounts: see `address_locks`.
        await lock_addresses(addresses, conn)
        existing = {
            grant.recipient_email: grant
            for grant in await ShareGrant.filter(
                dataset_id=dataset.id, recipient_email__in=addresses
            ).using_db(conn)
        }
        existing_teams = await existing_team_grants(dataset.id, teams, conn)
        owner_email = (await User.get(id=dataset.owner_id, using_db=conn)).email
        _refuse_those_with_access(viewer, viewed, addresses, existing, owner_email)
        refuse_team_reshares(viewer.id, viewed, teams, existing_teams)

        new_addresses = [a for a in dict.fromkeys(addresses) if a not in existing]
        new_teams = [t for t in dict.fromkeys(teams) if t not in existing_teams]
        await _check_quota(viewer.id, len(new_addresses) + len(new_teams), conn)
        await _update_existing([*existing.values(), *existing_teams.values()], request, conn)
        created = await _create_grants(viewer, dataset.id, new_addresses, request, settings, conn)
        created_teams = await create_team_grants(viewer.id, dataset.id, new_teams, request, conn)
        # A team share sends no email: members see it in their lists.
        if request.notify and created:
            await _invite(viewer, viewed, list(created.values()), request.message, settings, conn)
        grants = {**existing, **created}
        team_grants = {**existing_teams, **created_teams}
        await _record(
            viewer,
            dataset.id,
            request,
            conn,
            new=[*created.values(), *created_teams.values()],
            again=[*existing.values(), *existing_teams.values()],
        )
        await events.publish(conn, dataset.id)
        return ShareResult(
            dataset_id=dataset.id,
            grants=[grants[a] for a in addresses] + [team_grants[t] for t in teams],
        )


async def _record(
    viewer: User,
    dataset_id: int,
    request: ShareRequest,
    conn: BaseDBAsyncClient,
    *,
    new: list[ShareGrant],
    again: list[ShareGrant],
) -> None:
    """One entry per recipient and team: SHARED for a new grant, GRANT_CHANGED for one
    shared again (its rights now those asked for)."""
    teams = await activity.team_names(conn, [*new, *again])
    entries = [
        activity.about_grant(
            ActivityKind.SHARED,
            viewer.id,
            grant,
            teams,
            pending=grant.pending,
            notified=request.notify and grant.team_id is None,
        )
        for grant in new
    ] + [
        activity.about_grant(ActivityKind.GRANT_CHANGED, viewer.id, grant, teams, sharedAgain=True)
        for grant in again
    ]
    await activity.record(conn, dataset_id, *entries)


def _refuse_those_with_access(
    viewer: User,
    viewed: ViewedDataset,
    addresses: list[str],
    existing: dict[str, ShareGrant],
    owner_email: str,
) -> None:
    """The owner, and recipients whose grant the viewer does not manage, are refused."""
    errors: list[DomainError] = []
    for index, address in enumerate(addresses):
        field = f"emails.{index}"
        if address == owner_email:
            errors.append(AlreadyHasAccess("The owner already has access.", field=field))
        elif address in existing:
            try:
                access.check_reshare(
                    viewer.id,
                    viewed.facts,
                    viewed.viewer_grant_facts,
                    grant_facts(existing[address]),
                    field,
                )
            except DomainError as error:
                errors.append(error)
    collect(errors)


async def _update_existing(
    grants: list[ShareGrant], request: ShareRequest, conn: BaseDBAsyncClient
) -> None:
    if not grants:
        return
    for grant in grants:
        grant.can_share = request.can_share
        grant.can_modify = request.can_modify
        grant.expires_at = in_utc(request.expires_at)
        if request.message:
            grant.message = request.message
        grant.updated_at = now()
    await ShareGrant.bulk_update(
        grants,
        fields=["can_share", "can_modify", "expires_at", "message", "updated_at"],
        using_db=conn,
    )


async def _create_grants(
    viewer: User,
    dataset_id: int,
    addresses: list[str],
    request: ShareRequest,
    settings: Settings,
    conn: BaseDBAsyncClient,
) -> dict[str, ShareGrant]:
    """New grants in one statement, however many addresses: accepted at once where a
    confirmed account has the address, pending otherwise. A pending grant's invitation
    runs out `INVITATION_DAYS` from now, whether or not its email is sent."""
    if not addresses:
        return {}
    moment = now()
    written = {
        "dataset_id": dataset_id,
        "team_id": None,
        "granted_by_id": viewer.id,
        "can_share": request.can_share,
        "can_modify": request.can_modify,
        "message": request.message,
        "created_at": moment,
        "updated_at": moment,
        "invitation_sent_at": moment if request.notify else None,
        "invitation_resent_at": None,
        "expires_at": in_utc(request.expires_at),
        "reminder_sent_for": None,
    }
    invitation_ends = moment + settings.invitation_lifetime
    rows = await _insert_grants(written, addresses, invitation_ends, conn)
    await ShareEvent.create(user_id=viewer.id, grants=len(addresses), using_db=conn)
    grants = [
        ShareGrant._init_from_db(
            **written,
            id=row["id"],
            recipient_email=row["recipient_email"],
            recipient_id=row["recipient_id"],
            accepted_at=None if row["recipient_id"] is None else moment,
            invitation_expires_at=invitation_ends if row["recipient_id"] is None else None,
        )
        for row in rows
    ]
    return {grant.recipient_email: grant for grant in grants}


# Written in one statement, the confirmed accounts joined in; only what the database
# decides comes back (the id, the account), the rest is what was written.
_NEW_GRANT = (
    "INSERT INTO share_grants (dataset_id, recipient_email, recipient_id, granted_by_id,"
    " can_share, can_modify, message, expires_at, created_at, updated_at, accepted_at,"
    " invitation_sent_at, invitation_expires_at)"
    " SELECT {dataset}, a.{email}, u.id, {granted_by}, {can_share}, {can_modify}, {message},"
    " {expires_at}, {moment}, {moment}, CASE WHEN u.id IS NULL THEN NULL ELSE {moment} END,"
    " {sent_at}, CASE WHEN u.id IS NULL THEN {invitation_ends} ELSE NULL END"
    " FROM {addresses}"
    " LEFT JOIN users u ON u.email = a.{email} AND u.email_verified_at IS NOT NULL"
    " RETURNING id, recipient_email, recipient_id"
)


async def _insert_grants(
    written: dict[str, Any],
    addresses: list[str],
    invitation_ends: datetime,
    conn: BaseDBAsyncClient,
) -> list[dict]:
    moment = written["created_at"]
    sent_at = written["invitation_sent_at"]
    expires_at = written["expires_at"]
    if conn.capabilities.dialect == "postgres":
        sql = _NEW_GRANT.format(
            dataset="$1::bigint",
            granted_by="$2::bigint",
            can_share="$3::boolean",
            can_modify="$4::boolean",
            message="$5::text",
            expires_at="$6::timestamptz",
            moment="$7::timestamptz",
            sent_at="$8::timestamptz",
            invitation_ends="$9::timestamptz",
            addresses="unnest($10::text[]) AS a(email)",
            email="email",
        )
        values: list = [
            written["dataset_id"],
            written["granted_by_id"],
            written["can_share"],
            written["can_modify"],
            written["message"],
            expires_at,
            moment,
            sent_at,
            invitation_ends,
            addresses,
        ]
    else:
        # SQLite keeps Tortoise's text form of a datetime, which is str(datetime); its
        # VALUES list names its column column1.
        sql = _NEW_GRANT.format(
            dataset="?1",
            granted_by="?2",
            can_share="?3",
            can_modify="?4",
            message="?5",
            expires_at="?6",
            moment="?7",
            sent_at="?8",
            invitation_ends="?9",
            addresses="(VALUES "
            + ", ".join(f"(?{n})" for n in range(10, 10 + len(addresses)))
            + ") AS a",
            email="column1",
        )
        values = [
            written["dataset_id"],
            written["granted_by_id"],
            int(written["can_share"]),
            int(written["can_modify"]),
            written["message"],
            None if expires_at is None else str(expires_at),
            str(moment),
            None if sent_at is None else str(sent_at),
            str(invitation_ends),
            *addresses,
        ]
    return await conn.execute_query_dict(sql, values)


async def _invite(
    viewer: User,
    viewed: ViewedDataset,
    grants: list[ShareGrant],
    message: str,
    settings: Settings,
    conn: BaseDBAsyncClient,
) -> None:
    """One invitation per new grant, in the outbox with the grants themselves."""
    emails = [
        (
            invitation_email(
                settings,
                sharer=viewer,
                dataset=viewed.dataset,
                message=message,
                has_account=grant.recipient_id is not None,
                recipient_email=grant.recipient_email,
            ),
            grant.recipient_email,
        )
        for grant in grants
    ]
    await enqueue_many(emails, using_db=conn)


async def _check_quota(user_id: int, new_grants: int, conn: BaseDBAsyncClient) -> None:
    if new_grants == 0:
        return
    since = now() - timedelta(days=1)
    events = ShareEvent.filter(user_id=user_id, created_at__gte=since).using_db(conn)
    made = sum(await events.values_list("grants", flat=True))  # type: ignore[arg-type]
    if made + new_grants > DAILY_NEW_GRANTS:
        raise RateLimited(
            f"You can share with at most {DAILY_NEW_GRANTS} new people a day. Try again later."
        )


async def set_public(viewer: User, dataset_id: int | None, public: bool) -> int:
    """Only the owner makes a dataset public or private; grants stay as they are."""
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn, for_update=True)
        if not access.permissions(
            viewer.id, viewed.facts, viewed.viewer_grant_facts
        ).can_set_public:
            raise Forbidden("Only the owner can make a dataset public or private.")
        if viewed.dataset.is_public != public:
            viewed.dataset.is_public = public
            await viewed.dataset.save(using_db=conn, update_fields=["is_public", "updated_at"])
            kind = ActivityKind.MADE_PUBLIC if public else ActivityKind.MADE_PRIVATE
            await activity.record(conn, viewed.dataset.id, activity.Entry(kind, actor_id=viewer.id))
            await events.publish(conn, viewed.dataset.id)
        return viewed.dataset.id
