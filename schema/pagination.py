"""Relay connections: `PageInfo`, the limits on `first`, and refused cursors.

A field that returns a connection cannot carry `UserError`s: a bad `first` or `after` is
a field error with `extensions.code` INVALID_INPUT and `extensions.field` naming the
argument; the rest of the answer stands.
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError

from services.errors import ErrorCode

MAX_FIRST = 100

# The arguments of every connection field.
First = Annotated[int | None, strawberry.argument(description="How many items, 0 to 100.")]
After = Annotated[
    str | None,
    strawberry.argument(description="The `endCursor` of the page before; null for the first."),
]


@strawberry.type(description="Where a page of a connection stands (Relay).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="Items precede this page (pages are read forwards only: true after a cursor)."
    )
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")


def checked_first(first: int | None, default: int) -> int:
    """`first` must be 0..100 (null means the default); otherwise a field error the client
    sees as it is."""
    if first is None:
        return default
    if not 0 <= first <= MAX_FIRST:
        raise invalid_argument("first", f"`first` must be between 0 and {MAX_FIRST}.")
    return first


def invalid_argument(name: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": ErrorCode.INVALID_INPUT.value, "field": name})


def invalid_cursor() -> GraphQLError:
    """`after` is not a cursor of this list (ids and cursors are read by `services.ids`)."""
    return invalid_argument("after", "`after` is not a cursor of this list.")


def page_info(cursors: list[str], has_next: bool, after: str | None) -> PageInfo:
    """The `PageInfo` of a forward page whose items have these cursors."""
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=after is not None,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
