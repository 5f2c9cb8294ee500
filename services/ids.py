"""Opaque global ids (Relay): `base64url("Type:pk")`."""

from __future__ import annotations

import base64
import binascii


def encode_id(type_name: str, pk: int) -> str:
    raw = f"{type_name}:{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_id(global_id: str, expected_type: str | None = None) -> tuple[str, int] | None:
    """The (type, pk) an id names, or None for anything malformed or of another type."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, pk_text = base64.urlsafe_b64decode(padded).decode().partition(":")
        pk = int(pk_text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if pk <= 0 or (expected_type is not None and type_name != expected_type):
        return None
    return type_name, pk


def decode_pk(global_id: str, expected_type: str) -> int | None:
    decoded = decode_id(global_id, expected_type)
    return decoded[1] if decoded else None
