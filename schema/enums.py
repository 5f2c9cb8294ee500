"""GraphQL enums over the plain enums of the services, every value described."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from enum import Enum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

EnumType = TypeVar("EnumType", bound=type[Enum])


def described_enum(
    cls: EnumType,
    *,
    name: str,
    description: str,
    values: Mapping[Enum, str],
    not_in_schema: Collection[Enum] = (),
) -> EnumType:
    """Expose `cls` as the GraphQL enum `name`; `values` describes each of its members but
    those `not_in_schema` (members the API uses elsewhere, never in a GraphQL value).

    Services keep their enums free of strawberry, so the descriptions live here; a member
    without one is an error at import, not a gap in the documentation.
    """
    exposed = strawberry.enum(cls, name=name, description=description)
    definition = exposed.__strawberry_definition__  # type: ignore[attr-defined]
    assert isinstance(definition, StrawberryEnumDefinition)
    hidden = {member.name for member in not_in_schema if member in cls}
    definition.values = [value for value in definition.values if value.name not in hidden]
    described = {member.name: text for member, text in values.items() if member in cls}
    missing = {value.name for value in definition.values} ^ set(described)
    if missing or len(described) != len(values) or len(hidden) != len(not_in_schema):
        raise ValueError(f"enum {name}: describe exactly its members; differing: {missing}")
    for value in definition.values:
        value.description = described[value.name]
    return exposed
