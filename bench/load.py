"""A load test: 50 clients for 60 s against two serve processes and an email worker.

On a fresh PostgreSQL database, 50 people (one per client, each with a session and three
images) list datasets, open dataset pages, share, change and revoke grants, upload and
download files, all at once, half of them through each of two `serve` processes; one
`worker` process delivers the invitations to a real SMTP server (aiosmtpd) on loopback.

It reports throughput and p99 latency per operation, and fails unless:
- no response is a 5xx and no GraphQL answer carries an unexpected error;
- every invitation is delivered exactly once (none lost, none duplicated);
- in the final state every grant is unique per recipient and dataset, everyone's
  `datasets(scope: MINE)` is exactly what they own and hold, and every access list is
  exactly the dataset's grants.

    .venv/bin/python -m bench.load [--clients 50] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    fresh_database,
    percentile,
    server_env,
    start_process,
    stop_process,
    wait_until_up,
)
from bench.listing import load_average
from services import database
from services.ids import decode_pk, encode_id
from services.settings import load_settings
from services.tokens import hash_token
from tests.mailbox import Mailbox
from tests.net import free_port

DATASETS_EACH = 3
FILE_BYTES = 64 * 1024

LIST = """query($scope: DatasetScope) { datasets(scope: $scope, first: 20) {
  edges { node { id name badges viewerPermissions { canShare canDelete } owner { displayName } } }
  pageInfo { hasNextPage endCursor } } }"""
PAGE = """query($id: ID!) { dataset(id: $id) { id name badges file { sha256 }
  access { entries { email pending grant { id } } }
  annotations(first: 10) { edges { node { id } } } } }"""
SHARE = """mutation($i: ShareDatasetInput!) { shareDataset(input: $i) {
  grants { id recipientEmail } errors { code message } } }"""
UPDATE = """mutation($i: UpdateGrantInput!) { updateGrant(input: $i) {
  grant { id canShare } errors { code message } } }"""
REVOKE = """mutation($i: RevokeAccessInput!) { revokeAccess(input: $i) {
  revokedGrantIds errors { code message } } }"""
MINE = """query($after: String) { datasets(scope: MINE, first: 100, after: $after) {
  edges { node { id } } pageInfo { hasNextPage endCursor } } }"""
ACCESS = """query($id: ID!) { dataset(id: $id) { access { entries { grant { id } } } } }"""


def token_of(user: int) -> str:
    return f"load-session-token-of-user-{user:04d}-with-enough-entropy"


def email_of(user: int) -> str:
    return f"person{user}@load.example"


async def seed(url: str, people: int) -> dict[int, list[str]]:
    """People with sessions and images; returns each one's dataset ids."""
    await database.migrate(load_settings(env_file=None, overrides={"DATABASE_URL": url}))
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await connection.executemany(
            """INSERT INTO users (id, email, display_name, password_hash, email_verified_at,
                                  created_at, updated_at)
               VALUES ($1, $2, $3, 'unused', now(), now(), now())""",
            [(i, email_of(i), f"Person {i}") for i in range(1, people + 1)],
        )
        await connection.executemany(
            """INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
               VALUES ($1, $2, now(), now(), now() + interval '1 day')""",
            [(i, hash_token(token_of(i))) for i in range(1, people + 1)],
        )
        await connection.executemany(
            """INSERT INTO datasets (id, owner_id, name, description, kind, is_public,
                                     created_at, updated_at, file_problems)
               VALUES ($1, $2, $3, '', 'IMAGE', $4, now(), now(), '')""",
            [
                (i * 10 + n, i, f"image {n} of {i}", n == 0)
                for i in range(1, people + 1)
                for n in range(DATASETS_EACH)
            ],
        )
        await connection.execute(
            "SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))"
        )
        await connection.execute(
            "SELECT setval(pg_get_serial_sequence('datasets', 'id'), "
            "(SELECT max(id) FROM datasets))"
        )
    finally:
        await connection.close()
    return {
        i: [encode_id("Dataset", i * 10 + n) for n in range(DATASETS_EACH)]
        for i in range(1, people + 1)
    }


@dataclass
class Shared:
    """What all clients learn together (they run in this one process)."""

    datasets: dict[int, list[str]]
    seen_grants: set[str] = field(default_factory=set)
    expected_invitations: collections.Counter[str] = field(default_factory=collections.Counter)
    uploaded: set[str] = field(default_factory=set)
    latencies: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    failures: list[str] = field(default_factory=list)
    rate_limited: int = 0


