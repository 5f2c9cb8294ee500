"""`node(id:)`: any object by its global id, if the viewer may see it."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import users
from resolvers.context import Context
from schema.node import Node
from schema.users import User
from services.ids import decode_id


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="The object with this global id; null when missing or not visible."
    )
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Node | None:
        decoded = decode_id(str(id))
        if decoded is None:
            return None
        type_name, pk = decoded
        if type_name == "User":
            user = await users.load_user(info.context, pk)
            return User.from_model(user) if user else None
        return None
