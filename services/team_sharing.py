"""Sharing a dataset with teams (SPEC section 14): one grant per team and dataset, whose
confirmed members hold it. Only a member may share with a team; for anyone else it does
not exist. A team share sends no email."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tortoise.backends.base.client import BaseDBAsyncClient

from models import ShareEvent, ShareGrant, TeamMember
from models.sharing import team_key
from services import access
from services.access import GrantFacts
from services.clock import now
from services.datasets import ViewedDataset, grant_facts
from services.errors import DomainError, NotFound, collect
from services.grant_ends import in_utc

if TYPE_CHECKING:
    from services.sharing import ShareRequest


async def teams_to_share_with(
    viewer_id: int, team_ids: list[int | None], conn: BaseDBAsyncClient
) -> list[int]:
    """The teams asked for, in input order, each one the viewer is a confirmed member of;
    every other one is `NOT_FOUND` at its index (`teamIds.N`)."""
    if not team_ids:
        return []
    wanted = [pk for pk in team_ids if pk is not None]
    mine = set(
        await TeamMember.filter(user_id=viewer_id, team_id__in=wanted)
        .using_db(conn)
        .values_list("team_id", flat=True)
    )
    errors: list[DomainError] = [
        NotFound("No such team.", field=f"teamIds.{index}")
        for index, pk in enumerate(team_ids)
        if pk not in mine
    ]
    collect(errors)
    return [pk for pk in team_ids if pk is not None]


async def existing_team_grants(
    dataset_id: int, teams: list[int], conn: BaseDBAsyncClient
) -> dict[int, ShareGrant]:
    if not teams:
        return {}
    found = await ShareGrant.filter(dataset_id=dataset_id, team_id__in=teams).using_db(conn)
    return {grant.team_id: grant for grant in found if grant.team_id is not None}


def refuse_team_reshares(
    viewer_id: int,
    viewed: ViewedDataset,
    teams: list[int],
    existing: dict[int, ShareGrant],
) -> None:
    """Sharing again with a team updates its grant, if the viewer manages that grant."""
    errors: list[DomainError] = []
    for index, team_id in enumerate(teams):
        if team_id not in existing:
            continue
        try:
            access.check_reshare(
                viewer_id,
                viewed.facts,
                viewed.viewer_grant_facts,
                grant_facts(existing[team_id]),
                f"teamIds.{index}",
            )
        except DomainError as error:
            errors.append(error)
    collect(errors)


async def create_team_grants(
    viewer_id: int,
    dataset_id: int,
    teams: list[int],
    request: ShareRequest,
    conn: BaseDBAsyncClient,
) -> dict[int, ShareGrant]:
    """New grants to teams: never pending (members are bound when they read them)."""
    if not teams:
        return {}
    moment = now()
    await ShareGrant.bulk_create(
        [
            ShareGrant(
                dataset_id=dataset_id,
                recipient_email=team_key(team_id),
                team_id=team_id,
                accepted_at=moment,
                granted_by_id=viewer_id,
                can_share=request.can_share,
                can_modify=request.can_modify,
                expires_at=in_utc(request.expires_at),
                message=request.message,
            )
            for team_id in teams
        ],
        using_db=conn,
    )
    await ShareEvent.create(user_id=viewer_id, grants=len(teams), using_db=conn)
    return await existing_team_grants(dataset_id, teams, conn)


# --- revoking with cascade (SPEC section 2, applied to team grants) ---------------------


@dataclass(frozen=True)
class DownstreamRow:
    """What a cascade needs of one grant of the dataset."""

    id: int
    granted_by_id: int
    recipient_id: int | None
    team_id: int | None
    can_share: bool
    expires_at: datetime | None


async def downstream_rows(dataset_id: int, conn: BaseDBAsyncClient) -> list[DownstreamRow]:
    """Every grant of the dataset, for a cascade to walk."""
    rows = await ShareGrant.filter(dataset_id=dataset_id).using_db(conn)
    return [
        DownstreamRow(
            id=row.id,
            granted_by_id=row.granted_by_id,
            recipient_id=row.recipient_id,
            team_id=row.team_id,
            can_share=row.can_share,
            expires_at=row.expires_at,
        )
        for row in rows
    ]


async def confirmed_members(team_ids: set[int], conn: BaseDBAsyncClient) -> dict[int, list[int]]:
    """The confirmed members of each team."""
    found: dict[int, list[int]] = {team_id: [] for team_id in team_ids}
    if team_ids:
        rows = (
            await TeamMember.filter(team_id__in=team_ids, user_id__not_isnull=True)
            .using_db(conn)
            .values_list("team_id", "user_id")
        )
        for team_id, user_id in rows:
            found[int(str(team_id))].append(int(str(user_id)))
    return found


def shares_otherwise(
    user_id: int,
    owner_id: int,
    rows: list[DownstreamRow],
    members: dict[int, list[int]],
    going: set[int],
) -> bool:
    """May the user share on the dataset through something other than the grants `going`:
    as its owner, or by a live grant of theirs or of one of their teams (`access`'s rules
    on the union of their grants)?"""
    if user_id == owner_id:
        return True
    held = [
        GrantFacts(
            granted_by_id=row.granted_by_id,
            recipient_id=row.recipient_id,
            can_share=row.can_share,
            can_modify=False,
            expires_at=row.expires_at,
            team_id=row.team_id,
        )
        for row in rows
        if row.id not in going
        and (row.recipient_id == user_id or user_id in members.get(row.team_id or 0, []))
    ]
    own = next((grant for grant in held if grant.team_id is None), None)
    teams = [grant for grant in held if grant.team_id is not None]
    rights = access.effective_grant(user_id, own, teams)
    return rights is not None and rights.can_share
