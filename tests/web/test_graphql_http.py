"""GraphQL over HTTP, checked against the graphql-http audit list, over a real server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from tests.conftest import Service, ServiceFactory

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
TYPENAME = {"query": "{ __typename }"}


async def post(
    service: Service, body: Any, *, accept: str | None = JSON, **headers: str
) -> httpx.Response:
    all_headers = {"content-type": JSON, **headers}
    if accept is not None:
        all_headers["accept"] = accept
    return await service.client.post("/graphql", content=orjson.dumps(body), headers=all_headers)


def assert_request_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """A request error: the given status, `errors`, and no `data` entry at all."""
    assert response.status_code == status, response.text
    body = response.json()
    assert "data" not in body
    assert body["errors"] and all(error["message"] for error in body["errors"])
    return body


# -- media types -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (JSON, JSON),
        ("*/*", JSON),
        (None, JSON),
        ("application/*", JSON),
        (f"{GRAPHQL_RESPONSE}, {JSON};q=0.9", GRAPHQL_RESPONSE),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.5", JSON),
        (f"text/html, {GRAPHQL_RESPONSE};q=0", "406"),
        ("image/png", "406"),
    ],
)
async def test_the_response_type_follows_accept(
    service: Service, accept: str | None, expected: str
) -> None:
    response = await post(service, TYPENAME, accept=accept)
    if expected == "406":
        assert response.status_code == 406
        assert response.json()["errors"]
        return
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{expected}; charset=utf-8"
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_get_without_accept_answers_json(service: Service) -> None:
    response = await service.client.get("/graphql", params=TYPENAME)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(JSON)


async def test_utf8_bodies_are_accepted_and_answered_in_utf8(service: Service) -> None:
    query = '{ __type(name: "Run🏃Swim🏊") { name } }'
    response = await post(
        service, {"query": query}, **{"content-type": "application/json; charset=utf-8"}
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": None}}

    # A refused value comes back in the error message, non-ASCII intact.
    response = await post(
        service,
        {
            "query": "query Q($n: String!) { __type(name: $n) { name } }",
            "variables": {"n": ["café"]},
        },
    )
    assert "café" in response.content.decode("utf-8")


async def test_bodies_over_a_mebibyte_are_413(service: Service) -> None:
    body = {"query": "{ __typename }", "variables": {"padding": "x" * 1024 * 1024}}
    assert_request_error(await post(service, body), 413)


async def test_other_encodings_are_refused(service: Service) -> None:
    response = await service.client.post(
        "/graphql",
        content=b'{"query": "{ __typename }"}',
        headers={"content-type": "application/json; charset=latin-1"},
    )
    assert_request_error(response, 415)

    response = await service.client.post(
        "/graphql",
        content=b'{"query": "{ \xff }"}',
        headers={"content-type": JSON},
    )
    assert_request_error(response, 400)


# -- POST requests ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "application/xml"]
)
async def test_post_needs_a_json_content_type(service: Service, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = await service.client.post(
        "/graphql", content=orjson.dumps(TYPENAME), headers=headers
    )
    assert_request_error(response, 415)


@pytest.mark.parametrize("body", [b"", b'{ "not a JSON', b"[]", b'"query"', b"null"])
async def test_post_needs_a_json_object_body(service: Service, body: bytes) -> None:
    for accept in (JSON, GRAPHQL_RESPONSE):
        response = await service.client.post(
            "/graphql", content=body, headers={"content-type": JSON, "accept": accept}
        )
        assert_request_error(response, 400)
        assert response.headers["content-type"].startswith(accept)


@pytest.mark.parametrize(
    "body",
    [
        {"notquery": "{ __typename }"},
        *({"query": invalid} for invalid in ({"obj": "ect"}, 0, False, ["array"], None, "")),
        *(
            {"query": "{ __typename }", "operationName": invalid}
            for invalid in ({"obj": "ect"}, 0, False, ["array"])
        ),
        *(
            {"query": "{ __typename }", name: invalid}
            for name in ("variables", "extensions")
            for invalid in ("string", 0, False, ["array"])
        ),
    ],
)
async def test_malformed_parameters_are_400_without_data(
    service: Service, body: dict[str, Any]
) -> None:
    for accept in (JSON, GRAPHQL_RESPONSE):
        assert_request_error(await post(service, body, accept=accept), 400)


@pytest.mark.parametrize("name", ["variables", "operationName", "extensions"])
async def test_null_parameters_are_allowed(service: Service, name: str) -> None:
    for accept in (JSON, GRAPHQL_RESPONSE):
        response = await post(service, {**TYPENAME, name: None}, accept=accept)
        assert response.status_code == 200
        assert response.json() == {"data": {"__typename": "Query"}}


async def test_maps_and_names_are_allowed(service: Service) -> None:
    response = await post(
        service,
        {
            "query": "query Type($name: String!) { __type(name: $name) { name } }",
            "variables": {"name": "User"},
            "extensions": {"some": "value"},
            "operationName": "Type",
        },
        accept=GRAPHQL_RESPONSE,
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": {"name": "User"}}}


# -- GET requests -------------------------------------------------------------------------


async def test_get_runs_queries_with_json_variables(service: Service) -> None:
    response = await service.client.get(
        "/graphql",
        params={
            "query": "query Type($name: String!) { __type(name: $name) { name } }",
            "variables": '{"name": "User"}',
            "operationName": "Type",
        },
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__type": {"name": "User"}}}


@pytest.mark.parametrize("name", ["variables", "extensions"])
async def test_get_refuses_parameters_that_are_not_json_objects(
    service: Service, name: str
) -> None:
    for value in ("{not json", "[1]", "3"):
        response = await service.client.get("/graphql", params={**TYPENAME, name: value})
        assert_request_error(response, 400)


async def test_get_without_query_is_400(service: Service) -> None:
    response = await service.client.get("/graphql", headers={"accept": JSON})
    assert_request_error(response, 400)


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
async def test_mutations_over_get_are_405(service: Service, accept: str) -> None:
    response = await service.client.get(
        "/graphql", params={"query": "mutation { logOut }"}, headers={"accept": accept}
    )
    assert_request_error(response, 405)
    assert response.headers["allow"] == "POST"


async def test_other_methods_are_405(service: Service) -> None:
    for method in ("PUT", "DELETE", "PATCH"):
        response = await service.client.request(method, "/graphql", json=TYPENAME)
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, POST"


# -- request errors and field errors -----------------------------------------------------

REQUEST_ERRORS = {
    "parse": {"query": "{"},
    "validation": {"query": "{ 8f31403dfe404bccbb0e835f2629c6a7 }"},
    "variable coercion": {
        "query": "query CoerceFailure($id: ID!) { __typename }",
        "variables": {"id": None},
    },
    "missing variable": {"query": "query Q($id: ID!) { node(id: $id) { id } }"},
    "operation not named": {"query": "query A { __typename } query B { __typename }"},
    "unknown operation": {"query": "query A { __typename }", "operationName": "B"},
    "subscription": {"query": "subscription { __typename }"},
}


@pytest.mark.parametrize("body", REQUEST_ERRORS.values(), ids=REQUEST_ERRORS.keys())
async def test_request_errors_have_no_data(service: Service, body: dict[str, Any]) -> None:
    # application/json: 200 for every well-formed request; graphql-response+json: 400.
    assert_request_error(await post(service, body, accept=JSON), 200)
    assert_request_error(await post(service, body, accept=GRAPHQL_RESPONSE), 400)


async def test_parse_errors_keep_their_message_and_location(service: Service) -> None:
    body = assert_request_error(await post(service, {"query": "{"}, accept=GRAPHQL_RESPONSE), 400)
    (error,) = body["errors"]
    assert error["message"].startswith("Syntax Error")
    assert error["locations"] == [{"line": 1, "column": 2}]


async def test_a_named_operation_is_chosen_from_several(service: Service) -> None:
    response = await post(
        service,
        {"query": "query A { me { id } } query B { __typename }", "operationName": "B"},
        accept=GRAPHQL_RESPONSE,
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


# -- GraphiQL ------------------------------------------------------------------------------


async def test_browsers_get_the_apps_own_graphiql(service: Service) -> None:
    response = await service.client.get(
        "/graphql",
        headers={"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    # The built page, whose assets come from this server (no CDN), under the app's CSP.
    assert response.text == (service.settings.webapp_dir / "graphiql.html").read_text()
    assert response.headers["content-security-policy"].startswith("default-src 'self';")
    assert response.headers["cache-control"] == "no-cache"


async def test_graphiql_says_to_build_the_app_when_it_is_not_built(
    start_service: ServiceFactory, tmp_path: Path
) -> None:
    service = await start_service(WEBAPP_DIR=str(tmp_path / "not-built"))
    response = await service.client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/plain")
    assert "make run" in response.text


async def test_browsers_asking_for_a_query_get_its_answer(service: Service) -> None:
    response = await service.client.get(
        "/graphql", params=TYPENAME, headers={"accept": "text/html, */*;q=0.1"}
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}
