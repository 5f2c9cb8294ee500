"""The GraphiQL page served to browsers at /graphql."""

from __future__ import annotations

from strawberry.http.ides import get_graphql_ide_html


def graphiql_page() -> str:
    return get_graphql_ide_html(graphql_ide="graphiql")
