"""Builds the strawberry Schema of datashare with its protections."""

from __future__ import annotations

import strawberry

from schema.accounts import AccountsMutation, AccountsQuery
from schema.annotations import AnnotationsMutation
from schema.datasets import DatasetsMutation, DatasetsQuery
from schema.links import LinksMutation, LinksQuery
from schema.live import Subscription
from schema.nodes import NodeQuery
from schema.protections import ProtectedSchema
from schema.scalars import JSON, BigInt, DateTime
from schema.sharing import SharingMutation
from schema.teams import TeamsMutation, TeamsQuery
from services.settings import Settings


@strawberry.type(
    name="Query",
    description="What a viewer may read: themselves, datasets and their listings, any object "
    "by id. Anonymous visitors see public datasets.",
)
class Query(NodeQuery, AccountsQuery, DatasetsQuery, LinksQuery, TeamsQuery):
    pass


@strawberry.type(
    name="Mutation",
    description="Every change. Expected failures are data: each payload has `errors`, empty "
    "on success.",
)
class Mutation(
    AccountsMutation,
    DatasetsMutation,
    SharingMutation,
    AnnotationsMutation,
    LinksMutation,
    TeamsMutation,
):
    pass


DESCRIPTION = (
    "datashare keeps mass-spectrometry imaging (MSI) datasets and stained images, and shares "
    "them privately by email or publicly with everyone. Log in with `logIn` and send its "
    "`token` as `Authorization: Bearer <token>`. Ids are opaque global ids (`node(id:)`), "
    "lists are cursor connections, and mutations answer expected failures in `errors`. "
    "File bytes travel beside GraphQL: `PUT` them to `createDataset`'s `uploadUrl`, `GET` "
    "them from `Dataset.file.downloadUrl`. Live updates: subscribe over WebSocket "
    "(graphql-transport-ws) on /graphql."
)


def build_schema(settings: Settings) -> ProtectedSchema:
    """The schema with its limits, error masking and introspection switch (SPEC §7)."""
    return ProtectedSchema(
        settings,
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[],
        description=DESCRIPTION,
    )


__all__ = ["JSON", "BigInt", "DateTime", "ProtectedSchema", "build_schema"]
