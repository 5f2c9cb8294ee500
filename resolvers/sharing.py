"""Sharing resolvers: read the input, call one sharing service, return what it gives."""

from __future__ import annotations

from datetime import datetime

from models import ShareGrant
from resolvers.context import Context
from services import grants, invitations, sharing
from services.datasets import DatasetCard
from services.grant_ends import GrantChange
from services.grants import AccessRow, RevokeResult
from services.ids import decode_pk
from services.sharing import ShareRequest, ShareResult


async def share_dataset(
    context: Context,
    dataset_id: str,
    emails: list[str],
    message: str,
    can_share: bool,
    can_modify: bool,
    notify: bool,
    expires_at: datetime | None,
    team_ids: list[str],
) -> ShareResult:
    viewer = context.require_viewer()
    request = ShareRequest(
        dataset_id=decode_pk(dataset_id, "Dataset"),
        emails=emails,
        message=message,
        can_share=can_share,
        can_modify=can_modify,
        notify=notify,
        expires_at=expires_at,
        team_ids=[decode_pk(team_id, "Team") for team_id in team_ids],
    )
    return await sharing.share_dataset(viewer, request, context.settings)


async def set_public(context: Context, dataset_id: str, public: bool) -> int:
    viewer = context.require_viewer()
    return await sharing.set_public(viewer, decode_pk(dataset_id, "Dataset"), public)


async def update_grant(context: Context, grant_id: str, change: GrantChange) -> ShareGrant:
    viewer = context.require_viewer()
    return await grants.update_grant(viewer, decode_pk(grant_id, "ShareGrant"), change)


async def revoke_access(context: Context, grant_id: str, cascade: bool) -> RevokeResult:
    viewer = context.require_viewer()
    return await grants.revoke_access(viewer, decode_pk(grant_id, "ShareGrant"), cascade)


async def resend_invitation(context: Context, grant_id: str) -> ShareGrant:
    viewer = context.require_viewer()
    return await invitations.resend_invitation(
        viewer, decode_pk(grant_id, "ShareGrant"), context.settings
    )


async def access_rows(context: Context, card: DatasetCard) -> list[AccessRow] | None:
    """The rows of a dataset's access dialog (batched across a page of cards)."""
    viewer_id = context.viewer.id if context.viewer else None
    return await grants.access_rows(
        viewer_id,
        card,
        lambda: context.loaders.grants.load(card.id),
        context.loaders.user.load,
    )


async def find_grant(context: Context, grant_pk: int) -> ShareGrant | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await grants.find_grant(viewer_id, grant_pk)
