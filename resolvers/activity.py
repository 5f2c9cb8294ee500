"""Activity resolvers: read the input, call one activity service."""

from __future__ import annotations

from resolvers.context import Context
from services import activity_feed, ids
from services.activity_feed import ActivityEntry, ActivityPage, After
from services.datasets import DatasetCard

# The cursor tag of activity pages: no listing's cursor fits them, nor theirs a listing.
CURSOR_ORDER = "activity"


def encode_cursor(entry: ActivityEntry) -> str:
    return ids.encode_cursor(entry.at, entry.id, CURSOR_ORDER)


def decode_cursor(cursor: str) -> After | None:
    decoded = ids.decode_cursor(cursor, CURSOR_ORDER)
    return After(at=decoded[0], id=decoded[1]) if decoded else None


async def activity_page(
    context: Context, card: DatasetCard, first: int, after: After | None
) -> ActivityPage | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await activity_feed.activity_page(viewer_id, card, first, after)


async def find_entry(context: Context, entry_pk: int) -> ActivityEntry | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await activity_feed.find_entry(viewer_id, entry_pk)
