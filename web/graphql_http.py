"""GraphQL over HTTP (the GraphQL-over-HTTP specification, SHOULDs included).

Content negotiation between `application/graphql-response+json` and `application/json`;
request errors (unparsable, invalid, or variables that do not coerce) answer `400`
without `data` to clients that accept the former; mutations only over POST.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from resolvers.context import Context
from web.auth import (
    authenticate,
    clear_session_cookie,
    cookie_may_act,
    media_type,
    set_session_cookie,
)
from web.graphiql import graphiql_page

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"

_QUERY_ONLY = {OperationType.QUERY}
_QUERY_AND_MUTATION = {OperationType.QUERY, OperationType.MUTATION}


class BadRequest(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def negotiate(accept_header: str | None) -> str | None:
    """The response media type to use, or None when the client accepts neither."""
    if not accept_header or not accept_header.strip():
        return JSON
    best: tuple[float, int, str] | None = None
    for part in accept_header.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        media = pieces[0].lower()
        quality = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        if media == GRAPHQL_RESPONSE:
            chosen = GRAPHQL_RESPONSE
        elif media in (JSON, "application/*", "*/*"):
            chosen = JSON
        else:
            continue
        # Highest quality wins; on a tie the specific graphql-response type wins.
        key = (quality, 1 if chosen == GRAPHQL_RESPONSE else 0, chosen)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def _wants_graphiql(request: Request) -> bool:
    return (
        request.method == "GET"
        and "query" not in request.query_params
        and "text/html" in request.headers.get("accept", "")
    )


async def _read_params(request: Request) -> dict[str, Any]:
    if request.method == "GET":
        params: dict[str, Any] = dict(request.query_params)
        for name in ("variables", "extensions"):
            if name in params and params[name] != "":
                try:
                    params[name] = orjson.loads(params[name])
                except orjson.JSONDecodeError as error:
                    raise BadRequest(400, f"`{name}` is not valid JSON.") from error
            elif name in params:
                params[name] = None
        return params
    if media_type(request) != JSON:
        raise BadRequest(415, "Send a JSON body with Content-Type: application/json.")
    try:
        body = orjson.loads(await request.body())
    except orjson.JSONDecodeError as error:
        raise BadRequest(400, "The body is not valid JSON.") from error
    if not isinstance(body, dict):
        raise BadRequest(400, "The body must be a JSON object.")
    return body


def _check_params(params: dict[str, Any]) -> tuple[str, str | None, dict[str, Any] | None]:
    query = params.get("query")
    if not isinstance(query, str) or not query.strip():
        raise BadRequest(400, "`query` must be a non-empty string.")
    operation_name = params.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise BadRequest(400, "`operationName` must be a string.")
    variables = params.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise BadRequest(400, "`variables` must be an object.")
    extensions = params.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise BadRequest(400, "`extensions` must be an object.")
    return query, operation_name or None, variables


def is_request_error(result: ExecutionResult) -> bool:
    """True when nothing executed: the document or the variables were at fault."""
    if isinstance(result, PreExecutionError):
        return True
    errors = result.errors or []
    return result.data is None and bool(errors) and all(not error.path for error in errors)


def _body(result: ExecutionResult, request_error: bool) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if result.errors:
        body["errors"] = [error.formatted for error in result.errors]
    if not request_error:
        body["data"] = result.data
    if result.extensions:
        body["extensions"] = result.extensions
    return body


def _error_response(error: BadRequest, content_type: str) -> Response:
    body = orjson.dumps({"errors": [{"message": error.message}]})
    return Response(body, status_code=error.status, media_type=content_type, headers=error.headers)


async def graphql_endpoint(request: Request) -> Response:
    settings = request.app.state.settings
    if request.method not in ("GET", "POST"):
        return Response(status_code=405, headers={"Allow": "GET, POST"})
    if _wants_graphiql(request) and settings.graphql_introspection:
        return HTMLResponse(graphiql_page())
    content_type = negotiate(request.headers.get("accept"))
    if content_type is None:
        return Response(
            orjson.dumps({"errors": [{"message": f"Accept {GRAPHQL_RESPONSE} or {JSON}."}]}),
            status_code=406,
            media_type=JSON,
        )
    try:
        query, operation_name, variables = _check_params(await _read_params(request))
    except BadRequest as error:
        return _error_response(error, content_type)

    auth = await authenticate(request, settings, allow_cookie=cookie_may_act(request))
    context = Context(request=request, settings=settings, viewer=auth.user, session=auth.session)
    try:
        result = await request.app.state.schema.execute(
            query,
            variable_values=variables,
            context_value=context,
            operation_name=operation_name,
            allowed_operation_types=_QUERY_ONLY if request.method == "GET" else _QUERY_AND_MUTATION,
        )
    except InvalidOperationTypeError:
        return _error_response(
            BadRequest(405, "Mutations must be sent with POST.", {"Allow": "POST"}), content_type
        )

    request_error = is_request_error(result)
    status = 400 if request_error and content_type == GRAPHQL_RESPONSE else 200
    response = Response(
        orjson.dumps(_body(result, request_error)), status_code=status, media_type=content_type
    )
    if context.new_session_token:
        set_session_cookie(response, context.new_session_token, settings)
    elif context.clear_session_cookie:
        clear_session_cookie(response, settings)
    return response
