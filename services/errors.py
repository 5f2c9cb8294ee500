"""The one tree of domain errors: each carries a code, a message for people, and a field."""

from __future__ import annotations

import logging
import uuid
from enum import StrEnum
from types import TracebackType

from services import request_context

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | BaseException


class ErrorCode(StrEnum):
    """Every code the API answers with: in `UserError`s, in GraphQL errors' `extensions`
    and in the file endpoints' `{"error": {"code", "message"}}`."""

    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    INVALID_INPUT = "INVALID_INPUT"
    ALREADY_HAS_ACCESS = "ALREADY_HAS_ACCESS"
    EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_TOKEN = "INVALID_TOKEN"
    RATE_LIMITED = "RATE_LIMITED"
    # Never in a `UserError`: a file larger than MAX_UPLOAD_BYTES, and a failure of ours.
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


INTERNAL_ERROR_MESSAGE = "Internal server error"


def log_unexpected(log: logging.Logger, what: str, error: ExcInfo | None) -> str:
    """Log an unexpected error, with its traceback, under the request's id (a new one
    outside a request); the client gets the id (never the message), so a report can be
    matched with the log, and with every other line of that request."""
    error_id = request_context.current_id() or uuid.uuid4().hex
    log.error("unexpected error %s %s", error_id, what, exc_info=error)
    return error_id


class DomainError(Exception):
    """An expected failure, shown to the client as a `UserError`."""

    code: ErrorCode = ErrorCode.INVALID_INPUT
    default_message = "The request could not be completed."

    def __init__(self, message: str | None = None, *, field: str | None = None) -> None:
        self.message = message or self.default_message
        self.field = field
        super().__init__(self.message)


class Unauthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED
    default_message = "You need to log in first."


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN
    default_message = "You are not allowed to do that."


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND
    default_message = "Not found."


class InvalidInput(DomainError):
    code = ErrorCode.INVALID_INPUT
    default_message = "The input is not valid."


class AlreadyHasAccess(DomainError):
    code = ErrorCode.ALREADY_HAS_ACCESS
    default_message = "This person already has access."


class EmailNotVerified(DomainError):
    code = ErrorCode.EMAIL_NOT_VERIFIED
    default_message = "Confirm your email address first: follow the link we sent you."


class InvalidCredentials(DomainError):
    code = ErrorCode.INVALID_CREDENTIALS
    default_message = "Wrong email address or password."


class InvalidToken(DomainError):
    code = ErrorCode.INVALID_TOKEN
    default_message = "This link is invalid or has expired."


class RateLimited(DomainError):
    code = ErrorCode.RATE_LIMITED
    default_message = "Too many attempts. Try again later."


class ValidationFailed(DomainError):
    """Several input errors found at once; nothing was changed."""

    code = ErrorCode.INVALID_INPUT

    def __init__(self, errors: list[DomainError]) -> None:
        self.errors = errors
        super().__init__(errors[0].message if errors else None, field=None)


def collect(errors: list[DomainError]) -> None:
    """Raise every error found while validating a whole input, or nothing."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ValidationFailed(errors)
