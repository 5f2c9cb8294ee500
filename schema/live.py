"""Live cards in the schema (SPEC section 13): the Subscription type."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from resolvers import live as live_resolvers
from resolvers.context import Context
from schema.datasets import Dataset
from schema.enums import described_enum
from services.errors import ErrorCode, Unauthenticated
from services.ids import encode_id
from services.live import EventKind

described_enum(
    EventKind,
    name="DatasetEventKind",
    description="What happened to a dataset, from the viewer's side.",
    values={
        EventKind.ADDED: "It became visible to the viewer through a grant (or they created it).",
        EventKind.CHANGED: "A card the viewer sees changed: name, file, badges, permissions, "
        "access list or annotations.",
        EventKind.REMOVED: "The viewer no longer sees it (revoked, left, deleted, …).",
    },
)


@strawberry.type(description="A change to a dataset the viewer owns or holds a grant on.")
class DatasetEvent:
    kind: EventKind = strawberry.field(description="Added, changed or removed.")
    dataset_id: strawberry.ID = strawberry.field(description="The dataset's global id.")
    dataset: Dataset | None = strawberry.field(
        description="The dataset as the viewer sees it now; null for REMOVED."
    )
    at: datetime = strawberry.field(description="When the change was delivered.")


def _unauthenticated(error: Unauthenticated) -> GraphQLError:
    return GraphQLError(error.message, extensions={"code": ErrorCode.UNAUTHENTICATED.value})


@strawberry.type(
    name="Subscription",
    description="Live updates over WebSocket (graphql-transport-ws on /graphql). Every event "
    "is checked against the viewer's access at the moment it is sent.",
)
class Subscription:
    @strawberry.subscription(
        description="Every change to what the viewer owns or holds a grant on: ADDED, "
        "CHANGED, REMOVED. Public datasets are not announced to everyone. Needs a session."
    )
    async def dataset_events(self, info: Info[Context, None]) -> AsyncGenerator[DatasetEvent, None]:
        try:
            async for delivery in live_resolvers.dataset_events(info.context):
                card = delivery.card
                yield DatasetEvent(
                    kind=delivery.kind,
                    dataset_id=strawberry.ID(encode_id("Dataset", delivery.dataset_id)),
                    dataset=Dataset.from_card(info, card) if card else None,
                    at=delivery.at,
                )
        except Unauthenticated as error:
            raise _unauthenticated(error) from None

    @strawberry.subscription(
        description="The dataset now and after each change, for any dataset the viewer may "
        "see (public ones too). Sends null and completes when the viewer may no longer see "
        "it (or never could)."
    )
    async def dataset(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="The dataset's global id.")],
    ) -> AsyncGenerator[Dataset | None, None]:
        try:
            async for card in live_resolvers.follow_dataset(info.context, str(id)):
                yield Dataset.from_card(info, card) if card else None
        except Unauthenticated as error:
            raise _unauthenticated(error) from None
