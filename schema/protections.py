"""Limits on GraphQL documents, error masking, and introspection switches (SPEC section 7)."""

from __future__ import annotations

from collections.abc import Callable

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from services.settings import Settings

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


ExtensionFactory = Callable[[], SchemaExtension]


def schema_extensions(settings: Settings) -> list[ExtensionFactory]:
    extensions: list[ExtensionFactory] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
    ]
    if not settings.graphql_introspection:
        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return extensions
