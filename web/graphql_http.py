"""GraphQL over HTTP (the GraphQL-over-HTTP specification, SHOULDs included).

- Content negotiation between `application/graphql-response+json` and `application/json`
  (also for `*/*` and a missing `Accept`); `406` when the client accepts neither.
- `POST` takes a UTF-8 `application/json` body (`415` otherwise); `GET` takes URL
  parameters, `variables` and `extensions` as JSON strings, and never runs a mutation
  (`405`, `Allow: POST`).
- A request that is not well formed (bad JSON, `query` missing or not a string, …) is a
  `400` with `errors` and no `data`.
- A GraphQL request error (the document does not parse or validate, no operation can be
  chosen, the variables do not coerce) has no `data`; it is a `400` under
  `application/graphql-response+json` and a `200` under `application/json`.
  Field errors keep `data` and a `200`.
- A body over `MAX_BODY_BYTES` is a `413`: a document is at most 2,000 tokens, so only
  variables could be that large, and no operation needs that much.
- Anything unexpected is a `500` carrying an error id that is also in the log
  (`web.errors`).
"""

from __future__ import annotations

from typing import Any

import orjson
from graphql import GraphQLError, OperationDefinitionNode
from starlette.requests import Request
from starlette.responses import Response
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from resolvers.context import Context
from schema.protections import cached_document
from services.errors import ErrorCode
from web.auth import clear_session_cookie, media_type, set_session_cookie, viewer_of
from web.state import state_of
from web.static import GRAPHIQL_PAGE

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
MAX_BODY_BYTES = 1024 * 1024

# Subscriptions run over WebSocket (`web.graphql_ws`); a mutation over GET is an
# HTTP-level refusal.
_OVER_GET = {OperationType.QUERY}
_OVER_POST = {OperationType.QUERY, OperationType.MUTATION}


