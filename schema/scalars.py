"""Custom scalars of the contract: DateTime, BigInt, JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NewType

import strawberry
from strawberry.scalars import JSON


def _parse_datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError("DateTime needs a time zone")
    return parsed


DateTime = strawberry.scalar(
    NewType("DateTime", datetime),
    description="A point in time, ISO 8601 with a time zone.",
    serialize=lambda value: value.isoformat(),
    parse_value=_parse_datetime,
)


def _parse_bigint(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("BigInt must be an integer")
    return value


BigInt = strawberry.scalar(
    NewType("BigInt", int),
    description="An integer that may exceed 32 bits, sent as a JSON number.",
    serialize=int,
    parse_value=_parse_bigint,
)

__all__ = ["JSON", "BigInt", "DateTime"]
