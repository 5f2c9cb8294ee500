"""Builds the strawberry Schema of datashare with its protections."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from schema.accounts import AccountsMutation, AccountsQuery
from schema.nodes import NodeQuery
from schema.protections import schema_extensions
from schema.scalars import BigInt, DateTime
from services.settings import Settings

Query = merge_types("Query", (NodeQuery, AccountsQuery))
Mutation = merge_types("Mutation", (AccountsMutation,))


def build_schema(settings: Settings) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=schema_extensions(settings),
        scalar_overrides={},
        types=[],
        config=strawberry.schema.config.StrawberryConfig(auto_camel_case=True),
    )


__all__ = ["BigInt", "DateTime", "build_schema"]
