"""Per-request DataLoaders, so a page of results costs a constant number of queries."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from models import DatasetFile, ShareGrant, User
from services import access, dataset_files, datasets, grants
from services import users as user_service
from services.datasets import DatasetCard


async def _load_users(ids: Sequence[int]) -> list[User | None]:
    users = await user_service.users_by_id(list(ids))
    return [users.get(user_id) for user_id in ids]


async def _load_grants(dataset_ids: Sequence[int]) -> list[list[ShareGrant]]:
    found = await grants.grants_of(list(dataset_ids))
    return [found[pk] for pk in dataset_ids]


async def _load_files(dataset_ids: Sequence[int]) -> list[list[DatasetFile]]:
    found = await dataset_files.files_of(list(dataset_ids))
    return [found[pk] for pk in dataset_ids]


class Loaders:
    """Fresh for every request: a loader never outlives the request that made it."""

    def __init__(self, viewer_id: int | None = None) -> None:
        self.viewer_id = viewer_id
        self.user: DataLoader[int, User | None] = DataLoader(load_fn=_load_users)
        self.grants: DataLoader[int, list[ShareGrant]] = DataLoader(load_fn=_load_grants)
        self.files: DataLoader[int, list[DatasetFile]] = DataLoader(load_fn=_load_files)
        # Not cached: a mutation later in the same document may change the card; loads
        # of one moment (a payload's fifty grants of one dataset) still share one read.
        self.card: DataLoader[int, DatasetCard | None] = DataLoader(
            load_fn=self._load_cards, cache=False
        )
        self._managed_recipients: asyncio.Task[set[int]] | None = None

    async def _load_cards(self, dataset_ids: Sequence[int]) -> list[DatasetCard | None]:
        cards = {
            pk: await datasets.find_card(self.viewer_id, pk) for pk in dict.fromkeys(dataset_ids)
        }
        return [cards[pk] for pk in dataset_ids]

    async def managed_recipients(self) -> set[int]:
        """Users whose grants the viewer manages (whose addresses they may see).

        Asked by every `User.email` of a page at once: they share one query.
        """
        if self._managed_recipients is None:
            self._managed_recipients = asyncio.ensure_future(self._load_managed())
        return await self._managed_recipients

    async def _load_managed(self) -> set[int]:
        return await access.managed_recipient_ids(self.viewer_id) if self.viewer_id else set()
