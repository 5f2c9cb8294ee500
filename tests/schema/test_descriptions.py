"""The schema documents itself: a description on the schema and on every type, field,
argument, enum value and input field (SPEC section 9), read through introspection."""

from __future__ import annotations

from typing import Any

from graphql import get_introspection_query

from tests.conftest import Service

BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}


def undocumented(schema: dict[str, Any]) -> list[str]:
    """Every element of an introspected schema that has no description."""
    missing = [] if schema.get("description") else ["schema"]
    for kind in schema["types"]:
        name = kind["name"]
        if name.startswith("__") or name in BUILT_IN:
            continue
        if not kind["description"]:
            missing.append(name)
        for field in kind.get("fields") or []:
            if not field["description"]:
                missing.append(f"{name}.{field['name']}")
            missing += [
                f"{name}.{field['name']}({arg['name']}:)"
                for arg in field["args"]
                if not arg["description"]
            ]
        missing += [
            f"{name}.{field['name']}"
            for field in kind.get("inputFields") or []
            if not field["description"]
        ]
        missing += [
            f"{name}.{value['name']}"
            for value in kind.get("enumValues") or []
            if not value["description"]
        ]
    return missing


async def test_every_schema_element_has_a_description(service: Service) -> None:
    query = get_introspection_query(descriptions=True, schema_description=True)
    response = await service.client.post("/graphql", json={"query": query})
    assert response.status_code == 200, response.text
    schema = response.json()["data"]["__schema"]
    names = {kind["name"] for kind in schema["types"]}
    # The walk sees the whole schema: roots, inputs, enums and payloads alike.
    assert {"Query", "Mutation", "ShareDatasetInput", "ErrorCode", "AuthPayload"} <= names
    assert undocumented(schema) == []
