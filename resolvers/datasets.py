"""Dataset resolvers: read the input, call one dataset service."""

from __future__ import annotations

from models import Dataset, DatasetFile
from resolvers.context import Context
from services import dataset_files, datasets, ids
from services.access import Scope
from services.datasets import CardPage, DatasetCard, Order, Position

# The cursor tag of each listing order (the default order has none).
_CURSOR_ORDER = {Order.NEWEST_DATASET: "", Order.NEWEST_SHARE: "share"}


def encode_cursor(card: DatasetCard, scope: Scope) -> str:
    """The card's position in the scope's order (`datasets.order_of`)."""
    position = datasets.position_of(card, datasets.order_of(scope))
    return ids.encode_cursor(position.created_at, position.id, _CURSOR_ORDER[position.order])


def decode_cursor(cursor: str, scope: Scope) -> Position | None:
    """A position in the scope's order; None for anything else, a cursor of another order
    included."""
    order = datasets.order_of(scope)
    decoded = ids.decode_cursor(cursor, _CURSOR_ORDER[order])
    return Position(created_at=decoded[0], id=decoded[1], order=order) if decoded else None


async def dataset_card(context: Context, dataset_pk: int) -> DatasetCard | None:
    return await context.loaders.card.load(dataset_pk)


async def dataset_card_by_id(context: Context, global_id: str) -> DatasetCard | None:
    pk = ids.decode_pk(global_id, "Dataset")
    return await dataset_card(context, pk) if pk else None


async def list_datasets(
    context: Context,
    scope: Scope,
    kind: str | None,
    search: str | None,
    first: int,
    after: str | None,
) -> CardPage | None:
    """None for a cursor that is not one of ours, or of another order than the scope's."""
    position = decode_cursor(after, scope) if after else None
    if after and position is None:
        return None
    viewer_id = context.viewer.id if context.viewer else None
    return await datasets.list_cards(
        viewer_id, scope, kind=kind, search=search, first=first, after=position
    )


async def create_dataset(context: Context, name: str, description: str, kind: str) -> Dataset:
    return await datasets.create_dataset(context.require_viewer(), name, description, kind)


async def update_dataset(
    context: Context, global_id: str, name: str | None, description: str | None
) -> int:
    viewer = context.require_viewer()
    dataset_pk = ids.decode_pk(global_id, "Dataset")
    return await datasets.update_dataset(viewer, dataset_pk, name, description)


async def delete_dataset(context: Context, global_id: str) -> int:
    viewer = context.require_viewer()
    dataset_pk = ids.decode_pk(global_id, "Dataset")
    return await datasets.delete_dataset(viewer, dataset_pk, context.settings)


async def files_of(context: Context, dataset_pk: int) -> list[DatasetFile]:
    """The files of a dataset the viewer sees (batched across a page of cards)."""
    return await context.loaders.files.load(dataset_pk)


async def delete_dataset_file(context: Context, global_id: str, filename: str) -> int:
    viewer = context.require_viewer()
    return await dataset_files.delete_file(
        viewer, ids.decode_pk(global_id, "Dataset"), filename, context.settings
    )
