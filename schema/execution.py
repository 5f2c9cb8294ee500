"""Executing plain leaf fields without graphql-core's per-field machinery.

A page of 50 cards is about 1,050 fields, most of them a plain attribute holding a
string, a boolean, an enum or a date: strawberry's resolver for such a field reads the
attribute and ignores its `info`. graphql-core still makes a `Path`, builds a
`GraphQLResolveInfo`, collects arguments and completes each value through several calls,
which was most of the Python time of a page.

This execution context plans each selection set once per request (graphql-core already
memoizes the selection set of a list's items, so the 50 cards share one plan): the fields
that strawberry resolves as plain attributes, take no arguments and return a leaf (or a
list of leaves) are read and serialized in one loop. Anything else, and any null value
(so a null in a non-null field still becomes the same field error), goes the ordinary way.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
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
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter


class _PlainLeaf:
    """How to read and serialize one plain leaf field."""

    __slots__ = ("is_list", "leaf", "read")

    def __init__(self, read: Callable[[Any], Any], leaf: GraphQLLeafType, is_list: bool) -> None:
        self.read = read
        self.leaf = leaf
        self.is_list = is_list

    def value(self, source: Any) -> Any:
        """The serialized value, or Undefined when the ordinary path must decide."""
        value = self.read(source)
        if value is None:
            return Undefined
        serialize = self.leaf.serialize
        try:
            result = [serialize(item) for item in value] if self.is_list else serialize(value)
        except Exception:
            return Undefined  # the ordinary path raises the field error it should
        if result is None or (self.is_list and None in result):
            return Undefined
        return result


def _nullable(type_: GraphQLOutputType) -> GraphQLOutputType:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def _plain_leaf(field_def: GraphQLField, has_arguments: bool) -> _PlainLeaf | None:
    """The plan of a field that is a plain attribute holding leaves; None otherwise."""
    if has_arguments or field_def.args or not getattr(field_def.resolve, "_is_default", False):
        return None
    definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or definition.default_resolver is not getattr:
        return None
    read = operator.attrgetter(definition.python_name)
    type_ = _nullable(field_def.type)
    if is_leaf_type(type_):
        return _PlainLeaf(read, type_, is_list=False)  # type: ignore[arg-type]
    if isinstance(type_, GraphQLList) and isinstance(type_.of_type, GraphQLNonNull):
        item = type_.of_type.of_type
        if is_leaf_type(item):
            return _PlainLeaf(read, item, is_list=True)  # type: ignore[arg-type]
    return None


# One entry per field of a selection set: (response name, its field group, plain plan).
_Plan = list[tuple[str, Any, _PlainLeaf | None]]


class PlainFieldsExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, with plain leaf fields executed directly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Keyed by the identity of a grouped field set, kept alive beside its plan.
        self._plans: dict[tuple[str, int], tuple[Any, _Plan]] = {}

    def _plan(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> _Plan:
        key = (parent_type.name, id(grouped_field_set))
        cached = self._plans.get(key)
        if cached is not None:
            return cached[1]
        plain_allowed = not (self.middleware_manager and self.middleware_manager.middlewares)
        plan: _Plan = []
        for response_name, field_details_list in grouped_field_set.items():
            node = field_details_list[0].node
            field_def = self.schema.get_field(parent_type, node.name.value)
            plain = (
                _plain_leaf(field_def, bool(node.arguments))
                if plain_allowed and field_def is not None
                else None
            )
            plan.append((response_name, field_details_list, plain))
        self._plans[key] = (grouped_field_set, plan)
        return plan

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        # graphql-core's loop, with plain leaves read in place.
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, field_details_list, plain in self._plan(
                parent_type, grouped_field_set
            ):
                if plain is not None:
                    value = plain.value(source_value)
                    if value is not Undefined:
                        results[response_name] = value
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    field_details_list,
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            awaited = await gather_with_cancel(*(results[field] for field in awaitable_fields))
            results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()