class BadRequest(Exception):
    """A request refused before any GraphQL work: status, message, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def negotiate(accept_header: str | None) -> str | None:
    """The response media type to use, or None when the client accepts neither."""
    if not accept_header or not accept_header.strip():
        return JSON
    best: tuple[float, int] | None = None
    chosen_type: str | None = None
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
            candidate = GRAPHQL_RESPONSE
        elif media in (JSON, "application/*", "*/*"):
            candidate = JSON
        else:
            continue
        # Highest quality wins; on a tie the graphql-response type wins.
        key = (quality, 1 if candidate == GRAPHQL_RESPONSE else 0)
        if best is None or key > best:
            best, chosen_type = key, candidate
    return chosen_type


def _wants_graphiql(request: Request) -> bool:
    return (
        request.method == "GET"
        and "query" not in request.query_params
        and "text/html" in request.headers.get("accept", "").lower()
    )


def _json_parameter(name: str, text: str) -> Any:
    if text == "":
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise BadRequest(400, f"`{name}` is not valid JSON.") from error


async def _read_params(request: Request) -> dict[str, Any]:
    if request.method == "GET":
        params: dict[str, Any] = dict(request.query_params)
        for name in ("variables", "extensions"):
            if name in params:
                params[name] = _json_parameter(name, params[name])
        return params
    if media_type(request) != JSON:
        raise BadRequest(415, f"Send the request as a JSON body with Content-Type: {JSON}.")
    charset = _charset(request)
    if charset not in (None, "utf-8", "utf8"):
        raise BadRequest(415, "Encode the request body as UTF-8.")
    try:
        body = orjson.loads(await _read_body(request))
    except orjson.JSONDecodeError as error:
        raise BadRequest(400, "The body is not valid UTF-8 JSON.") from error
    if not isinstance(body, dict):
        raise BadRequest(400, "The body must be a JSON object.")
    return body


async def _read_body(request: Request) -> bytes:
    too_large = BadRequest(413, f"The body may be at most {MAX_BODY_BYTES} bytes.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _several_operations(query: str) -> bool:
    """Whether the document holds more than one operation (then one must be named).

    strawberry would quietly run the first one; the GraphQL specification says no.
    Errors in the document are left for the schema to report. The document comes from the
    schema's own parse cache, so each text is parsed once, not once here and once there.
    """
    try:
        document = cached_document(query)
    except GraphQLError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return len(operations) > 1


def _charset(request: Request) -> str | None:
    for parameter in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


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
    return result.data is None and bool(errors) and all(error.path is None for error in errors)


def _is_internal(error: GraphQLError) -> bool:
    return (error.extensions or {}).get("code") == ErrorCode.INTERNAL_SERVER_ERROR


def _status(result: ExecutionResult, request_error: bool, content_type: str) -> int:
    if not request_error or content_type != GRAPHQL_RESPONSE:
        return 200
    # Nothing executed: the client's fault, unless the machinery itself failed.
    return 500 if any(_is_internal(error) for error in result.errors or []) else 400


def _body(result: ExecutionResult, request_error: bool) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if result.errors:
        body["errors"] = [error.formatted for error in result.errors]
    if not request_error:
        body["data"] = result.data
    if result.extensions:
        body["extensions"] = result.extensions
    return body


def _json_response(
    body: dict[str, Any],
    status: int,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(
        orjson.dumps(body),
        status_code=status,
        headers=headers,
        media_type=f"{content_type}; charset=utf-8",
    )


def _error_response(error: BadRequest, content_type: str = JSON) -> Response:
    return _json_response(
        {"errors": [{"message": error.message}]}, error.status, content_type, error.headers
    )


def _request_error(message: str, content_type: str) -> Response:
    """A GraphQL request error found outside the schema (no operation to run)."""
    status = 400 if content_type == GRAPHQL_RESPONSE else 200
    return _json_response({"errors": [{"message": message}]}, status, content_type)


async def graphql_endpoint(request: Request) -> Response:
    state = state_of(request)
    settings = state.settings
    if request.method not in ("GET", "POST"):
        return _error_response(
            BadRequest(405, "Use GET or POST.", {"Allow": "GET, POST"}),
        )
    if _wants_graphiql(request) and settings.graphql_introspection:
        # The app's own build of GraphiQL: every asset from this server, none from a CDN.
        return await state.webapp.page(GRAPHIQL_PAGE, request.scope)
    content_type = negotiate(request.headers.get("accept"))
    if content_type is None:
        return _error_response(BadRequest(406, f"Accept {GRAPHQL_RESPONSE} or {JSON}."))
    try:
        query, operation_name, variables = _check_params(await _read_params(request))
    except BadRequest as error:
        return _error_response(error, content_type)

    if operation_name is None and _several_operations(query):
        return _request_error(
            "The document has several operations: name the one to run in `operationName`.",
            content_type,
        )

    auth = viewer_of(request)
    context = Context(request=request, settings=settings, viewer=auth.user, session=auth.session)
    try:
        result = await state.schema.execute(
            query,
            variable_values=variables,
            context_value=context,
            operation_name=operation_name,
            allowed_operation_types=_OVER_GET if request.method == "GET" else _OVER_POST,
        )
    except InvalidOperationTypeError as error:
        if error.operation_type is OperationType.SUBSCRIPTION:
            return _request_error(
                "Subscriptions are served over WebSocket (graphql-transport-ws) on /graphql.",
                content_type,
            )
        return _error_response(
            BadRequest(405, "Mutations must be sent with POST.", {"Allow": "POST"}), content_type
        )
    except CannotGetOperationTypeError as error:
        if error.operation_name is None:
            message = "The document needs one operation, or `operationName` naming one."
        else:
            message = f"The document has no operation named {error.operation_name!r}."
        return _request_error(message, content_type)

    request_error = is_request_error(result)
    response = _json_response(
        _body(result, request_error), _status(result, request_error, content_type), content_type
    )
    if context.new_session_token:
        set_session_cookie(response, context.new_session_token, settings)
    elif context.clear_session_cookie:
        clear_session_cookie(response, settings)
    return response
