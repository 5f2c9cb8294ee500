"""Reading users as a viewer may meet them: `node(id:)` answers only those (SPEC section 9)."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise import connections

from models import User
from services import access
from services.access import Acquaintance, Scope, SqlParams


@dataclass(frozen=True)
class SeenUser:
    id: int
    display_name: str


def _acquaintance_sql(viewer_id: int | None, user_id: int, param: SqlParams) -> str:
    """One statement gathering every way the viewer meets the user, as `Acquaintance`."""

    def viewer_grant() -> str:
        return access.viewer_grant_join(viewer_id, param)

    # Each placeholder is added where it is written, so build the text in reading order.
    owns = (
        f"EXISTS (SELECT 1 FROM datasets d {viewer_grant()} WHERE d.owner_id = u.id "
        f"AND {access.scope_condition(Scope.ALL, viewer_id, param)})"
    )
    listed = (
        "EXISTS (SELECT 1 FROM share_grants h JOIN datasets d ON d.id = h.dataset_id "
        f"{viewer_grant()} WHERE (h.recipient_id = u.id OR h.granted_by_id = u.id) "
        f"AND {access.manages_access_condition(viewer_id, param)})"
    )
    authored = (
        "EXISTS (SELECT 1 FROM annotations a JOIN datasets d ON d.id = a.dataset_id "
        f"{viewer_grant()} WHERE a.author_id = u.id AND d.kind = {param(access.IMAGE)} "
        f"AND {access.scope_condition(Scope.ALL, viewer_id, param)})"
    )
    # The viewer's grants: their own, and their teams' (SPEC section 14: members hold them).
    granted = (
        "(EXISTS (SELECT 1 FROM share_grants m WHERE m.granted_by_id = u.id "
        f"AND m.recipient_id = {param(viewer_id or 0)} AND {access.live_grant_sql('m', param)}) "
        "OR EXISTS (SELECT 1 FROM team_members tm JOIN share_grants m ON m.team_id = tm.team_id "
        f"WHERE tm.user_id = {param(viewer_id or 0)} AND m.granted_by_id = u.id "
        f"AND {access.live_grant_sql('m', param)}))"
    )
    teammate = (
        "EXISTS (SELECT 1 FROM team_members mine JOIN team_members theirs "
        f"ON theirs.team_id = mine.team_id WHERE mine.user_id = {param(viewer_id or 0)} "
        "AND theirs.user_id = u.id)"
    )
    acted = (
        "EXISTS (SELECT 1 FROM activities a JOIN datasets d ON d.id = a.dataset_id "
        f"WHERE a.actor_id = u.id AND d.owner_id = {param(viewer_id or 0)})"
    )
    return (
        "SELECT u.id, u.display_name, u.email_verified_at IS NOT NULL AS confirmed, "
        f"{owns} AS owns, {listed} AS listed, {authored} AS authored, {granted} AS granted, "
        f"{acted} AS acted, {teammate} AS teammate FROM users u WHERE u.id = {param(user_id)}"
    )


async def find_user(viewer_id: int | None, user_id: int) -> SeenUser | None:
    """The user, if the viewer may meet them; None exactly as for an id that does not exist."""
    connection = connections.get("default")
    param = SqlParams(connection.capabilities.dialect)
    rows = await connection.execute_query_dict(
        _acquaintance_sql(viewer_id, user_id, param), param.values
    )
    if not rows:
        return None
    row = rows[0]
    met = Acquaintance(
        confirmed=bool(row["confirmed"]),
        owns_a_visible_dataset=bool(row["owns"]),
        in_a_visible_access_list=bool(row["listed"]),
        authored_a_visible_annotation=bool(row["authored"]),
        granted_to_the_viewer=bool(row["granted"]),
        acted_on_the_viewers_dataset=bool(row["acted"]),
        in_a_team_with_the_viewer=bool(row["teammate"]),
    )
    if not access.may_see_user(viewer_id, user_id, met):
        return None
    return SeenUser(id=row["id"], display_name=row["display_name"])


async def users_by_id(user_ids: list[int]) -> dict[int, User]:
    """The accounts of these ids, by id (the ones that exist), in one query."""
    return {user.id: user for user in await User.filter(id__in=user_ids)}
