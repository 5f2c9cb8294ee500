"""Opaque global ids (Relay) and page cursors: the one place that reads them.

A global id is `base64url("Type:pk")` without padding; a cursor is
`base64url("<ISO 8601 moment>|pk")`, or `base64url("<order>|<moment>|pk")` for a list
in another order than the default. Only the exact form this module writes is read
back, with a key in the range of the database's keys (1 .. 2^63-1): anything else is
refused here, so no malformed, padded, signed, zero-led or out-of-range value ever
reaches a query. Callers answer a refused id exactly as an id that does not exist.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

MAX_PK = 2**63 - 1  # the largest BIGINT key, on SQLite and PostgreSQL alike


def _encode(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(token: str) -> str | None:
    """The text behind a token, or None unless the token is exactly how `_encode` writes it."""
    if not token.isascii():
        return None
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return text if _encode(text) == token else None


def _key(text: str) -> int | None:
    """A key written the way `str(int)` writes it (no sign, space or leading zero), in range."""
    if not text.isascii() or not text.isdigit() or text.startswith("0"):
        return None
    pk = int(text)
    return pk if pk <= MAX_PK else None


def encode_id(type_name: str, pk: int) -> str:
    return _encode(f"{type_name}:{pk}")


def decode_id(global_id: str, expected_type: str | None = None) -> tuple[str, int] | None:
    """The (type, pk) an id names, or None for anything not written by `encode_id`, out of
    the key range, or of another type than `expected_type`."""
    text = _decode(global_id)
    if text is None:
        return None
    type_name, colon, pk_text = text.partition(":")
    pk = _key(pk_text)
    if not colon or pk is None or not type_name.isidentifier():
        return None
    if expected_type is not None and type_name != expected_type:
        return None
    return type_name, pk


def decode_pk(global_id: str, expected_type: str) -> int | None:
    decoded = decode_id(global_id, expected_type)
    return decoded[1] if decoded else None


def encode_cursor(moment: datetime, pk: int, order: str = "") -> str:
    """A cursor after the item at (moment, pk) of a list ordered by a time, then by id;
    a list in another `order` than the default names it, so its cursors fit no other."""
    return _encode(f"{order}|{moment.isoformat()}|{pk}" if order else f"{moment.isoformat()}|{pk}")


def decode_cursor(cursor: str, order: str = "") -> tuple[datetime, int] | None:
    """The (moment, pk) of a cursor `encode_cursor` wrote for `order`, or None for anything
    else (a cursor of another order included)."""
    text = _decode(cursor)
    if text is None:
        return None
    if order:
        tag, bar, text = text.partition("|")
        if not bar or tag != order:
            return None
    moment_text, bar, pk_text = text.rpartition("|")
    pk = _key(pk_text)
    if not bar or pk is None:
        return None
    try:
        moment = datetime.fromisoformat(moment_text)
    except ValueError:
        return None
    if moment.utcoffset() is None or moment.isoformat() != moment_text:
        return None  # only the aware, canonical moments this service writes
    return moment, pk
