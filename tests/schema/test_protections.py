"""Document limits, masked unexpected errors and the introspection switch (SPEC §7)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import strawberry
import uvicorn

from main import create_app
from schema.protections import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS, ProtectedSchema
from schema.scalars import JSON
from services.settings import load_settings
from tests.conftest import Service, ServiceFactory
from tests.net import free_port
from web.server import config as served_as

GRAPHQL_RESPONSE = "application/graphql-response+json"
SECRET = "SELECT password_hash FROM users -- connection to db-internal:5432 refused"


async def ask(client: httpx.AsyncClient, query: str, **variables: Any) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"accept": GRAPHQL_RESPONSE},
    )


def refused(response: httpx.Response) -> list[str]:
    """The messages of a request error (400, no data)."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert "data" not in body
    return [error["message"] for error in body["errors"]]


# -- a test-only schema around the real endpoint ------------------------------------------


@strawberry.type
class Folder:
    name: str = "folder"

    @strawberry.field
    def child(self) -> Folder:
        return Folder()


@strawberry.type
class ProbeQuery:
    @strawberry.field
    def folder(self) -> Folder:
        return Folder()

    @strawberry.field
    def broken(self) -> str | None:
        raise RuntimeError(SECRET)

    @strawberry.field
    def broken_required(self) -> str:
        raise RuntimeError(SECRET)

    @strawberry.field
    def refused(self) -> str | None:
        raise strawberry.exceptions.StrawberryGraphQLError("You may not see this.")

    @strawberry.field
    def echo(self, value: JSON) -> JSON:
        return value

    @strawberry.field
    def unserializable(self) -> JSON:
        return JSON({"value": object()})