class Client:
    def __init__(self, user: int, base_url: str, shared: Shared, rng: random.Random) -> None:
        self.user = user
        self.shared = shared
        self.rng = rng
        self.http = httpx.AsyncClient(
            base_url=base_url,
            timeout=60,
            headers={"Authorization": f"Bearer {token_of(user)}"},
        )
        self.own = shared.datasets[user]
        self.grants: dict[str, str] = {}  # grant id → dataset id, on own datasets

    async def timed(self, name: str, request: Any) -> httpx.Response:
        started = time.perf_counter()
        response = await request
        self.shared.latencies[name].append(time.perf_counter() - started)
        if response.status_code >= 500:
            self.shared.failures.append(f"{name}: {response.status_code} {response.text[:200]}")
        return response

    async def gql(self, name: str, query: str, variables: dict[str, Any]) -> Any:
        response = await self.timed(
            name, self.http.post("/graphql", json={"query": query, "variables": variables})
        )
        body = response.json()
        if body.get("errors"):
            self.shared.failures.append(f"{name}: {body['errors']}")
        return body.get("data") or {}

    def payload_errors(self, name: str, payload: dict[str, Any]) -> list[str]:
        codes = [error["code"] for error in payload.get("errors", [])]
        if codes and codes != ["RATE_LIMITED"]:
            self.shared.failures.append(f"{name}: {payload['errors']}")
        self.shared.rate_limited += codes.count("RATE_LIMITED")
        return codes

    # --- operations ---------------------------------------------------------------

    async def listing(self) -> None:
        scope = self.rng.choice(["MINE", "SHARED_WITH_ME", "PUBLIC", "ALL"])
        await self.gql("list", LIST, {"scope": scope})

    async def dataset_page(self) -> None:
        await self.gql("dataset page", PAGE, {"id": self.rng.choice(self.own)})

    async def share(self) -> None:
        people = len(self.shared.datasets)
        others = [u for u in self.rng.sample(range(1, people + 1), 3) if u != self.user]
        addresses = [email_of(u) for u in others[: self.rng.randint(1, 2)]]
        if self.rng.random() < 0.3:
            addresses.append(f"invitee{self.rng.randrange(10**9)}@elsewhere.example")
        dataset = self.rng.choice(self.own)
        data = await self.gql(
            "share",
            SHARE,
            {"i": {"datasetId": dataset, "emails": addresses, "canModify": True}},
        )
        payload = data.get("shareDataset") or {}
        if self.payload_errors("share", payload):
            return
        for grant in payload.get("grants", []):
            self.grants[grant["id"]] = dataset
            if grant["id"] not in self.shared.seen_grants:
                # A grant id first seen is a new grant: exactly one invitation.
                self.shared.seen_grants.add(grant["id"])
                self.shared.expected_invitations[grant["recipientEmail"]] += 1

    async def update_grant(self) -> None:
        if not self.grants:
            return await self.share()
        grant = self.rng.choice(list(self.grants))
        data = await self.gql(
            "update grant",
            UPDATE,
            {"i": {"grantId": grant, "canShare": self.rng.random() < 0.5}},
        )
        self.payload_errors("update grant", data.get("updateGrant") or {})

    async def revoke(self) -> None:
        if not self.grants:
            return await self.share()
        grant = self.rng.choice(list(self.grants))
        data = await self.gql("revoke", REVOKE, {"i": {"grantId": grant}})
        payload = data.get("revokeAccess") or {}
        if not self.payload_errors("revoke", payload):
            for revoked in payload.get("revokedGrantIds", []):
                self.grants.pop(revoked, None)

    async def upload(self) -> None:
        dataset = self.rng.choice(self.own)
        response = await self.timed(
            "upload",
            self.http.put(
                f"/uploads/datasets/{dataset}",
                content=self.rng.randbytes(FILE_BYTES),
                headers={
                    "Content-Type": "image/tiff",
                    "Content-Disposition": 'attachment; filename="slide.tif"',
                },
            ),
        )
        if response.status_code != 201:
            self.shared.failures.append(f"upload: {response.status_code} {response.text[:200]}")
        else:
            self.shared.uploaded.add(dataset)

    async def download(self) -> None:
        mine = [d for d in self.own if d in self.shared.uploaded]
        if not mine:
            return await self.upload()
        response = await self.timed(
            "download", self.http.get(f"/files/datasets/{self.rng.choice(mine)}")
        )
        if response.status_code != 200 or len(response.content) != FILE_BYTES:
            self.shared.failures.append(f"download: {response.status_code}")

    async def run(self, until: float) -> None:
        operations = [
            (self.listing, 30),
            (self.dataset_page, 20),
            (self.share, 12),
            (self.update_grant, 8),
            (self.revoke, 8),
            (self.upload, 6),
            (self.download, 16),
        ]
        actions, weights = zip(*operations, strict=True)
        while time.monotonic() < until:
            await self.rng.choices(actions, weights)[0]()


# --- the final state -------------------------------------------------------------------


