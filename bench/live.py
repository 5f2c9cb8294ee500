"""Live cards at scale: 1,000 open subscriptions on one serve process, one change to a
dataset seen by 100 of them.

Starts a real server on a fresh database (PostgreSQL by default, `--sqlite` for SQLite),
with 1,000 confirmed users each holding a session; a dataset is shared with 100 of them.
Every user opens a WebSocket and subscribes to `datasetEvents`. Then, in rounds, the
dataset is renamed and the time from the change's commit to the last of the 100 CHANGED
events is measured (target: at most 250 ms). On PostgreSQL the change is committed by
this process (its NOTIFY crosses to the server, as between serve processes), so the
clock starts at the commit; on SQLite the server commits it, so the clock starts when
the `updateDataset` request is sent (an upper bound). Also prints the server's resident
memory per idle connection.

    .venv/bin/python -m bench.live [--sqlite] [--connections 1000] [--audience 100] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    fresh_database,
    opened,
    server_env,
    start_process,
    stop_process,
    wait_until_up,
)
from tests.live_client import LiveClient, listening, live
from tests.net import free_port

TARGET_MS = 250.0
RENAME = """mutation($i: UpdateDatasetInput!) { updateDataset(input: $i) { errors { code } } }"""


def resident_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def seed(url: str, users: int, audience: int) -> tuple[str, int, str, list[str]]:
    """Migrate; an owner and `users` people with sessions, a dataset shared with the
    first `audience` of them. Returns the owner's token, the dataset's pk and global id,
    and the people's tokens."""
    from models import Dataset, ShareGrant, User
    from services import database
    from services.clock import now
    from services.ids import encode_id
    from services.sessions import start_session
    from services.settings import load_settings

    settings = load_settings(env_file=None, overrides={"DATABASE_URL": url})
    await database.migrate(settings)
    async with opened(url):
        moment = now()
        owner = await User.create(
            email="owner@bench.example",
            display_name="owner",
            password_hash="unused",
            email_verified_at=moment,
        )
        await User.bulk_create(
            [
                User(
                    email=f"user{i}@bench.example",
                    display_name=f"user {i}",
                    password_hash="unused",
                    email_verified_at=moment,
                )
                for i in range(users)
            ]
        )
        people = await User.filter(email__startswith="user").order_by("id")
        tokens = [await start_session(person, settings) for person in people]
        dataset = await Dataset.create(owner_id=owner.id, name="shared", kind="MSI")
        await ShareGrant.bulk_create(
            [
                ShareGrant(
                    dataset_id=dataset.id,
                    recipient_email=person.email,
                    recipient_id=person.id,
                    granted_by_id=owner.id,
                    accepted_at=moment,
                )
                for person in people[:audience]
            ]
        )
        return (
            await start_session(owner, settings),
            dataset.id,
            encode_id("Dataset", dataset.id),
            tokens,
        )


class Service:
    """What `tests.live_client.live` needs of a service."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url


async def rename_committed_here(url: str, dataset_pk: int, name: str) -> float:
    """Rename in a transaction of this process; the moment it committed."""
    from tortoise.transactions import in_transaction

    from models import Dataset
    from services import events

    async with in_transaction() as conn:
        await Dataset.filter(id=dataset_pk).using_db(conn).update(name=name)
        await events.publish(conn, dataset_pk)
    return time.perf_counter()


async def run(use_sqlite: bool, connections: int, audience: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        async with fresh_database(use_sqlite, workdir) as url:
            owner_token, dataset_pk, dataset_id, tokens = await seed(url, connections, audience)
            port = free_port()
            env = server_env(url, workdir, port)
            server = start_process(["main.py", "serve"], env)
            try:
                await wait_until_up(env["PUBLIC_URL"])
                await measure(
                    use_sqlite,
                    url,
                    Service(env["PUBLIC_URL"]),
                    server.pid,
                    owner_token,
                    dataset_pk,
                    dataset_id,
                    tokens,
                    audience,
                    rounds,
                )
            finally:
                stop_process(server)


async def measure(
    use_sqlite: bool,
    url: str,
    service: Service,
    pid: int,
    owner_token: str,
    dataset_pk: int,
    dataset_id: str,
    tokens: list[str],
    audience: int,
    rounds: int,
) -> None:
    from contextlib import AsyncExitStack

    before = resident_kib(pid)
    async with AsyncExitStack() as stack:
        clients: list[LiveClient] = []
        for token in tokens:
            client = await stack.enter_async_context(live(service, token))  # type: ignore[arg-type]
            await listening(client)
            clients.append(client)
        await asyncio.sleep(1)
        per_connection = (resident_kib(pid) - before) / len(clients)
        watchers = clients[:audience]
        if not use_sqlite:
            await stack.enter_async_context(opened(url))
        http = await stack.enter_async_context(httpx.AsyncClient(base_url=service.base_url))
        latencies = []
        for number in range(rounds):
            receiving = [asyncio.create_task(arrival(client)) for client in watchers]
            name = f"shared {number}"
            if use_sqlite:
                started = time.perf_counter()
                await http.post(
                    "/graphql",
                    json={"query": RENAME, "variables": {"i": {"id": dataset_id, "name": name}}},
                    headers={"Authorization": f"Bearer {owner_token}"},
                )
            else:
                started = await rename_committed_here(url, dataset_pk, name)
            arrivals = await asyncio.gather(*receiving)
            latencies.append((max(arrivals) - started) * 1000)
            # Nobody else heard of it: the other subscribers' queues stay empty.
    one, five, _ = os.getloadavg()
    print(
        f"connections: {len(tokens)}, audience: {audience}, rounds: {rounds} "
        f"(load average {one:.1f}, {five:.1f})"
    )
    print(
        f"commit -> last of {audience} events: median {statistics.median(latencies):.1f} ms, "
        f"max {max(latencies):.1f} ms (target <= {TARGET_MS:.0f} ms)"
    )
    print(f"server memory per idle connection: {per_connection:.1f} KiB")


async def arrival(client: LiveClient) -> float:
    message = await client.receive(timeout=30)
    assert message["type"] == "next", message
    assert message["payload"]["data"]["datasetEvents"]["kind"] == "CHANGED", message
    return time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--audience", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(run(args.sqlite, args.connections, args.audience, args.rounds))


if __name__ == "__main__":
    main()
