"""Every type, field, argument, default and enum value of the SPEC's SDL is in the live
schema, with the same type: clients are written against those names.

The contract is every SDL block of the SPEC read as one document: section 3's, then the
`extend type`, `extend input` and `extend enum` and the new types of sections 9 to 17,
which graphql-core folds into the types they extend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
)

from schema.export import schema_sdl

SPEC = Path(__file__).resolve().parents[3] / "shared" / "SPEC.md"
# The contract names these connections but leaves their shape to us (Relay).
DESIGNED_HERE = ("DatasetConnection", "AnnotationConnection", "ActivityConnection")


def sdl_blocks(text: str) -> list[str]:
    """The SDL blocks of the SPEC, in order (section 3's first)."""
    return re.findall(r"```graphql\n(.*?)```", text, re.S)


def contract_schema(text: str) -> GraphQLSchema:
    """The contract as one schema: every block, extensions applied, stubs for the types
    it names and leaves to us."""
    blocks = sdl_blocks(text)
    assert blocks, "no SDL block in SPEC.md"
    stubs = "".join(f"\ntype {name} {{ stub: Int }}" for name in DESIGNED_HERE)
    return build_schema("\n".join(blocks) + stubs)


def contract_differences(spec: GraphQLSchema, ours: GraphQLSchema) -> list[str]:
    found: list[str] = []
    for name, wanted in spec.type_map.items():
        if name.startswith("__") or name in DESIGNED_HERE:
            continue
        have = ours.type_map.get(name)
        if have is None:
            found.append(f"type {name} is missing")
            continue
        if isinstance(wanted, GraphQLEnumType) and isinstance(have, GraphQLEnumType):
            contract = set(wanted.values)
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


needs_spec = pytest.mark.skipif(not SPEC.exists(), reason="the SPEC is not beside this checkout")


@needs_spec
def test_the_schema_has_every_name_of_the_contract() -> None:
    spec = contract_schema(SPEC.read_text())
    assert contract_differences(spec, build_schema(schema_sdl())) == []


@needs_spec
def test_the_contract_holds_the_later_sections_extensions_and_new_types() -> None:
    spec = contract_schema(SPEC.read_text())
    dataset = spec.type_map["Dataset"]
    share_input = spec.type_map["ShareDatasetInput"]
    role = spec.type_map["AccessRole"]
    assert isinstance(dataset, GraphQLObjectType)
    assert isinstance(share_input, GraphQLInputObjectType)
    assert isinstance(role, GraphQLEnumType)
    # Section 9, 12 and 16 extend Dataset; 11 and 14 extend an input; 14 an enum.
    assert {"viewerGrant", "shareLinks", "activity"} <= set(dataset.fields)
    assert {"expiresAt", "teamIds"} <= set(share_input.fields)
    assert "TEAM" in role.values
    assert {"ShareLink", "Team", "TeamRole", "Activity", "ActivityKind", "CreateTeamInput"} <= set(
        spec.type_map
    )


@needs_spec
def test_a_missing_or_retyped_name_of_a_later_section_is_reported() -> None:
    spec = contract_schema(SPEC.read_text())
    ours = schema_sdl()
    without_activity = ours.replace("\n  activity(", "\n  activityLog(", 1)
    assert without_activity != ours
    assert "Dataset.activity is missing" in contract_differences(
        spec, build_schema(without_activity)
    )
    retyped = ours.replace("subjectEmail: String\n", "subjectEmail: Int\n", 1)
    assert retyped != ours
    assert any(
        line.startswith("Activity.subjectEmail:")
        for line in contract_differences(spec, build_schema(retyped))
    )
