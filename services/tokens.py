"""Random tokens handed to clients, and the hashes under which they are stored."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Tokens carry enough entropy that a plain SHA-256 is a safe lookup key."""
    return hashlib.sha256(token.encode()).hexdigest()
