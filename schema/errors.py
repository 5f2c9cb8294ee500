"""The one place that turns domain errors into `UserError`s for payloads."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import strawberry

from schema.enums import described_enum
from services.errors import DomainError, ErrorCode, ValidationFailed

# The domain enum is the GraphQL enum: one list of codes, not two.
described_enum(
    ErrorCode,
    name="ErrorCode",
    description="Why a mutation did not do what was asked.",
    values={
        ErrorCode.UNAUTHENTICATED: "The request has no valid session: log in first.",
        ErrorCode.FORBIDDEN: "The viewer sees the object but may not do this to it.",
        ErrorCode.NOT_FOUND: "No such object, or the viewer may not see it: the two look the same.",
        ErrorCode.INVALID_INPUT: "The input breaks a rule; `field` names the part at fault.",
        ErrorCode.ALREADY_HAS_ACCESS: "The person already has a grant the viewer may not change.",
        ErrorCode.EMAIL_NOT_VERIFIED: "The right password, but the address is not confirmed yet.",
        ErrorCode.INVALID_CREDENTIALS: "Wrong address or password (the same answer for both).",
        ErrorCode.INVALID_TOKEN: "The emailed link is unknown, already used, or expired.",
        ErrorCode.RATE_LIMITED: "Too many attempts: try again later.",
        ErrorCode.PAYLOAD_TOO_LARGE: "Never in a `UserError`: the file endpoints' answer "
        "to a file larger than the upload limit.",
        ErrorCode.INTERNAL_SERVER_ERROR: "Never in a `UserError`: a failure of the service, "
        "in a GraphQL error's `extensions` with the `errorId` the log has too.",
    },
)


@strawberry.type(description="An expected failure of a mutation, for people and for code.")
class UserError:
    code: ErrorCode = strawberry.field(description="What went wrong, for code.")
    message: str = strawberry.field(description="What went wrong, for people.")
    field: str | None = strawberry.field(
        default=None, description='The input path at fault, e.g. "emails.2".'
    )


def user_errors(error: DomainError) -> list[UserError]:
    found = error.errors if isinstance(error, ValidationFailed) else [error]
    return [UserError(code=e.code, message=e.message, field=e.field) for e in found]


Result = TypeVar("Result")
Payload = TypeVar("Payload")


@dataclass
class Outcome(Generic[Result]):
    """What a resolver gave: its value, or the user errors it failed with."""

    value: Result | None = None
    errors: list[UserError] = field(default_factory=list)


async def attempt(action: Awaitable[Result]) -> Outcome[Result]:
    """Await a resolver; a domain error becomes `errors`, anything else stays unexpected."""
    try:
        return Outcome(value=await action)
    except DomainError as error:
        return Outcome(errors=user_errors(error))


async def payload_of(
    action: Awaitable[Result],
    build: Callable[[Result], Payload],
    failed: Callable[[list[UserError]], Payload],
) -> Payload:
    """`attempt`, then build the payload from the value or from the errors."""
    outcome = await attempt(action)
    if outcome.errors:
        return failed(outcome.errors)
    return build(outcome.value)  # type: ignore[arg-type]