SchemaClient = Callable[..., Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def serve_test_schema(
    database_url: str, tmp_path: Path, start_service: ServiceFactory
) -> AsyncIterator[SchemaClient]:
    """Serve the real app with `ProbeQuery` as its schema; yields a client factory."""
    # The regular service first: it empties the tables and owns the database lifecycle.
    await start_service()
    running: list[tuple[uvicorn.Server, asyncio.Task[None], httpx.AsyncClient]] = []

    async def start(**overrides: str) -> httpx.AsyncClient:
        port = free_port()
        settings = load_settings(
            env_file=None,
            overrides={
                "DATABASE_URL": database_url,
                "DATA_DIR": str(tmp_path / "data"),
                "PUBLIC_URL": f"http://127.0.0.1:{port}",
                "EMAIL_WORKER": "off",
                "GRAPHQL_INTROSPECTION": "on",
                **overrides,
            },
        )
        app = create_app(settings, ProtectedSchema(settings, query=ProbeQuery))
        server = uvicorn.Server(served_as(app, "127.0.0.1", port, log_level="warning"))
        task = asyncio.create_task(server.serve())
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        client = httpx.AsyncClient(base_url=settings.public_url, timeout=30)
        running.append((server, task, client))
        return client

    yield start
    for server, task, client in reversed(running):
        await client.aclose()
        server.should_exit = True
        await task


def nested(levels: int) -> str:
    """`folder { child { … name } }` with `levels` nested selection sets."""
    return "{ folder " + "{ child " * (levels - 1) + "{ name }" + " }" * levels


# -- depth ----------------------------------------------------------------------------------


async def test_depth_up_to_the_limit_is_answered(serve_test_schema: SchemaClient) -> None:
    client = await serve_test_schema()
    response = await ask(client, nested(MAX_DEPTH))
    assert response.status_code == 200
    assert "errors" not in response.json()


async def test_deeper_documents_are_refused(serve_test_schema: SchemaClient) -> None:
    client = await serve_test_schema()
    (message,) = refused(await ask(client, nested(MAX_DEPTH + 1)))
    assert message == "The operation is 11 levels deep; at most 10 are allowed."


async def test_depth_counts_through_fragments(serve_test_schema: SchemaClient) -> None:
    client = await serve_test_schema()
    query = (
        "query Deep { folder { ...Five } }"
        " fragment Five on Folder { child { child { child { child { ...Six } } } } }"
        " fragment Six on Folder { ... on Folder { child { child { child { child { child"
        " { child { name } } } } } } } }"
    )
    (message,) = refused(await ask(client, query))
    assert message == "'Deep' is 11 levels deep; at most 10 are allowed."


async def test_the_production_schema_limits_depth(service: Service) -> None:
    # Invalid fields too, but the depth is reported all the same.
    messages = refused(
        await ask(service.client, "{ me " + "{ a " * MAX_DEPTH + "{ b }" + " }" * 11)
    )
    assert "The operation is 11 levels deep; at most 10 are allowed." in messages


# -- aliases and tokens -----------------------------------------------------------------


def aliased(count: int) -> str:
    return "{ " + " ".join(f"a{n}: me {{ id }}" for n in range(count)) + " }"


async def test_aliases_up_to_the_limit_are_answered(service: Service) -> None:
    response = await ask(service.client, aliased(MAX_ALIASES))
    assert response.status_code == 200
    assert response.json()["data"] == {f"a{n}": None for n in range(MAX_ALIASES)}


async def test_more_aliases_are_refused(service: Service) -> None:
    (message,) = refused(await ask(service.client, aliased(MAX_ALIASES + 1)))
    assert message == "The document has 16 aliases; at most 15 are allowed."


async def test_aliases_count_every_spread_of_a_fragment(service: Service) -> None:
    query = "{ me { ...Names ...Names } } fragment Names on User " + aliased(8).replace(
        "me { id }", "id"
    )
    (message,) = refused(await ask(service.client, query))
    assert message == "The document has 16 aliases; at most 15 are allowed."


async def test_a_fragment_bomb_is_refused_quickly(service: Service) -> None:
    # Each fragment spreads the next one twice: 2**60 aliases once expanded.
    levels = 60
    fragments = " ".join(
        f"fragment F{n} on Query {{ ...F{n + 1} ...F{n + 1} }}" for n in range(levels)
    )
    query = f"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ a: __typename }}"
    started = time.monotonic()
    messages = refused(await ask(service.client, query))
    assert time.monotonic() - started < 5
    assert f"The document has {2**levels} aliases; at most 15 are allowed." in messages


async def test_unknown_fragments_are_validation_errors(service: Service) -> None:
    (message,) = refused(await ask(service.client, "{ ...Missing }"))
    assert message == "Unknown fragment 'Missing'."


async def test_documents_over_the_token_limit_are_refused(
    serve_test_schema: SchemaClient,
) -> None:
    client = await serve_test_schema()

    def echo(items: int) -> str:
        # `{ echo ( value : [ … ] ) }` is 9 tokens around the list items.
        return "{ echo(value: [" + "1 " * items + "]) }"

    response = await ask(client, echo(MAX_TOKENS - 9))
    assert response.status_code == 200, response.text
    assert response.json()["data"]["echo"] == [1] * (MAX_TOKENS - 9)

    (message,) = refused(await ask(client, echo(MAX_TOKENS - 8)))
    assert (
        message
        == f"Syntax Error: Document contains more than {MAX_TOKENS} tokens. Parsing aborted."
    )


# -- masked unexpected errors --------------------------------------------------------------


async def test_unexpected_errors_are_masked_and_logged_once_with_an_id(
    serve_test_schema: SchemaClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = await serve_test_schema()
    caplog.set_level(logging.INFO)

    response = await ask(client, "{ broken folder { name } }")

    # A field error: data is there, so 200 even under graphql-response+json.
    assert response.status_code == 200
    assert SECRET not in response.text and "RuntimeError" not in response.text
    body = response.json()
    assert body["data"] == {"broken": None, "folder": {"name": "folder"}}
    (error,) = body["errors"]
    assert error["message"] == "Internal server error"
    assert error["path"] == ["broken"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    error_id = error["extensions"]["errorId"]

    logged = [record for record in caplog.records if error_id in record.getMessage()]
    assert len(logged) == 1
    assert logged[0].exc_info and SECRET in str(logged[0].exc_info[1])
    assert not [record for record in caplog.records if SECRET in record.getMessage()]


async def test_an_unexpected_error_on_a_required_root_field_nulls_data(
    serve_test_schema: SchemaClient,
) -> None:
    client = await serve_test_schema()
    response = await ask(client, "{ brokenRequired }")
    # data is null, not missing: the operation ran, so still 200.
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["message"] == "Internal server error"
    assert SECRET not in response.text


async def test_graphql_errors_raised_on_purpose_keep_their_message(
    serve_test_schema: SchemaClient,
) -> None:
    client = await serve_test_schema()
    response = await ask(client, "{ refused }")
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["message"] == "You may not see this."
    assert "extensions" not in error


async def test_a_failure_of_the_http_layer_is_a_500_with_an_error_id(
    serve_test_schema: SchemaClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = await serve_test_schema()
    caplog.set_level(logging.INFO)

    # The resolver hands back something JSON cannot carry: encoding the answer fails.
    response = await ask(client, "{ unserializable }")

    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert error["message"] == "Internal server error"
    error_id = error["extensions"]["errorId"]
    assert "Traceback" not in response.text and "object" not in response.text
    logged = [record for record in caplog.records if error_id in record.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info


# -- introspection switch -------------------------------------------------------------------

INTROSPECTION = [
    "{ __schema { types { name } } }",
    '{ __type(name: "User") { name } }',
    "query IntrospectionQuery { __schema { queryType { name } } }",
]


@pytest.mark.parametrize("query", INTROSPECTION)
async def test_introspection_is_on_by_default(service: Service, query: str) -> None:
    response = await ask(service.client, query)
    assert response.status_code == 200
    assert "errors" not in response.json()


@pytest.mark.parametrize("query", INTROSPECTION)
async def test_introspection_off_refuses_introspection(
    start_service: ServiceFactory, query: str
) -> None:
    service = await start_service(GRAPHQL_INTROSPECTION="off")
    messages = refused(await ask(service.client, query))
    assert all("introspection has been disabled" in message for message in messages)


async def test_introspection_off_still_answers_typename(start_service: ServiceFactory) -> None:
    service = await start_service(GRAPHQL_INTROSPECTION="off")
    response = await ask(service.client, "{ __typename me { id } }")
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query", "me": None}}


SUGGESTIONS = {
    "field": ("{ mee { id } }", "Cannot query field 'mee' on type 'Query'."),
    "argument": (
        '{ node(idd: "x") { id } }',
        "Unknown argument 'idd' on field 'Query.node'.",
    ),
    "type": ("{ node(id: 1) { ... on Usr { id } } }", "Unknown type 'Usr'."),
}


@pytest.mark.parametrize(("query", "message"), SUGGESTIONS.values(), ids=SUGGESTIONS.keys())
async def test_suggestions_only_while_introspection_is_on(
    start_service: ServiceFactory, query: str, message: str
) -> None:
    on = await start_service()
    messages = refused(await ask(on.client, query))
    assert any(m.startswith(message) and "Did you mean" in m for m in messages), messages

    off = await start_service(GRAPHQL_INTROSPECTION="off")
    messages = refused(await ask(off.client, query))
    assert message in messages
    assert not any("Did you mean" in m for m in messages)


async def test_introspection_off_serves_no_graphiql(start_service: ServiceFactory) -> None:
    service = await start_service(GRAPHQL_INTROSPECTION="off")
    response = await service.client.get(
        "/graphql", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    assert not response.headers["content-type"].startswith("text/html")
    assert "GraphiQL" not in response.text
    assert response.status_code == 400
