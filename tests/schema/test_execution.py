"""Plain fields executed directly answer exactly as graphql-core's ordinary path does."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any

import strawberry

from schema.execution import PlainFieldsExecutionContext
from schema.scalars import SCALAR_MAP


@strawberry.enum
class Color(Enum):
    RED = "RED"
    BLUE = "BLUE"


@strawberry.type
class Item:
    name: str
    size: int | None
    colors: list[Color]
    made: datetime
    kind: Color

    @strawberry.field
    def shout(self, times: int = 1) -> str:
        return self.name.upper() * times


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        when = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
        return [
            Item(name="a", size=1, colors=[Color.RED, Color.BLUE], made=when, kind=Color.RED),
            Item(name="b", size=None, colors=[], made=when, kind=Color.BLUE),
            # Broken on purpose: nulls and a wrong value where the schema promises otherwise.
            Item(name=None, size=3, colors=[None], made=when, kind="GREEN"),  # type: ignore[arg-type,list-item]
        ]


QUERY = "{ items { name size colors made kind shout(times: 2) again: name } }"


async def _run(context_class: Any) -> tuple[Any, list[Any]]:
    schema = strawberry.Schema(
        Query,
        execution_context_class=context_class,
        config=strawberry.schema.config.StrawberryConfig(scalar_map=SCALAR_MAP),
    )
    result = await schema.execute(QUERY)
    errors = sorted((str(e.message), tuple(e.path or ())) for e in result.errors or [])
    return result.data, errors


async def test_plain_fields_answer_as_the_ordinary_path() -> None:
    ordinary = await _run(None)
    direct = await _run(PlainFieldsExecutionContext)
    assert direct == ordinary
    data, errors = direct
    assert data["items"][0] == {
        "name": "a",
        "size": 1,
        "colors": ["RED", "BLUE"],
        "made": "2024-05-01T12:00:00+00:00",
        "kind": "RED",
        "shout": "AA",
        "again": "a",
    }
    assert data["items"][2] is None and len(errors) >= 1
