"""Datasets: finding them as a viewer may see them, creating, renaming, deleting."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from models import Dataset, ShareGrant
from services import access
from services.access import DatasetFacts, GrantFacts
from services.errors import NotFound


def grant_facts(grant: ShareGrant) -> GrantFacts:
    return GrantFacts(
        granted_by_id=grant.granted_by_id,
        recipient_id=grant.recipient_id,
        can_share=grant.can_share,
        can_modify=grant.can_modify,
    )


def dataset_facts(dataset: Dataset, has_grants: bool) -> DatasetFacts:
    return DatasetFacts(
        owner_id=dataset.owner_id,
        kind=str(dataset.kind),
        is_public=dataset.is_public,
        has_grants=has_grants,
    )


@dataclass
class ViewedDataset:
    """A dataset together with what decides the viewer's rights on it."""

    dataset: Dataset
    viewer_grant: ShareGrant | None
    facts: DatasetFacts

    @property
    def viewer_grant_facts(self) -> GrantFacts | None:
        return grant_facts(self.viewer_grant) if self.viewer_grant else None


async def find_visible(
    viewer_id: int | None,
    dataset_id: int | None,
    *,
    using_db: BaseDBAsyncClient | None = None,
    for_update: bool = False,
) -> ViewedDataset:
    """The dataset as the viewer sees it; `NotFound` when missing or not visible.

    With `for_update`, the dataset row is locked (PostgreSQL) so concurrent changes to
    its grants serialize on it.
    """
    if dataset_id is None:
        raise NotFound("No such dataset.")
    query = Dataset.filter(id=dataset_id).using_db(using_db)
    if for_update:
        query = query.select_for_update()
    dataset = await query.first()
    if dataset is None:
        raise NotFound("No such dataset.")
    grants = ShareGrant.filter(dataset_id=dataset.id).using_db(using_db)
    viewer_grant = (
        await grants.filter(recipient_id=viewer_id).first() if viewer_id is not None else None
    )
    has_grants = viewer_grant is not None or await grants.exists()
    viewed = ViewedDataset(dataset, viewer_grant, dataset_facts(dataset, has_grants))
    if not access.can_view(viewer_id, viewed.facts, viewed.viewer_grant_facts):
        raise NotFound("No such dataset.")
    return viewed
