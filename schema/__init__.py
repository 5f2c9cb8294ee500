"""Builds the strawberry Schema of datashare with its protections."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.accounts import AccountsMutation, AccountsQuery
from schema.annotations import AnnotationsMutation
from schema.datasets import DatasetsMutation, DatasetsQuery
from schema.nodes import NodeQuery
from schema.protections import ProtectedSchema
from schema.scalars import JSON, BigInt, DateTime
from schema.sharing import SharingMutation
from services.settings import Settings

Query = merge_types("Query", (NodeQuery, AccountsQuery, DatasetsQuery))
Mutation = merge_types(
    "Mutation", (AccountsMutation, DatasetsMutation, SharingMutation, AnnotationsMutation)
)


def build_schema(settings: Settings) -> ProtectedSchema:
    """The schema with its limits, error masking and introspection switch (SPEC §7)."""
    return ProtectedSchema(settings, query=Query, mutation=Mutation, types=[])


__all__ = ["JSON", "BigInt", "DateTime", "ProtectedSchema", "build_schema"]
