"""Reading users: who the viewer is, and which addresses they may see."""

from __future__ import annotations

from models import User
from resolvers.context import Context
from services import access


async def viewer(context: Context) -> User | None:
    return context.viewer


async def load_user(context: Context, user_id: int) -> User | None:
    return await context.loaders.user.load(user_id)


async def visible_email(context: Context, user_id: int) -> str | None:
    viewer_id = context.viewer.id if context.viewer else None
    if not await access.may_see_email_of(viewer_id, user_id, context.loaders.managed_recipients):
        return None
    user = await context.loaders.user.load(user_id)
    return user.email if user else None
