"""Per-request DataLoaders, so a page of results costs a constant number of queries."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from models import User


async def _load_users(ids: Sequence[int]) -> list[User | None]:
    users = {user.id: user for user in await User.filter(id__in=list(ids))}
    return [users.get(user_id) for user_id in ids]


class Loaders:
    """Fresh for every request: a loader never outlives the request that made it."""

    def __init__(self) -> None:
        self.user: DataLoader[int, User | None] = DataLoader(load_fn=_load_users)
