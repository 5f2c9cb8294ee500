"""The `User` type."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from models import User as UserModel
from resolvers.context import Context
from resolvers.users import load_user, visible_email
from schema.node import Node
from services.ids import encode_id

ANONYMOUS_NAME = "Anonymous"


@strawberry.type(description="A person with a datashare account.")
class User(Node):
    display_name: str = strawberry.field(description="The name the person chose to show.")
    pk: strawberry.Private[int]
    # Who the user is shown to, when not the request's viewer: the payload of a log-in
    # shows the user to themselves, though the request was anonymous.
    shown_to: strawberry.Private[int | None] = None
    # The `Anonymous` stand-in an anonymous reviewer link shows for every person.
    is_stand_in: strawberry.Private[bool] = False

    @strawberry.field(
        description="The address; visible to the user, and to those who manage a grant of theirs."
    )
    async def email(self, info: Info[Context, None]) -> str | None:
        if self.is_stand_in:
            return None
        return await visible_email(info.context, self.pk, self.shown_to)

    @classmethod
    def from_values(cls, pk: int, display_name: str) -> User:
        return cls(id=strawberry.ID(encode_id("User", pk)), display_name=display_name, pk=pk)

    @classmethod
    def stand_in(cls) -> User:
        """Someone an anonymous reviewer link does not name: an id no `node(id:)` resolves
        (key 0 is never a user's), no address."""
        return cls(
            id=strawberry.ID(encode_id("User", 0)),
            display_name=ANONYMOUS_NAME,
            pk=0,
            is_stand_in=True,
        )

    @classmethod
    def from_model(cls, user: UserModel) -> User:
        return cls(
            id=strawberry.ID(encode_id("User", user.id)), display_name=user.display_name, pk=user.id
        )

    @classmethod
    def as_seen_by_self(cls, user: UserModel) -> User:
        """The user as they see themselves: their address included, whoever asked."""
        seen = cls.from_model(user)
        seen.shown_to = user.id
        return seen


async def user_by_pk(info: Info[Context, None], pk: int) -> User | None:
    """A user through the request's loader (batched: one query per page)."""
    found = await load_user(info.context, pk)
    return User.from_model(found) if found else None
