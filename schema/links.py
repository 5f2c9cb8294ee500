"""Reviewer links in the schema (SPEC section 12): the type, `Dataset.shareLinks`,
`datasetByLink`, and the two mutations."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from models import ShareLink as ShareLinkModel
from resolvers import links as link_resolvers
from resolvers.context import Context
from schema.datasets import Dataset, download_url, visible_dataset
from schema.errors import Payload, payload, payload_type
from schema.node import Node
from services import access
from services.clock import now
from services.datasets import DatasetCard
from services.ids import encode_id
from services.links import NewLink, link_facts


@strawberry.type(
    description="A secret URL through which someone without an account (a journal reviewer) "
    "sees one dataset; only its owner sees or manages it."
)
class ShareLink(Node):
    label: str = strawberry.field(description='What it is for, e.g. "Reviewer 2, Nature Methods".')
    anonymous: bool = strawberry.field(
        description="Link viewers do not learn who owns or annotated the data."
    )
    allow_download: bool = strawberry.field(description="Link viewers may download the file.")
    expires_at: datetime = strawberry.field(description="When the link stops working.")
    created_at: datetime = strawberry.field(description="When it was made.")
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked; null while it is not."
    )
    active: bool = strawberry.field(description="Neither revoked nor expired: the link works.")
    use_count: int = strawberry.field(
        description="How many times the dataset was answered through it (`datasetByLink`)."
    )
    last_used_at: datetime | None = strawberry.field(
        description="When it was last used; null if never."
    )
    dataset_pk: strawberry.Private[int]

    @strawberry.field(description="The dataset it shows.")
    async def dataset(self, info: Info[Context, None]) -> Dataset:
        found = await visible_dataset(info, self.dataset_pk)
        assert found is not None, "a link is only shown to its dataset's owner"
        return found

    @classmethod
    def from_model(cls, link: ShareLinkModel) -> ShareLink:
        return cls(
            id=strawberry.ID(encode_id("ShareLink", link.id)),
            label=link.label,
            anonymous=link.anonymous,
            allow_download=link.allow_download,
            expires_at=link.expires_at,
            created_at=link.created_at,
            revoked_at=link.revoked_at,
            active=access.link_active(link_facts(link), now()),
            use_count=link.use_count,
            last_used_at=link.last_used_at,
            dataset_pk=link.dataset_id,
        )


async def share_links_of(info: Info[Context, None], card: DatasetCard) -> list[ShareLink] | None:
    """`Dataset.shareLinks`: null unless the viewer is the owner."""
    found = await link_resolvers.links_of(info.context, card)
    return None if found is None else [ShareLink.from_model(link) for link in found]


async def link_node(info: Info[Context, None], pk: int) -> ShareLink | None:
    found = await link_resolvers.find_link(info.context, pk)
    return ShareLink.from_model(found) if found else None


@strawberry.type
class LinksQuery:
    @strawberry.field(
        description="The dataset a reviewer link shows, to anyone holding its token (no "
        "account needed); null when the token is unknown, or the link revoked or expired. "
        "Each answer counts one use of the link."
    )
    async def dataset_by_link(
        self,
        info: Info[Context, None],
        token: Annotated[
            str, strawberry.argument(description="The token at the end of the link's URL.")
        ],
    ) -> Dataset | None:
        found = await link_resolvers.dataset_by_link(info.context, token)
        if found is None:
            return None
        link, card = found
        dataset = Dataset.from_card(info, card)
        # Every download URL carries the link's signed, short-lived permission.
        dataset.link_signer = await link_resolvers.download_signer(info.context, link, card.id)
        if dataset.file is not None:
            dataset.file = replace(
                dataset.file, download_url=download_url(info, card.id, signer=dataset.link_signer)
            )
        return dataset


@strawberry.input(description="A new reviewer link on one of the viewer's datasets.")
class CreateShareLinkInput:
    dataset_id: strawberry.ID = strawberry.field(description="The dataset (the viewer's own).")
    label: str | None = strawberry.field(
        default="", description="What it is for, at most 200 characters."
    )
    expires_at: datetime | None = strawberry.field(
        default=None,
        description="When it stops working: in the future, at most 365 days ahead; "
        "30 days ahead when omitted.",
    )
    anonymous: bool | None = strawberry.field(
        default=False, description="Hide who owns and annotated the data from link viewers."
    )
    allow_download: bool | None = strawberry.field(
        default=True, description="Let link viewers download the file."
    )


@payload_type("The result of `createShareLink`.")
class CreateShareLinkPayload(Payload):
    share_link: ShareLink | None = strawberry.field(default=None, description="The new link.")
    url: str | None = strawberry.field(
        default=None,
        description="The link's URL, PUBLIC_URL/l/<token>: shown this once, never again "
        "(only a hash of its token is kept).",
    )


@strawberry.input(description="End a reviewer link.")
class RevokeShareLinkInput:
    id: strawberry.ID = strawberry.field(description="The link.")


@payload_type("The result of `revokeShareLink`.")
class RevokeShareLinkPayload(Payload):
    share_link: ShareLink | None = strawberry.field(default=None, description="The link, revoked.")


@strawberry.type
class LinksMutation:
    @strawberry.mutation(
        description="Make a reviewer link to a dataset (owner only; at most 20 active links "
        "per dataset)."
    )
    async def create_share_link(
        self,
        info: Info[Context, None],
        input: Annotated[
            CreateShareLinkInput, strawberry.argument(description="The dataset and the link.")
        ],
    ) -> CreateShareLinkPayload:
        def created(made: NewLink) -> CreateShareLinkPayload:
            return CreateShareLinkPayload(
                share_link=ShareLink.from_model(made.link),
                url=info.context.settings.url(f"/l/{made.token}"),
            )

        return await payload(
            CreateShareLinkPayload,
            link_resolvers.create_link(
                info.context,
                str(input.dataset_id),
                input.label or "",
                input.expires_at,
                bool(input.anonymous),
                input.allow_download is not False,
            ),
            created,
        )

    @strawberry.mutation(description="End a reviewer link at once (owner only).")
    async def revoke_share_link(
        self,
        info: Info[Context, None],
        input: Annotated[RevokeShareLinkInput, strawberry.argument(description="The link.")],
    ) -> RevokeShareLinkPayload:
        return await payload(
            RevokeShareLinkPayload,
            link_resolvers.revoke_link(info.context, str(input.id)),
            lambda link: RevokeShareLinkPayload(share_link=ShareLink.from_model(link)),
        )
