"""Limits on GraphQL documents, masked unexpected errors, introspection switches (SPEC §7).

- Documents: at most `MAX_DEPTH` levels, `MAX_ALIASES` aliases and `MAX_TOKENS` tokens;
  breaking a limit is a validation error (a request error: nothing executes).
- Errors: a resolver exception that is not a `GraphQLError` reaches the client as
  "Internal server error" with an `errorId`; the log has that id and the traceback.
- `GRAPHQL_INTROSPECTION=off`: no introspection and no "Did you mean …" suggestions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import strawberry
from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from graphql.utilities.print_schema import print_schema_definition
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from schema.execution import PlainFieldsExecutionContext
from schema.request_outcome import RequestOutcome
from schema.scalars import SCALAR_MAP
from services.errors import INTERNAL_ERROR_MESSAGE, ErrorCode, log_unexpected
from services.settings import Settings

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000
DOCUMENT_CACHE_SIZE = 512

log = logging.getLogger("datashare.graphql")

ExtensionFactory = Callable[[], SchemaExtension]


class _Measure:
    """Depth and alias count of selection sets, each fragment measured once.

    Memoising per fragment keeps this linear in the document: a chain of fragments that
    each spread the next one twice cannot make validation itself the attack.
    """

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.measured: dict[str, tuple[int, int]] = {}
        self.in_progress: set[str] = set()

    def selection_set(self, selection_set: SelectionSetNode | None) -> tuple[int, int]:
        """(depth, aliases); depth counts nested selection sets, as graphql-depth-limit does."""
        depth, aliases = 0, 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                aliases += 1 if selection.alias else 0
                # Introspection is bounded by the schema, not by the client.
                if selection.selection_set and not selection.name.value.startswith("__"):
                    child_depth, child_aliases = self.selection_set(selection.selection_set)
                    depth = max(depth, 1 + child_depth)
                    aliases += child_aliases
            elif isinstance(selection, InlineFragmentNode):
                child_depth, child_aliases = self.selection_set(selection.selection_set)
                depth, aliases = max(depth, child_depth), aliases + child_aliases
            elif isinstance(selection, FragmentSpreadNode):
                child_depth, child_aliases = self.fragment(selection.name.value)
                depth, aliases = max(depth, child_depth), aliases + child_aliases
        return depth, aliases

    def fragment(self, name: str) -> tuple[int, int]:
        # Unknown fragments and cycles are reported by graphql's own rules.
        if name in self.measured:
            return self.measured[name]
        if name not in self.fragments or name in self.in_progress:
            return 0, 0
        self.in_progress.add(name)
        self.measured[name] = self.selection_set(self.fragments[name].selection_set)
        self.in_progress.discard(name)
        return self.measured[name]


class DocumentLimitsRule(ValidationRule):
    """Rejects operations deeper than `MAX_DEPTH` or with more than `MAX_ALIASES` aliases."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        definitions = context.document.definitions
        measure = _Measure(
            {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        )
        total_aliases = 0
        for operation in definitions:
            if not isinstance(operation, OperationDefinitionNode):
                continue
            depth, aliases = measure.selection_set(operation.selection_set)
            total_aliases += aliases
            if depth > MAX_DEPTH:
                name = f"'{operation.name.value}'" if operation.name else "The operation"
                context.report_error(
                    GraphQLError(
                        f"{name} is {depth} levels deep; at most {MAX_DEPTH} are allowed.",
                        operation,
                    )
                )
        if total_aliases > MAX_ALIASES:
            context.report_error(
                GraphQLError(
                    f"The document has {total_aliases} aliases; at most {MAX_ALIASES} are allowed."
                )
            )


def cached_document(query: str) -> DocumentNode:
    """The parsed document, from the cache `ParserCache` fills (same limit on tokens).

    strawberry's `ParserCache` keeps one LRU cache per size for the process and calls it
    with the parse options `MaxTokensLimiter` sets, so this call shares its entries.
    """
    return _get_parse_cache(DOCUMENT_CACHE_SIZE)(query, max_tokens=MAX_TOKENS)  # type: ignore[no-any-return]


def schema_extensions(settings: Settings) -> list[ExtensionFactory]:
    rules: list[type[ASTValidationRule]] = [DocumentLimitsRule]
    if not settings.graphql_introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    return [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(rules),
        # Clients send the same few documents again and again: parse and validate each
        # text once (same limits, same rules), not on every request.
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
        RequestOutcome,
    ]


def schema_config(settings: Settings) -> StrawberryConfig:
    return StrawberryConfig(
        auto_camel_case=True,
        scalar_map=SCALAR_MAP,
        disable_field_suggestions=not settings.graphql_introspection,
    )


def is_unexpected(error: GraphQLError) -> bool:
    """Whether an error comes from a failure of ours rather than from the request.

    A resolver's exception arrives wrapped, with a `path`. An exception of the machinery
    (an extension, the parser) arrives wrapped with neither path nor location. Variable
    coercion also wraps the scalar's `ValueError`, but at the variable's location: that
    one is the client's doing and keeps its message.
    """
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return error.path is not None or not error.nodes


def masked(error: GraphQLError, error_id: str) -> GraphQLError:
    return GraphQLError(
        INTERNAL_ERROR_MESSAGE,
        nodes=error.nodes,
        path=error.path,
        extensions={"code": ErrorCode.INTERNAL_SERVER_ERROR.value, "errorId": error_id},
    )


def _without_suggestions(message: str) -> str:
    # Every graphql-core suggestion ends the message: "… Did you mean 'x'?"
    return message.split(" Did you mean ", 1)[0]


class ProtectedSchema(strawberry.Schema):
    """A strawberry Schema carrying the protections of SPEC §7.

    `process_errors` runs exactly once per error, before the result is returned, so it is
    the one place that both logs unexpected errors and replaces them in the result.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        query: type,
        mutation: type | None = None,
        subscription: type | None = None,
        types: Iterable[Any] = (),
        description: str | None = None,
    ) -> None:
        super().__init__(
            query=query,
            mutation=mutation,
            subscription=subscription,
            types=list(types),
            extensions=schema_extensions(settings),
            config=schema_config(settings),
            execution_context_class=PlainFieldsExecutionContext,
        )
        # strawberry takes no schema description: give it to graphql-core's schema, which
        # answers `__schema { description }`.
        self._schema.description = description

    def as_str(self) -> str:
        """The SDL, with the `schema` definition carrying the description (strawberry's
        printer leaves both out)."""
        definition = print_schema_definition(self._schema)
        sdl = super().as_str()
        return f"{definition}\n\n{sdl}" if definition else sdl

    def process_errors(
        self,
        errors: list[GraphQLError],
        execution_context: ExecutionContext | None = None,
    ) -> None:
        for index, error in enumerate(errors):
            if is_unexpected(error):
                where = ".".join(map(str, error.path or ())) or "-"
                operation = getattr(execution_context, "operation_name", None) or "-"
                error_id = log_unexpected(
                    log, f"at {where} in operation {operation}", error.original_error
                )
                errors[index] = masked(error, error_id)
            elif self.config.disable_field_suggestions:
                error.message = _without_suggestions(error.message)
