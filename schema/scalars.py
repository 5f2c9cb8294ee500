"""Custom scalars of the contract: `DateTime`, `BigInt`, `JSON`.

Annotate fields with the names exported here; `SCALAR_MAP` (passed to the schema's
`StrawberryConfig`) tells strawberry how each one travels over the wire.

- `DateTime` is `datetime` itself: every `datetime` field is ISO 8601 with a time zone.
- `BigInt` is a distinct type at runtime, so strawberry does not confuse it with `Int`;
  type checkers see plain `int`, so resolvers return and constructors take ints as they are.
- `JSON` is strawberry's own JSON scalar: any JSON value.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NewType, TypeAlias

import strawberry
from strawberry.scalars import JSON
from strawberry.types.scalar import ScalarDefinition

DateTime: TypeAlias = datetime

if TYPE_CHECKING:
    BigInt: TypeAlias = int
else:
    BigInt = NewType("BigInt", int)


def _serialize_datetime(value: datetime) -> str:
    # The database hands back aware datetimes; a naive one can only mean UTC here.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("DateTime must be an ISO 8601 string.")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("DateTime needs a time zone, e.g. 2024-05-01T12:00:00+00:00.")
    return parsed


def _serialize_bigint(value: int) -> int:
    return int(value)


def _parse_bigint(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("BigInt must be an integer.")
    return value


SCALAR_MAP: dict[object, ScalarDefinition] = {
    datetime: strawberry.scalar(
        name="DateTime",
        description="A point in time, ISO 8601 with a time zone.",
        serialize=_serialize_datetime,
        parse_value=_parse_datetime,
    ),
    BigInt: strawberry.scalar(
        name="BigInt",
        description="An integer that may exceed 32 bits, sent as a JSON number.",
        serialize=_serialize_bigint,
        parse_value=_parse_bigint,
    ),
}

__all__ = ["JSON", "SCALAR_MAP", "BigInt", "DateTime"]