async def check_final_state(url: str, clients: list[Client], shared: Shared) -> list[str]:
    problems: list[str] = []
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        duplicates = await connection.fetch(
            """SELECT dataset_id, recipient_id FROM share_grants WHERE recipient_id IS NOT NULL
               GROUP BY 1, 2 HAVING count(*) > 1
               UNION ALL
               SELECT dataset_id, NULL FROM share_grants
               GROUP BY dataset_id, recipient_email HAVING count(*) > 1"""
        )
        if duplicates:
            problems.append(f"duplicate grants: {[tuple(row) for row in duplicates]}")
        grants = await connection.fetch(
            "SELECT id, dataset_id, recipient_id FROM share_grants ORDER BY id"
        )
    finally:
        await connection.close()
    listed_truth: dict[int, set[int]] = {
        c.user: {decode_pk(d, "Dataset") or 0 for d in c.own} for c in clients
    }
    grants_of: dict[int, set[int]] = collections.defaultdict(set)
    for row in grants:
        grants_of[row["dataset_id"]].add(row["id"])
        if row["recipient_id"] in listed_truth:
            listed_truth[row["recipient_id"]].add(row["dataset_id"])
    for client in clients:
        listed: set[int] = set()
        after = None
        while True:
            data = await client.gql("final: MINE", MINE, {"after": after})
            page = data["datasets"]
            listed |= {decode_pk(edge["node"]["id"], "Dataset") or 0 for edge in page["edges"]}
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        if listed != listed_truth[client.user]:
            problems.append(
                f"user {client.user} lists {sorted(listed)}, "
                f"may see {sorted(listed_truth[client.user])}"
            )
        for dataset in client.own:
            data = await client.gql("final: access", ACCESS, {"id": dataset})
            shown = {
                decode_pk(entry["grant"]["id"], "ShareGrant")
                for entry in data["dataset"]["access"]["entries"]
                if entry["grant"]
            }
            if shown != grants_of[decode_pk(dataset, "Dataset") or 0]:
                problems.append(f"access list of {dataset} is {shown}")
    return problems


async def invitations_delivered(
    mailbox: Mailbox, expected: collections.Counter[str], url: str
) -> list[str]:
    """Wait (with a deadline) for the outbox to drain, then compare what arrived."""
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            waiting = await connection.fetchval(
                "SELECT count(*) FROM outbox_messages WHERE status NOT IN ('sent', 'failed')"
            )
            if waiting == 0 and len(mailbox.messages) >= sum(expected.values()):
                break
            await asyncio.sleep(0.2)
        failed = await connection.fetchval(
            "SELECT count(*) FROM outbox_messages WHERE status = 'failed'"
        )
    finally:
        await connection.close()
    # A duplicate would arrive right behind the original: give it a moment to show.
    await asyncio.sleep(2)
    arrived = collections.Counter(message.to.lower() for message in mailbox.messages)
    problems = [f"{failed} emails failed"] if failed else []
    lost = expected - arrived
    extra = arrived - expected
    if lost:
        problems.append(f"lost invitations: {sum(lost.values())} ({dict(lost)})")
    if extra:
        problems.append(f"duplicated or unexpected emails: {sum(extra.values())} ({dict(extra)})")
    return problems


async def run(clients: int, seconds: float) -> None:
    mailbox = Mailbox()
    mailbox.start()
    processes = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        async with fresh_database(False, workdir) as url:
            shared = Shared(await seed(url, clients))
            try:
                bases = []
                for _ in range(2):
                    port = free_port()
                    processes.append(
                        start_process(["main.py", "serve"], server_env(url, workdir, port))
                    )
                    bases.append(f"http://127.0.0.1:{port}")
                worker_env = server_env(url, workdir, free_port(), **mailbox.settings())
                worker_env["EMAIL_RETRY_SECONDS"] = "1"
                processes.append(start_process(["main.py", "worker"], worker_env))
                for base in bases:
                    await wait_until_up(base)
                people = [
                    Client(user, bases[user % 2], shared, random.Random(user))
                    for user in shared.datasets
                ]
                started = time.monotonic()
                await asyncio.gather(*(person.run(started + seconds) for person in people))
                elapsed = time.monotonic() - started
                load_during = load_average()
                problems = await invitations_delivered(mailbox, shared.expected_invitations, url)
                problems += await check_final_state(url, people, shared)
                problems = shared.failures + problems
                for person in people:
                    await person.http.aclose()
            finally:
                for process in processes:
                    stop_process(process)
                mailbox.stop()
    total = sum(len(times) for name, times in shared.latencies.items() if ":" not in name)
    print(
        f"load: {clients} clients for {seconds:g} s, two serve processes and a worker on "
        f"PostgreSQL  [{load_during}]"
    )
    for name, times in sorted(shared.latencies.items()):
        if ":" in name:
            continue
        p50, p99 = statistics.median(times) * 1000, percentile(times, 0.99) * 1000
        print(
            f"  {name:13s} {len(times) / elapsed:7.1f} req/s   p50 {p50:7.1f} ms   "
            f"p99 {p99:7.1f} ms"
        )
    print(
        f"  all           {total / elapsed:7.1f} req/s; invitations delivered "
        f"{len(mailbox.messages)} of {sum(shared.expected_invitations.values())} expected; "
        f"{shared.rate_limited} shares over the daily quota"
    )
    if problems:
        print("FAILED:")
        for problem in problems[:30]:
            print(f"  {problem}")
        raise SystemExit(1)
    print("  no 5xx, no lost or duplicated email, final state consistent")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    asyncio.run(run(args.clients, args.seconds))


if __name__ == "__main__":
    main()
