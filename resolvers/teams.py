"""Team resolvers: read the input, call one team service, return what it gives."""

from __future__ import annotations

from models import TeamRole
from resolvers.context import Context
from services import teams
from services.ids import decode_pk
from services.teams import AddMembers, TeamView


def _viewer_id(context: Context) -> int | None:
    return context.viewer.id if context.viewer else None


async def my_teams(context: Context) -> list[TeamView]:
    return await teams.teams_of(_viewer_id(context))


async def find_team(context: Context, team_pk: int) -> TeamView | None:
    return await teams.find_team(_viewer_id(context), team_pk)


async def team_of_grant(context: Context, team_pk: int) -> TeamView | None:
    """A team holding a grant, as an access list shows it (members only to members)."""
    return (await teams.teams_by_id(_viewer_id(context), [team_pk])).get(team_pk)


async def create_team(context: Context, name: str, description: str) -> TeamView:
    return await teams.create_team(context.require_viewer(), name, description)


async def update_team(
    context: Context, team_id: str, name: str | None, description: str | None
) -> TeamView:
    viewer = context.require_viewer()
    return await teams.update_team(viewer, decode_pk(team_id, "Team"), name, description)


async def delete_team(context: Context, team_id: str) -> int:
    return await teams.delete_team(context.require_viewer(), decode_pk(team_id, "Team"))


async def add_team_members(
    context: Context, team_id: str, emails: list[str], role: TeamRole, notify: bool
) -> TeamView:
    viewer = context.require_viewer()
    request = AddMembers(decode_pk(team_id, "Team"), emails, role, notify)
    return await teams.add_team_members(viewer, request, context.settings)


async def update_team_member(
    context: Context, team_id: str, email: str, role: TeamRole
) -> TeamView:
    viewer = context.require_viewer()
    return await teams.update_team_member(viewer, decode_pk(team_id, "Team"), email, role)


async def remove_team_member(context: Context, team_id: str, email: str) -> TeamView | None:
    viewer = context.require_viewer()
    return await teams.remove_team_member(viewer, decode_pk(team_id, "Team"), email)
