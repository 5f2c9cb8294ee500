"""Executing plain leaf fields without graphql-core's per-field machinery.

A page of 50 cards is about 1,250 fields, most of them a plain attribute holding a
string, a boolean, an enum or a date: strawberry's resolver for such a field reads the
attribute and ignores its `info`. graphql-core still builds a `GraphQLResolveInfo`,
collects arguments and completes each value through several calls, which was most of
the Python time of a page. For fields that strawberry resolves as plain attributes, take
no arguments and return a leaf (or a list of leaves), this execution context reads the
value and serializes it at once. Anything else, a null value included (so a null in a
non-null field still becomes the same field error), goes the ordinary way.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# (leaf type, is a list) per field definition; None for fields that take the usual path.
_Plan = tuple[GraphQLLeafType, bool] | None
_plans: dict[int, tuple[GraphQLField, _Plan]] = {}


def _nullable(type_: GraphQLOutputType) -> GraphQLOutputType:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def _plan(field_def: GraphQLField) -> _Plan:
    """How to execute a field directly, if it is a plain attribute holding leaves."""
    if not getattr(field_def.resolve, "_is_default", False) or field_def.args:
        return None
    type_ = _nullable(field_def.type)
    if is_leaf_type(type_):
        return type_, False  # type: ignore[return-value]
    if isinstance(type_, GraphQLList):
        item = _nullable(type_.of_type)
        if is_leaf_type(item) and isinstance(type_.of_type, GraphQLNonNull):
            return item, True  # type: ignore[return-value]
    return None


def _plan_of(field_def: GraphQLField) -> _Plan:
    # Keyed by identity (field definitions live as long as the schema); the definition is
    # kept with its plan so an id is never reused for another while cached.
    cached = _plans.get(id(field_def))
    if cached is None or cached[0] is not field_def:
        cached = (field_def, _plan(field_def))
        _plans[id(field_def)] = cached
    return cached[1]


def _serialized(leaf: GraphQLLeafType, value: Any) -> Any:
    result = leaf.serialize(value)
    if result is None or result is Undefined:
        raise ValueError  # not a plain value after all: the usual path reports it
    return result


class PlainFieldsExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, with plain leaf fields executed directly."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        middleware = self.middleware_manager
        if not node.arguments and not (middleware and middleware.middlewares):
            field_def = self.schema.get_field(parent_type, node.name.value)
            plan = _plan_of(field_def) if field_def else None
            if plan is not None:
                value = field_def.resolve(source, None)  # type: ignore[union-attr,misc]
                if value is not None:
                    leaf, is_list = plan
                    try:
                        if is_list:
                            return [_serialized(leaf, item) for item in value]
                        return _serialized(leaf, value)
                    except Exception:
                        pass  # the usual path raises the field error it should
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )
