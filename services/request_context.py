"""What the code serving one request knows about it, wherever it runs: its id (the one
unexpected errors report and every log line of the request carries) and, once a GraphQL
operation has run, its name and outcome.

The HTTP layer opens it for each request; a record is shared, so what a resolver's task
notes is seen by the layer that answers.
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar, Token
from dataclasses import dataclass, field


@dataclass
class RequestRecord:
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # Set when a GraphQL operation ran: its name ("" when anonymous) and "ok" or "errors".
    operation: str | None = None
    outcome: str | None = None


_current: ContextVar[RequestRecord | None] = ContextVar("datashare_request", default=None)


def begin() -> tuple[RequestRecord, Token[RequestRecord | None]]:
    record = RequestRecord()
    return record, _current.set(record)


def end(token: Token[RequestRecord | None]) -> None:
    _current.reset(token)


def current() -> RequestRecord | None:
    return _current.get()


def current_id() -> str | None:
    record = _current.get()
    return record.id if record else None
