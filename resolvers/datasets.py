"""Dataset resolvers: read the input, call one dataset service."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from models import Dataset, DatasetFile
from resolvers.context import Context
from services import dataset_files, datasets
from services.access import Scope
from services.datasets import CardPage, DatasetCard, Position
from services.ids import decode_pk


def encode_cursor(card: DatasetCard) -> str:
    raw = f"{card.created_at.isoformat()}|{card.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _, pk = raw.rpartition("|")
        return Position(created_at=datetime.fromisoformat(moment), id=int(pk))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


async def dataset_card(context: Context, dataset_pk: int) -> DatasetCard | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await datasets.find_card(viewer_id, dataset_pk)


async def dataset_card_by_id(context: Context, global_id: str) -> DatasetCard | None:
    pk = decode_pk(global_id, "Dataset")
    return await dataset_card(context, pk) if pk else None


async def list_datasets(
    context: Context,
    scope: Scope,
    kind: str | None,
    search: str | None,
    first: int,
    after: str | None,
) -> CardPage | None:
    """None for a cursor that is not one of ours."""
    position = decode_cursor(after) if after else None
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
    return await datasets.update_dataset(viewer, decode_pk(global_id, "Dataset"), name, description)


async def delete_dataset(context: Context, global_id: str) -> int:
    viewer = context.require_viewer()
    return await datasets.delete_dataset(viewer, decode_pk(global_id, "Dataset"), context.settings)


async def files_of(context: Context, dataset_pk: int) -> list[DatasetFile]:
    """The files of a dataset the viewer sees (batched across a page of cards)."""
    return await context.loaders.files.load(dataset_pk)


async def delete_dataset_file(context: Context, global_id: str, filename: str) -> int:
    viewer = context.require_viewer()
    return await dataset_files.delete_file(
        viewer, decode_pk(global_id, "Dataset"), filename, context.settings
    )
