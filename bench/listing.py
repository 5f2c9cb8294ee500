"""A 50-card page of `datasets` over HTTP, against a baseline answering the same JSON
straight from one SQL query (no GraphQL), measured in the same run.

Seeds 10,000 datasets over 1,000 users (a third public, some shared with the viewer),
serves datashare and the baseline as separate processes, and drives each with several
concurrent clients for a fixed number of requests. Prints requests per second, p50 and
p99 latency of both, and the throughput ratio (target: at least 0.2).

    .venv/bin/python -m bench.listing [--sqlite] [--requests 600] [--clients 8]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    fresh_database,
    percentile,
    server_env,
    start_process,
    stop_process,
    wait_until_up,
)
from services import access, database
from services.access import DatasetFacts, GrantFacts
from services.ids import encode_id
from services.settings import load_settings
from tests.net import free_port

USERS = 1_000
DATASETS = 10_000
PAGE = 50

QUERY = """query Cards($first: Int!) {
  datasets(scope: ALL, first: $first) {
    edges { cursor node {
      id name kind isPublic updatedAt uploadStatus badges visibility
      owner { id displayName }
      viewerPermissions { canView canDownload canShare canModify canSetPublic
                          canManageAccess canDelete }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# The baseline: the same rows in one query, turned into the same JSON by hand.
BASELINE_SQL = """
SELECT d.id, d.owner_id, d.name, d.kind, d.is_public, d.created_at, d.updated_at,
       d.file_sha256, u.display_name,
       g.granted_by_id, g.recipient_id, g.can_share, g.can_modify,
       EXISTS (SELECT 1 FROM share_grants h WHERE h.dataset_id = d.id) AS has_grants
FROM datasets d
JOIN users u ON u.id = d.owner_id
LEFT JOIN share_grants g ON g.dataset_id = d.id AND g.recipient_id = {viewer}
WHERE d.owner_id = {viewer} OR g.id IS NOT NULL OR d.is_public
ORDER BY d.created_at DESC, d.id DESC
LIMIT {limit}
"""


def _baseline_card(row: dict[str, Any], viewer_id: int) -> dict[str, Any]:
    facts = DatasetFacts(
        row["owner_id"], row["kind"], bool(row["is_public"]), bool(row["has_grants"])
    )
    grant = (
        GrantFacts(
            row["granted_by_id"],
            row["recipient_id"],
            bool(row["can_share"]),
            bool(row["can_modify"]),
        )
        if row["recipient_id"] is not None
        else None
    )
    rights = access.permissions(viewer_id, facts, grant)
    updated = row["updated_at"]
    return {
        "cursor": f"{row['id']}",
        "node": {
            "id": encode_id("Dataset", row["id"]),
            "name": row["name"],
            "kind": row["kind"],
            "isPublic": bool(row["is_public"]),
            "updatedAt": (
                datetime.fromisoformat(updated) if isinstance(updated, str) else updated
            ).isoformat(),
            "uploadStatus": "READY" if row["file_sha256"] else "PENDING",
            "badges": [badge.value for badge in access.badges(viewer_id, facts, grant)],
            "visibility": access.visibility(facts).value,
            "owner": {"id": encode_id("User", row["owner_id"]), "displayName": row["display_name"]},
            "viewerPermissions": {
                "canView": rights.can_view,
                "canDownload": rights.can_download,
                "canShare": rights.can_share,
                "canModify": rights.can_modify,
                "canSetPublic": rights.can_set_public,
                "canManageAccess": rights.can_manage_access,
                "canDelete": rights.can_delete,
            },
        },
    }


def baseline_app(url: str, viewer_id: int) -> Any:
    """A bare ASGI app: one SQL query (asyncpg, or sqlite3 for SQLite), encoded with orjson."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    state: dict[str, Any] = {}

    async def page(request: Request) -> Response:
        first = int(request.query_params.get("first", PAGE))
        if url.startswith("postgres"):
            sql = BASELINE_SQL.format(viewer="$1", limit="$2")
            async with state["pool"].acquire() as connection:
                rows = [dict(r) for r in await connection.fetch(sql, viewer_id, first + 1)]
        else:
            sql = BASELINE_SQL.format(viewer="?", limit="?")
            cursor = state["sqlite"].execute(sql, (viewer_id, viewer_id, first + 1))
            rows = [dict(r) for r in cursor.fetchall()]
        edges = [_baseline_card(row, viewer_id) for row in rows[:first]]
        body = {
            "data": {
                "datasets": {
                    "edges": edges,
                    "pageInfo": {
                        "hasNextPage": len(rows) > first,
                        "endCursor": edges[-1]["cursor"] if edges else None,
                    },
                }
            }
        }
        return Response(orjson.dumps(body), media_type="application/json")

    async def healthz(request: Request) -> Response:
        return Response(b"ok")

    async def lifespan(app: Any) -> Any:
        if url.startswith("postgres"):
            import asyncpg

            state["pool"] = await asyncpg.create_pool(url.replace("postgres://", "postgresql://"))
            yield
            await state["pool"].close()
        else:
            connection = sqlite3.connect(url.removeprefix("sqlite://"), check_same_thread=False)
            connection.row_factory = sqlite3.Row
            state["sqlite"] = connection
            yield
            connection.close()

    return Starlette(routes=[Route("/page", page), Route("/healthz", healthz)], lifespan=lifespan)


async def seed(url: str) -> tuple[int, str]:
    """Users, datasets (a third public), grants to the viewer; returns the viewer's id and token."""
    from models import Dataset, ShareGrant, User
    from services.clock import now
    from services.sessions import start_session

    settings = load_settings(env_file=None, overrides={"DATABASE_URL": url})
    await database.migrate(settings)
    await database.open_database(settings)
    try:
        moment = now()
        await User.bulk_create(
            [
                User(
                    email=f"user{i}@bench.example",
                    display_name=f"User {i}",
                    password_hash="unused",
                    email_verified_at=moment,
                )
                for i in range(USERS)
            ],
            batch_size=500,
        )
        user_ids = await User.all().order_by("id").values_list("id", flat=True)
        rng = random.Random(7)
        await Dataset.bulk_create(
            [
                Dataset(
                    owner_id=user_ids[i % USERS],
                    name=f"dataset {i}",
                    kind="IMAGE" if i % 2 else "MSI",
                    is_public=rng.random() < 1 / 3,
                )
                for i in range(DATASETS)
            ],
            batch_size=1000,
        )
        viewer = await User.get(id=user_ids[0])
        all_ids: list[int] = list(await Dataset.all().values_list("id", flat=True))  # type: ignore[arg-type]
        shared_ids = rng.sample(all_ids, 300)
        owners = dict(await Dataset.filter(id__in=shared_ids).values_list("id", "owner_id"))
        await ShareGrant.bulk_create(
            [
                ShareGrant(
                    dataset_id=pk,
                    recipient_email=viewer.email,
                    recipient_id=viewer.id,
                    granted_by_id=owners[pk],
                    can_share=bool(pk % 2),
                )
                for pk in shared_ids
                if owners[pk] != viewer.id
            ],
            batch_size=500,
        )
        return viewer.id, await start_session(viewer, settings)
    finally:
        await database.close_database()


async def drive(url: str, requests: int, clients: int, call: Any) -> tuple[float, list[float]]:
    """Send `requests` requests from `clients` concurrent clients; (req/s, latencies)."""
    latencies: list[float] = []
    remaining = requests

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            started = time.perf_counter()
            response = await call(client)
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200, response.text[:300]

    async with httpx.AsyncClient(base_url=url, timeout=60) as warm:
        for _ in range(20):
            await call(warm)
    started = time.perf_counter()
    connections = [httpx.AsyncClient(base_url=url, timeout=60) for _ in range(clients)]
    try:
        await asyncio.gather(*(client_loop(client) for client in connections))
    finally:
        for client in connections:
            await client.aclose()
    return requests / (time.perf_counter() - started), latencies


async def run(use_sqlite: bool, requests: int, clients: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        async with fresh_database(use_sqlite, workdir) as url:
            viewer_id, token = await seed(url)
            app_port, baseline_port = free_port(), free_port()
            app = start_process(["main.py", "serve"], server_env(url, workdir, app_port))
            baseline = start_process(
                [
                    "-m",
                    "bench.listing",
                    "--serve-baseline",
                    url,
                    str(viewer_id),
                    str(baseline_port),
                ],
                server_env(url, workdir, baseline_port),
            )
            try:
                await wait_until_up(f"http://127.0.0.1:{app_port}")
                await wait_until_up(f"http://127.0.0.1:{baseline_port}")
                headers = {"Authorization": f"Bearer {token}"}
                body = orjson.dumps({"query": QUERY, "variables": {"first": PAGE}})

                async def graphql(client: httpx.AsyncClient) -> httpx.Response:
                    return await client.post(
                        "/graphql",
                        content=body,
                        headers={**headers, "Content-Type": "application/json"},
                    )

                async def plain(client: httpx.AsyncClient) -> httpx.Response:
                    return await client.get("/page", params={"first": PAGE})

                # Same page, same cards: the comparison is fair.
                async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{app_port}") as check:
                    cards = (await graphql(check)).json()["data"]["datasets"]["edges"]
                async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{baseline_port}") as check:
                    expected = (await plain(check)).json()["data"]["datasets"]["edges"]
                assert [c["node"] for c in cards] == [e["node"] for e in expected]

                base_rps, base_lat = await drive(
                    f"http://127.0.0.1:{baseline_port}", requests, clients, plain
                )
                app_rps, app_lat = await drive(
                    f"http://127.0.0.1:{app_port}", requests, clients, graphql
                )
            finally:
                stop_process(app)
                stop_process(baseline)
    backend = "SQLite" if use_sqlite else "PostgreSQL"
    print(
        f"datasets(scope: ALL, first: {PAGE}) on {backend}: {DATASETS} datasets, "
        f"{USERS} users, {clients} clients, {requests} requests each"
    )
    for label, rps, lat in (
        ("baseline (1 SQL query, orjson)", base_rps, base_lat),
        ("datashare GraphQL", app_rps, app_lat),
    ):
        print(
            f"  {label:32s} {rps:7.1f} req/s   p50 {statistics.median(lat) * 1000:6.1f} ms"
            f"   p99 {percentile(lat, 0.99) * 1000:6.1f} ms"
        )
    print(f"  throughput ratio GraphQL : baseline = {app_rps / base_rps:.2f}  (target >= 0.2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="bench SQLite instead of PostgreSQL")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--serve-baseline", nargs=3, metavar=("URL", "VIEWER", "PORT"))
    args = parser.parse_args()
    if args.serve_baseline:
        import uvicorn

        url, viewer, port = args.serve_baseline
        uvicorn.run(
            baseline_app(url, int(viewer)), host="127.0.0.1", port=int(port), log_level="warning"
        )
        return
    asyncio.run(run(args.sqlite, args.requests, args.clients))


if __name__ == "__main__":
    main()
