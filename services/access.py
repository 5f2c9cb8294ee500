"""The one module that decides access: the roles and rules of SPEC section 2."""

from __future__ import annotations

from models import User


async def may_see_email(viewer: User | None, user: User) -> bool:
    """A user's address is shown to the user themselves."""
    return viewer is not None and viewer.id == user.id
