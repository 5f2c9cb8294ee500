"""Accounts in the schema: `me`, sign-up, log-in, sessions and password resets."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import users
from resolvers.context import Context
from schema.users import User


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="The user behind this request; null when anonymous.")
    async def me(self, info: Info[Context, None]) -> User | None:
        user = await users.viewer(info.context)
        return User.from_model(user) if user else None


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="End the session of this request.")
    async def log_out(self, info: Info[Context, None]) -> bool:
        return False
