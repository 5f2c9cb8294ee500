"""The one place that turns domain errors into `UserError`s, and the base and builder of
every mutation payload."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TypeVar, dataclass_transform

import strawberry
from strawberry.types.field import StrawberryField

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
    },
    # The contract's enum is what a `UserError` may carry; these two are only ever in a
    # GraphQL error's `extensions` (with its `errorId`) and in the file endpoints' errors.
    not_in_schema=(ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.PAYLOAD_TOO_LARGE),
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
PayloadType = TypeVar("PayloadType", bound="Payload")


@strawberry.type(description="What every mutation answers: its errors, empty on success.")
class Payload:
    """The base of every mutation's payload (Saleor's `BaseMutation`): the payload types
    add what a success shows, each field with a default, so a failure is the payload with
    only `errors`."""

    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Empty on success."
    )


@dataclass_transform(
    order_default=True, kw_only_default=True, field_specifiers=(strawberry.field, StrawberryField)
)
def payload_type(description: str) -> Callable[[type[PayloadType]], type[PayloadType]]:
    """`strawberry.type` for a payload, listing `errors` last, after what it adds."""

    def define(cls: type[PayloadType]) -> type[PayloadType]:
        typed = strawberry.type(cls, description=description)
        definition = typed.__strawberry_definition__  # type: ignore[attr-defined]
        definition.fields.sort(key=lambda field: field.python_name == "errors")
        return typed

    return define


async def payload(
    kind: type[PayloadType],
    action: Awaitable[Result],
    present: Callable[[Result], PayloadType | Awaitable[PayloadType]] | None = None,
) -> PayloadType:
    """The one builder of payloads: run a resolver; a domain error becomes `errors` on an
    otherwise empty payload, anything else stays unexpected (masked and logged); a value
    becomes the payload `present` makes of it (nothing to show without `present`)."""
    try:
        value = await action
    except DomainError as error:
        return kind(errors=user_errors(error))
    if present is None:
        return kind()
    built = present(value)
    return await built if inspect.isawaitable(built) else built
