"""Reading users: who the viewer is, and which addresses they may see."""

from __future__ import annotations

from models import User
from resolvers.context import Context
from services import access, users
from services.users import SeenUser


async def viewer(context: Context) -> User | None:
    return context.viewer


async def find_user(context: Context, user_id: int) -> SeenUser | None:
    """`node(id:)` for a user: only one the viewer may meet."""
    viewer_id = context.viewer.id if context.viewer else None
    return await users.find_user(viewer_id, user_id)


async def load_user(context: Context, user_id: int) -> User | None:
    return await context.loaders.user.load(user_id)


async def visible_email(context: Context, user_id: int, shown_to: int | None = None) -> str | None:
    """The user's address if the viewer may see it; `shown_to` names the viewer when it is
    not the request's (a log-in's payload shows the user to themselves)."""
    viewer_id = shown_to if shown_to is not None else context.viewer.id if context.viewer else None
    if not await access.may_see_email_of(viewer_id, user_id, context.loaders.managed_recipients):
        return None
    user = await context.loaders.user.load(user_id)
    return user.email if user else None
