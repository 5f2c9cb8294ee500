"""The checked-in SDL matches the live schema; the contract's scalars behave as specified."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import strawberry
from strawberry.types import ExecutionResult

from schema.export import schema_sdl
from schema.protections import ProtectedSchema
from schema.scalars import JSON, BigInt, DateTime
from services.settings import load_settings

SDL_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_the_checked_in_sdl_is_the_live_schema() -> None:
    assert SDL_FILE.read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is out of date: run `make schema` and commit it."
    )


# -- scalars --------------------------------------------------------------------------------

MOMENT = datetime(2024, 5, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
BIG = 2**53 + 1


@strawberry.type
class Sample:
    created_at: DateTime
    size_bytes: BigInt
    geometry: JSON


@strawberry.type
class ScalarQuery:
    @strawberry.field
    def sample(self) -> Sample:
        return Sample(
            created_at=MOMENT,
            size_bytes=BIG,
            geometry=JSON({"type": "Point", "coordinates": [1, 2]}),
        )

    @strawberry.field
    def later(self, at: DateTime) -> DateTime:
        return at + timedelta(hours=1)

    @strawberry.field
    def double(self, size: BigInt) -> BigInt:
        return size * 2

    @strawberry.field
    def naive(self) -> datetime:
        return datetime(2024, 5, 1, 12, 30)


def scalar_schema() -> ProtectedSchema:
    return ProtectedSchema(load_settings(env_file=None), query=ScalarQuery)


def test_scalars_keep_their_contract_names() -> None:
    sdl = scalar_schema().as_str()
    assert "scalar DateTime" in sdl and "scalar BigInt" in sdl and "scalar JSON" in sdl
    assert "createdAt: DateTime!" in sdl
    assert "sizeBytes: BigInt!" in sdl
    assert "geometry: JSON!" in sdl


async def run(query: str, **variables: Any) -> ExecutionResult:
    return await scalar_schema().execute(query, variable_values=variables)


async def test_scalars_serialize_as_the_contract_says() -> None:
    result = await run("{ sample { createdAt sizeBytes geometry } naive }")
    assert result.errors is None
    assert result.data == {
        "sample": {
            "createdAt": "2024-05-01T12:30:00+02:00",
            "sizeBytes": BIG,
            "geometry": {"type": "Point", "coordinates": [1, 2]},
        },
        # Naive datetimes can only be UTC here; they still carry their zone.
        "naive": "2024-05-01T12:30:00+00:00",
    }


async def test_scalars_parse_variables_and_literals() -> None:
    result = await run(
        "query Q($at: DateTime!, $size: BigInt!) { later(at: $at) double(size: $size) }",
        at="2024-05-01T23:30:00Z",
        size=BIG,
    )
    assert result.errors is None
    assert result.data == {"later": "2024-05-02T00:30:00+00:00", "double": 2 * BIG}

    result = await run('{ later(at: "2024-05-01T10:00:00+00:00") double(size: 3) }')
    assert result.data == {"later": datetime(2024, 5, 1, 11, tzinfo=UTC).isoformat(), "double": 6}


async def test_scalars_refuse_malformed_input() -> None:
    cases: list[tuple[str, dict[str, Any]]] = [
        ("query Q($at: DateTime!) { later(at: $at) }", {"at": "2024-05-01T10:00:00"}),
        ("query Q($at: DateTime!) { later(at: $at) }", {"at": "yesterday"}),
        ("query Q($at: DateTime!) { later(at: $at) }", {"at": 1714557600}),
        ("query Q($size: BigInt!) { double(size: $size) }", {"size": "12"}),
        ("query Q($size: BigInt!) { double(size: $size) }", {"size": 1.5}),
        ("query Q($size: BigInt!) { double(size: $size) }", {"size": True}),
    ]
    for query, variables in cases:
        result = await run(query, **variables)
        assert result.data is None and result.errors, (query, variables)
        assert "Internal server error" not in result.errors[0].message
