"""Argon2id password hashing, always off the event loop."""

from __future__ import annotations

import functools

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from services.errors import InvalidInput

MIN_LENGTH = 15
MAX_LENGTH = 1024

# RFC 9106's second recommended option (64 MiB, 3 passes), 4 lanes.
HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)


def check_password_rules(password: str, field: str = "password") -> None:
    """Length only: 15 to 1024 characters, no composition rules."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"Use at least {MIN_LENGTH} characters.", field=field)
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"Use at most {MAX_LENGTH} characters.", field=field)


async def hash_password(password: str, hasher: PasswordHasher = HASHER) -> str:
    return await anyio.to_thread.run_sync(hasher.hash, password)


async def verify_password(stored_hash: str, password: str) -> bool:
    return await anyio.to_thread.run_sync(_verify, stored_hash, password)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@functools.cache
def _dummy_hash() -> str:
    return HASHER.hash("no account has this password, it only costs the same time")


async def spend_verification_time(password: str) -> None:
    """Verify against a dummy hash, so an unknown address costs what a known one does."""
    await anyio.to_thread.run_sync(_verify_dummy, password)


def _verify_dummy(password: str) -> None:
    # The dummy is made on first use, in this thread too: never on the event loop.
    _verify(_dummy_hash(), password)
