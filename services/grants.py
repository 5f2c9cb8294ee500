"""Grants once made: changing, revoking (with what was shared on from them), accepting
pending ones, and reading them for the access dialog and `node(id:)`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models import ActivityKind, Dataset, ShareGrant, User
from services import access, activity, events
from services.access import EntryRights, Role
from services.address_locks import lock_addresses
from services.clock import now
from services.datasets import DatasetCard, ViewedDataset, find_visible, grant_facts
from services.errors import Forbidden, NotFound, collect
from services.grant_ends import GrantChange
from services.team_sharing import (
    DownstreamRow,
    confirmed_members,
    downstream_rows,
    shares_otherwise,
)


@dataclass
class RevokeResult:
    dataset_id: int
    revoked_ids: list[int]


async def grant_in_view(
    viewer: User, grant_id: int | None, conn: BaseDBAsyncClient
) -> tuple[ShareGrant, ViewedDataset]:
    """A grant and its dataset, if the viewer can see that dataset at all."""
    grant = await ShareGrant.filter(id=grant_id).using_db(conn).first() if grant_id else None
    if grant is None:
        raise NotFound("No such grant.")
    try:
        viewed = await find_visible(viewer.id, grant.dataset_id, using_db=conn, for_update=True)
    except NotFound:
        raise NotFound("No such grant.") from None
    # Re-read under the dataset lock: a concurrent revoke may have removed it.
    fresh = await ShareGrant.filter(id=grant.id).using_db(conn).first()
    if fresh is None:
        raise NotFound("No such grant.")
    return fresh, viewed


async def update_grant(viewer: User, grant_id: int | None, change: GrantChange) -> ShareGrant:
    """Change a grant's flags or its end. A later end, or none, restores an expired grant
    as it was."""
    collect(change.errors())
    async with in_transaction() as conn:
        grant, viewed = await grant_in_view(viewer, grant_id, conn)
        wanted_share = grant.can_share if change.can_share is None else change.can_share
        wanted_modify = grant.can_modify if change.can_modify is None else change.can_modify
        ending = change.ending
        # Only a right being added must be one the viewer holds; an end given is checked.
        access.check_grant_update(
            viewer.id,
            viewed.facts,
            viewed.viewer_grant_facts,
            grant_facts(grant),
            can_modify=wanted_modify and not grant.can_modify,
            ending=ending,
        )
        if ending is not None and wanted_modify:
            # `canModify` lasts no longer than the viewer's own right to annotate.
            access.check_ending(viewer.id, viewed.facts, viewed.modify_grant_facts, ending)
        before = (grant.can_share, grant.can_modify, grant.expires_at)
        grant.can_share = wanted_share
        grant.can_modify = wanted_modify
        if ending is not None:
            grant.expires_at = ending.expires_at
        await grant.save(
            using_db=conn, update_fields=["can_share", "can_modify", "expires_at", "updated_at"]
        )
        changed = [
            name
            for name, old, new in zip(
                ("canShare", "canModify", "expiresAt"),
                before,
                (grant.can_share, grant.can_modify, grant.expires_at),
                strict=True,
            )
            if old != new
        ]
        if changed:
            teams = await activity.team_names(conn, [grant])
            await activity.record(
                conn,
                grant.dataset_id,
                activity.about_grant(
                    ActivityKind.GRANT_CHANGED, viewer.id, grant, teams, changed=changed
                ),
            )
        await events.publish(conn, grant.dataset_id)
        return grant


async def revoke_access(viewer: User, grant_id: int | None, cascade: bool) -> RevokeResult:
    """Remove a grant (and with `cascade`, every grant made downstream of it)."""
    async with in_transaction() as conn:
        grant, viewed = await grant_in_view(viewer, grant_id, conn)
        target = grant_facts(grant)
        if not access.may_revoke_grant(viewer.id, viewed.facts, viewed.viewer_grant_facts, target):
            raise Forbidden("You may not remove this access.")
        revoked = [grant.id]
        if cascade:
            revoked += await _downstream_of(grant, conn)
        await _record_revoked(viewer, grant, revoked, conn)
        await ShareGrant.filter(id__in=revoked).using_db(conn).delete()
        await events.publish(conn, viewed.dataset.id)
        return RevokeResult(dataset_id=viewed.dataset.id, revoked_ids=revoked)


async def _record_revoked(
    viewer: User, grant: ShareGrant, revoked: list[int], conn: BaseDBAsyncClient
) -> None:
    """LEFT when the viewer gives up their own grant, REVOKED otherwise; the grants that
    go with it (`cascade`) each REVOKED too."""
    downstream = await ShareGrant.filter(id__in=revoked[1:]).using_db(conn).order_by("id")
    teams = await activity.team_names(conn, [grant, *downstream])
    leaving = grant.recipient_id is not None and grant.recipient_id == viewer.id
    entries = [
        activity.about_grant(
            ActivityKind.LEFT if leaving else ActivityKind.REVOKED, viewer.id, grant, teams
        )
    ] + [
        activity.about_grant(ActivityKind.REVOKED, viewer.id, gone, teams, cascade=True)
        for gone in downstream
    ]
    await activity.record(conn, grant.dataset_id, *entries)


async def _downstream_of(grant: ShareGrant, conn: BaseDBAsyncClient) -> list[int]:
    """Grants made by the recipient, and by their recipients, transitively.

    The recipient of a grant to a team is its members (SPEC section 14), as far as their
    right to share came through it: a member who may share on the dataset otherwise (its
    owner, or by a live grant of their own or of another team's that is not going too)
    made their grants under that right, and they stay.
    """
    rows = await downstream_rows(grant.dataset_id, conn)
    owner_id = (await Dataset.get(id=grant.dataset_id, using_db=conn)).owner_id
    members = await confirmed_members({r.team_id for r in rows if r.team_id}, conn)
    made_by: dict[int, list[DownstreamRow]] = {}
    for row in rows:
        made_by.setdefault(row.granted_by_id, []).append(row)
    going = {grant.id}
    found: list[int] = []

    def holders(row_recipient: int | None, row_team: int | None) -> list[int]:
        if row_recipient is not None:
            return [row_recipient]
        return [
            user_id
            for user_id in members.get(row_team or 0, [])
            if not shares_otherwise(user_id, owner_id, rows, members, going)
        ]

    frontier = holders(grant.recipient_id, grant.team_id)
    seen_users: set[int] = set()
    while frontier:
        user_id = frontier.pop()
        if user_id in seen_users:
            continue
        seen_users.add(user_id)
        for row in made_by.get(user_id, []):
            if row.id not in going:
                going.add(row.id)
                found.append(row.id)
                frontier += holders(row.recipient_id, row.team_id)
    return found


async def accept_pending_grants(user: User, conn: BaseDBAsyncClient) -> int:
    """Bind every pending grant to `user`'s confirmed address whose invitation has not run
    out (the SQL form of `access.invitation_expired`); returns how many.

    Runs in the confirming transaction, after the address lock that shares to it take too:
    a share that committed first is seen here, a later one sees the confirmed account.
    """
    await lock_addresses([user.email], conn)
    moment = now()
    pending = ShareGrant.filter(
        Q(invitation_expires_at__isnull=True) | Q(invitation_expires_at__gt=moment),
        recipient_email=user.email,
        recipient_id=None,
    ).using_db(conn)
    dataset_ids = await pending.values_list("dataset_id", flat=True)
    accepted = await pending.update(
        recipient_id=user.id, accepted_at=moment, invitation_expires_at=None
    )
    await events.publish(conn, *(int(str(i)) for i in dataset_ids))
    return accepted


@dataclass(frozen=True)
class AccessRow:
    """One row of the access dialog: the owner's (no grant), or a grant's."""

    role: Role
    email: str
    user_id: int | None
    grant: ShareGrant | None
    rights: EntryRights

    @property
    def pending(self) -> bool:
        return self.grant is not None and self.grant.pending

    @property
    def team_id(self) -> int | None:
        """Set on a team's row (its email is "")."""
        return self.grant.team_id if self.grant else None


async def access_rows(
    viewer_id: int | None,
    card: DatasetCard,
    load_grants: Callable[[], Awaitable[list[ShareGrant]]],
    load_user: Callable[[int], Awaitable[User | None]],
) -> list[AccessRow] | None:
    """The access dialog: the owner first, then the grants, oldest first; None (and no
    query) unless the viewer is the owner or may share, and so may see who has access."""
    if viewer_id is None or not card.permissions.can_manage_access:
        return None
    facts = card.facts
    owner = await load_user(card.owner_id)
    rows = [
        AccessRow(
            role=Role.OWNER,
            email=owner.email if owner else "",
            user_id=card.owner_id,
            grant=None,
            rights=access.owner_entry(facts),
        )
    ]
    grants = await load_grants()
    for grant in sorted(grants, key=lambda grant: (grant.created_at, grant.id)):
        rights = access.grant_entry(viewer_id, facts, card.viewer_grant, grant_facts(grant))
        if grant.team_id is not None:
            rows.append(AccessRow(Role.TEAM, "", None, grant, rights))
        else:
            rows.append(
                AccessRow(Role.RECIPIENT, grant.recipient_email, grant.recipient_id, grant, rights)
            )
    return rows


async def grants_of(dataset_ids: list[int]) -> dict[int, list[ShareGrant]]:
    """Every grant of these datasets, in one query."""
    found: dict[int, list[ShareGrant]] = {pk: [] for pk in dataset_ids}
    for grant in await ShareGrant.filter(dataset_id__in=dataset_ids):
        found[grant.dataset_id].append(grant)
    return found


async def find_grant(viewer_id: int | None, grant_id: int) -> ShareGrant | None:
    """A grant, if the viewer may see it (`node(id:)`)."""
    grant = await ShareGrant.filter(id=grant_id).first()
    if grant is None:
        return None
    try:
        viewed = await find_visible(viewer_id, grant.dataset_id)
    except NotFound:
        return None
    if not access.may_see_grant(
        viewer_id, viewed.facts, viewed.viewer_grant_facts, grant_facts(grant)
    ):
        return None
    return grant
