"""The GraphiQL page served to browsers at /graphql (only while introspection is on)."""

from __future__ import annotations

from functools import cache

from strawberry.http.ides import get_graphql_ide_html

GRAPHQL_PATH = "/graphql"

# strawberry's page is static; these are the only parts that name this service.
_TITLE = ("<title>Strawberry GraphiQL</title>", "<title>datashare GraphiQL</title>")
_FETCH_URL = (
    'const fetchURL = window.location.href.split("?")[0];',
    f'const fetchURL = new URL("{GRAPHQL_PATH}", window.location.href).toString();',
)


@cache
def graphiql_page() -> str:
    page = get_graphql_ide_html(graphql_ide="graphiql")
    for old, new in (_TITLE, _FETCH_URL):
        # A template that changed shape still works (it posts to its own URL); render
        # what is there rather than fail the page.
        page = page.replace(old, new)
    return page
