"""Notes each GraphQL operation's name and outcome on the request being served, for its
access log line and metrics (`web.telemetry`)."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from services import request_context


class RequestOutcome(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        record = request_context.current()
        if record is None:
            return
        context = self.execution_context
        result = context.result
        failed = bool(context.pre_execution_errors) or bool(result and result.errors)
        record.operation = context.operation_name or ""
        record.outcome = "errors" if failed else "ok"
