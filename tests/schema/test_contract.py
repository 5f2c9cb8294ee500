"""Every type, field, argument, default and enum value of the SPEC's SDL is in the live
schema, with the same type: clients are written against those names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    build_schema,
)

from schema.export import schema_sdl

SPEC = Path(__file__).resolve().parents[3] / "shared" / "SPEC.md"
# The contract names these connections but leaves their shape to us (Relay).
DESIGNED_HERE = ("DatasetConnection", "AnnotationConnection")


def extended_enum_values(text: str) -> dict[str, set[str]]:
    """Enum values the SPEC's later sections add with `extend enum` (part two)."""
    added: dict[str, set[str]] = {}
    for block in re.findall(r"```graphql\n(.*?)```", text, re.S):
        for name, body in re.findall(r"extend enum (\w+)\s*\{([^}]*)\}", block):
            added.setdefault(name, set()).update(re.findall(r"\w+", body))
    return added


def contract_differences() -> list[str]:
    text = SPEC.read_text()
    sdl = re.search(r"```graphql\n(.*?)```", text, re.S)
    assert sdl, "no SDL block in SPEC.md"
    extended = extended_enum_values(text)
    stubs = "".join(f"\ntype {name} {{ stub: Int }}" for name in DESIGNED_HERE)
    spec = build_schema(sdl.group(1) + stubs)
    ours = build_schema(schema_sdl())
    found: list[str] = []
    for name, wanted in spec.type_map.items():
        if name.startswith("__") or name in DESIGNED_HERE:
            continue
        have = ours.type_map.get(name)
        if have is None:
            found.append(f"type {name} is missing")
            continue
        if isinstance(wanted, GraphQLEnumType) and isinstance(have, GraphQLEnumType):
            contract = set(wanted.values) | extended.get(name, set())
            if contract != set(have.values):
                found.append(f"enum {name}: {sorted(contract ^ set(have.values))}")
        if not isinstance(
            wanted, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
        ):
            continue
        assert isinstance(have, type(wanted)), name
        if isinstance(wanted, GraphQLObjectType) and isinstance(have, GraphQLObjectType):
            missing = {i.name for i in wanted.interfaces} - {i.name for i in have.interfaces}
            if missing:
                found.append(f"{name} does not implement {missing}")
        for field_name, field in wanted.fields.items():
            ours_field = have.fields.get(field_name)
            where = f"{name}.{field_name}"
            if ours_field is None:
                found.append(f"{where} is missing")
                continue
            if str(field.type) != str(ours_field.type):
                found.append(f"{where}: {field.type} in the SPEC, {ours_field.type} here")
            if isinstance(wanted, GraphQLInputObjectType):
                if field.default_value != ours_field.default_value:  # type: ignore[union-attr]
                    found.append(f"{where} defaults differ")
                continue
            for arg_name, arg in field.args.items():  # type: ignore[union-attr]
                ours_arg = ours_field.args.get(arg_name)  # type: ignore[union-attr]
                if ours_arg is None:
                    found.append(f"{where}({arg_name}) is missing")
                elif (str(arg.type), arg.default_value) != (
                    str(ours_arg.type),
                    ours_arg.default_value,
                ):
                    found.append(f"{where}({arg_name}): type or default differs")
    return found


@pytest.mark.skipif(not SPEC.exists(), reason="the SPEC is not beside this checkout")
def test_the_schema_has_every_name_of_the_contract() -> None:
    assert contract_differences() == []
