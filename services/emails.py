"""Email addresses: one normal form, and a sanity check of their shape."""

from __future__ import annotations

import re

from services.errors import InvalidInput

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def normalize_email(address: str) -> str:
    """Addresses are compared trimmed and case-insensitively."""
    return address.strip().lower()


def valid_email(address: str) -> bool:
    """A deliverable-looking address: local@domain.tld, at most 254 characters."""
    if len(address) > 254 or address.count("@") != 1:
        return False
    local, domain = address.split("@")
    if not 1 <= len(local) <= 64 or not _LOCAL.match(local):
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    return (
        len(labels) >= 2
        and all(_LABEL.match(label) for label in labels)
        and not labels[-1].isdigit()
    )


def checked_addresses(raw: list[str]) -> tuple[list[str], list[InvalidInput]]:
    """Normalized addresses in input order, and an error for each bad one (`emails.N`)."""
    addresses = [normalize_email(address) for address in raw]
    errors = [
        InvalidInput(f"Not a valid email address: {raw[index]!r}.", field=f"emails.{index}")
        for index, address in enumerate(addresses)
        if not valid_email(address)
    ]
    return addresses, errors
