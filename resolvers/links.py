"""Reviewer-link resolvers: read the input, call one link service."""

from __future__ import annotations

from datetime import datetime

from models import ShareLink
from resolvers.context import Context
from services import ids, links
from services.datasets import DatasetCard
from services.links import DownloadSigner, NewLink


async def create_link(
    context: Context,
    dataset_id: str,
    label: str,
    expires_at: datetime | None,
    anonymous: bool,
    allow_download: bool,
) -> NewLink:
    return await links.create_link(
        context.require_viewer(),
        ids.decode_pk(dataset_id, "Dataset"),
        label=label,
        expires_at=expires_at,
        anonymous=anonymous,
        allow_download=allow_download,
    )


async def revoke_link(context: Context, link_id: str) -> ShareLink:
    return await links.revoke_link(context.require_viewer(), ids.decode_pk(link_id, "ShareLink"))


async def find_link(context: Context, link_pk: int) -> ShareLink | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await links.find_link(viewer_id, link_pk)


async def links_of(context: Context, card: DatasetCard) -> list[ShareLink] | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await links.links_of(viewer_id, card)


async def dataset_by_link(context: Context, token: str) -> tuple[ShareLink, DatasetCard] | None:
    return await links.dataset_by_link(token)


async def download_signer(context: Context, link: ShareLink, dataset_pk: int) -> DownloadSigner:
    return await links.download_signer(context.settings, link.id, dataset_pk)
