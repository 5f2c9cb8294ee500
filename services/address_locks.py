"""Serialising what binds grants to an address: sharing with it, confirming it.

Sharing reads which addresses have confirmed accounts and then writes pending grants;
confirming an address accepts the pending grants to it. Run side by side, the
confirmation cannot see the share's uncommitted grant, and the share read the account as
unconfirmed: the grant would stay pending for ever. Both take a transaction-scoped lock
on each address first, so one runs after the other has committed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient


def lock_key(address: str) -> int:
    """A stable signed 64-bit key for a normalized address."""
    return int.from_bytes(hashlib.sha256(address.encode()).digest()[:8], "big", signed=True)


async def lock_addresses(addresses: Iterable[str], conn: BaseDBAsyncClient) -> None:
    """Hold a lock on each normalized address until `conn`'s transaction ends.

    Keys are taken in ascending order, so two transactions locking overlapping sets never
    wait on each other in a cycle. SQLite runs one writing transaction at a time already.
    """
    if conn.capabilities.dialect != "postgres":
        return
    keys = sorted({lock_key(address) for address in addresses})
    if not keys:
        return
    # The ordered subquery feeds the aggregate in key order: one statement, a fixed order.
    await conn.execute_query(
        "SELECT count(pg_advisory_xact_lock(k)) "
        "FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) AS ordered",
        [keys],
    )
