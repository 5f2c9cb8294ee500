"""Live resolvers: open one subscription of the hub and hand on what it delivers."""

from __future__ import annotations

from collections.abc import AsyncIterator

from resolvers.context import Context
from services import ids
from services.datasets import DatasetCard
from services.errors import Unauthenticated
from services.live import Delivery, LiveConnection, LiveHub


def _live(context: Context) -> tuple[LiveHub, LiveConnection]:
    if context.hub is None or context.live is None:
        raise Unauthenticated("Subscribe over WebSocket (graphql-transport-ws) on /graphql.")
    return context.hub, context.live


async def dataset_events(context: Context) -> AsyncIterator[Delivery]:
    context.require_viewer()
    hub, live = _live(context)
    async with hub.dataset_events(live) as subscription:
        async for delivery in subscription.deliveries():
            context.fresh_loaders()
            yield delivery


async def follow_dataset(context: Context, global_id: str) -> AsyncIterator[DatasetCard | None]:
    """The card now, then after each change; None (and the end) once it is not visible."""
    hub, live = _live(context)
    pk = ids.decode_pk(global_id, "Dataset")
    if pk is None:
        yield None
        return
    async with hub.follow(live, pk) as (subscription, card):
        yield card
        if card is None:
            return
        async for delivery in subscription.deliveries():
            context.fresh_loaders()
            yield delivery.card
