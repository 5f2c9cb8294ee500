"""`node(id:)`: any object by its global id, if the viewer may see it."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers import sharing, teams, users
from resolvers.context import Context
from schema.activity import activity_node
from schema.annotations import annotation_node
from schema.datasets import visible_dataset
from schema.links import link_node
from schema.node import Node
from schema.sharing import ShareGrant
from schema.teams import team_or_none
from schema.users import User
from services.ids import decode_id


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="The object with this global id; null when missing or not visible."
    )
    async def node(
        self,
        info: Info[Context, None],
        id: Annotated[
            strawberry.ID, strawberry.argument(description="The global id of any object.")
        ],
    ) -> Node | None:
        decoded = decode_id(str(id))
        if decoded is None:
            return None
        type_name, pk = decoded
        if type_name == "User":
            user = await users.find_user(info.context, pk)
            return User.from_values(user.id, user.display_name) if user else None
        if type_name == "Dataset":
            return await visible_dataset(info, pk)
        if type_name == "ShareGrant":
            grant = await sharing.find_grant(info.context, pk)
            return ShareGrant.from_model(grant) if grant else None
        if type_name == "Team":
            return team_or_none(await teams.find_team(info.context, pk))
        if type_name == "Annotation":
            return await annotation_node(info, pk)
        if type_name == "ShareLink":
            return await link_node(info, pk)
        if type_name == "Activity":
            return await activity_node(info, pk)
        return None
