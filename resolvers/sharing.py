"""Sharing resolvers: read the input, call one sharing service, return what it gives."""

from __future__ import annotations

from resolvers.context import Context
from services import sharing
from services.ids import decode_pk
from services.sharing import AccessListView, RevokeResult, ShareRequest, ShareResult


async def share_dataset(
    context: Context,
    dataset_id: str,
    emails: list[str],
    message: str,
    can_share: bool,
    can_modify: bool,
    notify: bool,
) -> ShareResult:
    viewer = context.require_viewer()
    request = ShareRequest(
        dataset_id=decode_pk(dataset_id, "Dataset"),
        emails=emails,
        message=message,
        can_share=can_share,
        can_modify=can_modify,
        notify=notify,
    )
    return await sharing.share_dataset(viewer, request, context.settings)


async def set_public(context: Context, dataset_id: str, public: bool) -> int:
    viewer = context.require_viewer()
    return await sharing.set_public(viewer, decode_pk(dataset_id, "Dataset"), public)


async def update_grant(
    context: Context, grant_id: str, can_share: bool | None, can_modify: bool | None
) -> sharing.ShareGrant:
    viewer = context.require_viewer()
    return await sharing.update_grant(
        viewer, decode_pk(grant_id, "ShareGrant"), can_share, can_modify
    )


async def revoke_access(context: Context, grant_id: str, cascade: bool) -> RevokeResult:
    viewer = context.require_viewer()
    return await sharing.revoke_access(viewer, decode_pk(grant_id, "ShareGrant"), cascade)


async def access_list(context: Context, dataset_pk: int) -> AccessListView | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await sharing.access_list(viewer_id, dataset_pk)


async def find_grant(context: Context, grant_pk: int) -> sharing.ShareGrant | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await sharing.find_grant(viewer_id, grant_pk)
