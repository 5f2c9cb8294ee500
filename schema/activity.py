"""A dataset's activity in the schema (SPEC section 16): `Activity`, `ActivityKind` and
`Dataset.activity`, for the owner alone."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from models import ActivityKind
from resolvers import activity as activity_resolvers
from resolvers.context import Context
from schema.enums import described_enum
from schema.node import Node
from schema.pagination import PageInfo, checked_first, invalid_cursor, page_info
from schema.scalars import JSON
from schema.users import User
from services.activity_feed import ActivityEntry
from services.datasets import DatasetCard
from services.ids import encode_id

described_enum(
    ActivityKind,
    name="ActivityKind",
    description="What happened to a dataset.",
    values={
        ActivityKind.CREATED: "The dataset was created (`details`: name, kind).",
        ActivityKind.RENAMED: "It was renamed (`details`: oldName, newName).",
        ActivityKind.UPLOADED: "A file was uploaded (`details`: filename, bytes, replaced).",
        ActivityKind.FILE_DELETED: "A file was removed (`details`: filename, bytes).",
        ActivityKind.SHARED: "It was shared with `subjectEmail` or a team (`details`: "
        "canShare, canModify, expiresAt, team, pending, notified).",
        ActivityKind.GRANT_CHANGED: "Someone's rights changed, or they were shared with again "
        "(`details`: canShare, canModify, expiresAt, changed, team).",
        ActivityKind.REVOKED: "Someone's access was removed (`details`: cascade when it went "
        "with another grant, team).",
        ActivityKind.LEFT: "A recipient left the dataset.",
        ActivityKind.EXPIRED: "Someone's access reached its end (`details`: expiresAt, team).",
        ActivityKind.MADE_PUBLIC: "It was made public.",
        ActivityKind.MADE_PRIVATE: "It was made private again.",
        ActivityKind.DOWNLOADED: "A file was downloaded (`details`: filename, bytes, "
        "throughLink); once per person or link, file and hour.",
        ActivityKind.LINK_CREATED: "A reviewer link was made (`details`: link, anonymous, "
        "allowDownload, expiresAt).",
        ActivityKind.LINK_REVOKED: "A reviewer link was revoked (`details`: link).",
        ActivityKind.LINK_USED: "Someone opened the dataset through a reviewer link "
        "(`details`: link); once per link and hour, never naming them.",
        ActivityKind.ANNOTATED: "An annotation was added, changed or removed (`details`: "
        "action, label).",
    },
)


@strawberry.type(description="One thing that happened to a dataset; only its owner reads them.")
class Activity(Node):
    kind: ActivityKind = strawberry.field(description="What happened.")
    at: datetime = strawberry.field(description="When it happened.")
    actor: User | None = strawberry.field(
        description="Who did it; null for anonymous visitors, reviewer-link viewers, and what "
        "time did (an access reaching its end)."
    )
    subject_email: str | None = strawberry.field(
        description="The recipient it concerns, if any (null for a team: `details.team`)."
    )
    details: JSON = strawberry.field(
        description='The particulars, a JSON object: e.g. {"canShare": true}; UPLOADED and '
        'DOWNLOADED carry {"filename": "…", "bytes": 123}.'
    )

    @classmethod
    def from_entry(cls, entry: ActivityEntry) -> Activity:
        return cls(
            id=strawberry.ID(encode_id("Activity", entry.id)),
            kind=entry.kind,
            at=entry.at,
            actor=(
                User.from_values(entry.actor_id, entry.actor_name or "")
                if entry.actor_id is not None
                else None
            ),
            subject_email=entry.subject_email,
            details=JSON(entry.details),
        )


@strawberry.type(description="An activity entry and its cursor.")
class ActivityEdge:
    cursor: str = strawberry.field(description="Pass as `after` to read on from here.")
    node: Activity = strawberry.field(description="The entry.")


@strawberry.type(description="A page of a dataset's activity, newest first.")
class ActivityConnection:
    edges: list[ActivityEdge] = strawberry.field(description="The entries of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


async def activity_of(
    info: Info[Context, None], card: DatasetCard, first: int | None, after: str | None
) -> ActivityConnection | None:
    """`Dataset.activity`: null unless the viewer is the owner."""
    position = activity_resolvers.decode_cursor(after) if after else None
    if after and position is None:
        raise invalid_cursor()
    page = await activity_resolvers.activity_page(
        info.context, card, checked_first(first, 50), position
    )
    if page is None:
        return None
    edges = [
        ActivityEdge(
            cursor=activity_resolvers.encode_cursor(entry), node=Activity.from_entry(entry)
        )
        for entry in page.entries
    ]
    return ActivityConnection(
        edges=edges, page_info=page_info([edge.cursor for edge in edges], page.has_next, after)
    )


async def activity_node(info: Info[Context, None], pk: int) -> Activity | None:
    found = await activity_resolvers.find_entry(info.context, pk)
    return Activity.from_entry(found) if found else None
