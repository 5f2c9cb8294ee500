"""A 50-card page of `datasets` over HTTP against the limit, and how pages scale.

The baseline is the limit: the same page from datashare's own index-driven statement
(`services.datasets.listing_statement`), one asyncpg query (sqlite3 on SQLite), the same
JSON built by hand and encoded with orjson over Starlette; no GraphQL, no ORM. Load comes
from `wrk` (Debian's package; installed with apt-get when missing), not from Python
clients sharing the cores; rounds alternate baseline and datashare, and the figure is the
ratio of their throughputs. Everything runs on one machine: the load average is printed
beside each figure.

    .venv/bin/python -m bench.listing              # ratio on PostgreSQL (target >= 0.17)
    .venv/bin/python -m bench.listing --sqlite     # the same on SQLite
    .venv/bin/python -m bench.listing --scale      # p50 at 10k and 1M datasets per scope
    .venv/bin/python -m bench.listing --processes  # two serve processes against one
    .venv/bin/python -m bench.listing --teams      # a member of 20 teams against no team
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import fresh_database, server_env, start_process, stop_process, wait_until_up
from bench.seeding import (
    TEAM_GRANTS,
    TEAM_MEMBER,
    TEAM_MEMBER_TOKEN,
    TEAMS,
    VIEWER,
    VIEWER_TOKEN,
    seed_postgres,
    seed_team_member,
)
from services import access, database, datasets
from services.access import DatasetFacts, GrantFacts, Scope
from services.ids import encode_id
from services.settings import load_settings
from tests.net import free_port

PAGE = 50
SMALL = (1_000, 10_000)  # users, datasets
LARGE = (100_000, 1_000_000)

CARD_FIELDS = """id name kind isPublic updatedAt uploadStatus badges visibility
      owner { id displayName }
      viewerPermissions { canView canDownload canShare canModify canSetPublic
                          canManageAccess canDelete }"""


def page_query(scope: str, search: str | None = None) -> str:
    search_argument = f', search: "{search}"' if search else ""
    return f"""query Cards($first: Int!) {{
  datasets(scope: {scope}, first: $first{search_argument}) {{
    edges {{ cursor node {{ {CARD_FIELDS} }} }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}"""


# The figures: the ratio on scope ALL (three walks merged); the scaling per scope.
RATIO_SCOPE = "ALL"
SCALED = [("MINE", None), ("SHARED_WITH_ME", None), ("PUBLIC", None), ("MINE", "sample 1")]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


# --- the baseline ----------------------------------------------------------------------


def _timestamp(value: Any) -> str:
    # PostgreSQL gives datetimes; SQLite the text Tortoise stored.
    return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).isoformat()


def baseline_card(row: dict[str, Any]) -> dict[str, Any]:
    facts = DatasetFacts(
        row["owner_id"], row["kind"], bool(row["is_public"]), bool(row["has_grants"])
    )
    grant = (
        GrantFacts(
            row["g_granted_by_id"],
            row["g_recipient_id"],
            bool(row["g_can_share"]),
            bool(row["g_can_modify"]),
        )
        if row["g_recipient_id"] is not None
        else None
    )
    rights = access.permissions(VIEWER, facts, grant)
    return {
        "cursor": str(row["id"]),
        "node": {
            "id": encode_id("Dataset", row["id"]),
            "name": row["name"],
            "kind": row["kind"],
            "isPublic": bool(row["is_public"]),
            "updatedAt": _timestamp(row["updated_at"]),
            "uploadStatus": "READY" if row["file_sha256"] else "PENDING",
            "badges": [badge.value for badge in access.badges(VIEWER, facts, grant)],
            "visibility": access.visibility(facts).value,
            "owner": {
                "id": encode_id("User", row["owner_id"]),
                "displayName": row["owner_display_name"],
            },
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


def baseline_app(url: str) -> Any:
    """A bare ASGI app: datashare's statement for the page, one query, orjson."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    postgres = url.startswith("postgres")
    state: dict[str, Any] = {}

    async def page(request: Request) -> Response:
        scope = Scope(request.query_params.get("scope", RATIO_SCOPE))
        request_of_page = datasets.PageRequest(
            VIEWER, scope, search=request.query_params.get("search"), first=PAGE
        )
        statement = datasets.listing_statement(
            "postgres" if postgres else "sqlite", request_of_page
        )
        assert statement is not None
        sql, values = statement
        if postgres:
            async with state["pool"].acquire() as connection:
                rows = [dict(row) for row in await connection.fetch(sql, *values)]
        else:
            rows = [dict(row) for row in state["sqlite"].execute(sql, values).fetchall()]
        edges = [baseline_card(row) for row in rows[:PAGE]]
        body = {
            "data": {
                "datasets": {
                    "edges": edges,
                    "pageInfo": {
                        "hasNextPage": len(rows) > PAGE,
                        "endCursor": edges[-1]["cursor"] if edges else None,
                    },
                }
            }
        }
        return Response(orjson.dumps(body), media_type="application/json")

    async def healthz(request: Request) -> Response:
        return Response(b"ok")

    async def lifespan(app: Any) -> Any:
        if postgres:
            import asyncpg

            state["pool"] = await asyncpg.create_pool(
                url.replace("postgres://", "postgresql://"), min_size=4, max_size=8
            )
            yield
            await state["pool"].close()
        else:
            connection = sqlite3.connect(url.removeprefix("sqlite://"), check_same_thread=False)
            connection.row_factory = sqlite3.Row
            state["sqlite"] = connection
            yield
            connection.close()

    return Starlette(routes=[Route("/page", page), Route("/healthz", healthz)], lifespan=lifespan)


# --- wrk -------------------------------------------------------------------------------


def wrk_path() -> str:
    """`wrk`, installed from Debian's package if it is not there yet."""
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=True)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed: apt-get install wrk")
    return found


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def run_wrk(
    url: str,
    *,
    body: bytes | None,
    seconds: float,
    connections: int,
    workdir: Path,
    token: str = VIEWER_TOKEN,
) -> Load:
    """Drive `url` with wrk: POST `body` as JSON with the viewer's token, or GET."""
    script = workdir / "request.lua"
    lines = [f'wrk.headers["Authorization"] = "Bearer {token}"']
    if body is not None:
        lines += [
            'wrk.method = "POST"',
            'wrk.headers["Content-Type"] = "application/json"',
            f"wrk.body = {orjson.dumps(body.decode()).decode()}",
        ]
    script.write_text("\n".join(lines) + "\n")
    output = subprocess.run(
        [
            wrk_path(),
            "-t1" if connections == 1 else "-t2",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(bad.group(1)) if bad else 0
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return Load(rps, p50, p99, errors)


# --- servers ---------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class CpuSplit:
    """CPU seconds used on the whole machine, and by PostgreSQL and by wrk, so far."""

    machine: float
    postgres: float
    wrk: float

    @classmethod
    def now(cls) -> CpuSplit:
        ticks = os.sysconf("SC_CLK_TCK")
        busy = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        machine = (sum(busy) - busy[3] - busy[4]) / ticks  # all but idle and iowait
        postgres = 0.0
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if (entry / "comm").read_text().strip() == "postgres":
                        postgres += cpu_seconds(int(entry.name))
                except (FileNotFoundError, ProcessLookupError):
                    continue
        children = os.times()
        return cls(machine, postgres, children.children_user + children.children_system)

    def since(self, start: CpuSplit) -> CpuSplit:
        return CpuSplit(
            self.machine - start.machine, self.postgres - start.postgres, self.wrk - start.wrk
        )


class Servers:
    """datashare serve processes (and the baseline) on one database, stopped on exit."""

    def __init__(self, url: str, workdir: Path) -> None:
        self.url = url
        self.workdir = workdir
        self.processes: list[Any] = []
        self.pids: dict[str, int] = {}

    async def serve(self) -> str:
        port = free_port()
        process = start_process(["main.py", "serve"], server_env(self.url, self.workdir, port))
        self.processes.append(process)
        base = f"http://127.0.0.1:{port}"
        self.pids[base] = process.pid
        await wait_until_up(base)
        return base

    def cpu_seconds(self, base: str) -> float:
        """CPU time the serve process at `base` has used so far (user + system)."""
        return cpu_seconds(self.pids[base])

    async def baseline(self) -> str:
        port = free_port()
        self.processes.append(
            start_process(
                ["-m", "bench.listing", "--serve-baseline", self.url, str(port)],
                server_env(self.url, self.workdir, port),
            )
        )
        base = f"http://127.0.0.1:{port}"
        await wait_until_up(base)
        return base

    def stop(self) -> None:
        for process in self.processes:
            stop_process(process)


async def seed_sqlite(url: str, users: int, count: int) -> None:
    """SQLite has no generate_series in every build: the same shape through Tortoise."""
    from models import Dataset, Session, ShareGrant, User
    from services.clock import now
    from services.tokens import hash_token

    settings = load_settings(env_file=None, overrides={"DATABASE_URL": url})
    await database.migrate(settings)
    await database.open_database(settings)
    try:
        moment = now()
        await User.bulk_create(
            [
                User(
                    id=i,
                    email=f"u{i}@bench.example",
                    display_name=f"User {i}",
                    password_hash="unused",
                    email_verified_at=moment,
                )
                for i in range(1, users + 1)
            ],
            batch_size=500,
        )
        await Dataset.bulk_create(
            [
                Dataset(
                    id=i,
                    owner_id=VIEWER if i % 50 == 0 else 2 + i % (users - 1),
                    name=f"sample {i}" if i % 50 == 0 else f"run {i}",
                    kind="IMAGE" if i % 2 else "MSI",
                    is_public=i % 3 == 0,
                )
                for i in range(1, count + 1)
            ],
            batch_size=1000,
        )
        owners = dict(await Dataset.all().values_list("id", "owner_id"))
        await ShareGrant.bulk_create(
            [
                ShareGrant(
                    dataset_id=i,
                    recipient_email=f"u{VIEWER}@bench.example",
                    recipient_id=VIEWER,
                    granted_by_id=owners[i],
                    can_share=i % 4 == 1,
                )
                for i in range(1, count + 1, 50)
            ],
            batch_size=500,
        )
        await Session.create(
            user_id=VIEWER,
            token_hash=hash_token(VIEWER_TOKEN),
            last_seen_at=moment,
            expires_at=moment.replace(year=moment.year + 1),
        )
    finally:
        await database.close_database()


async def seeded(url: str, users: int, count: int) -> None:
    if url.startswith("sqlite"):
        await seed_sqlite(url, users, count)
        return
    await database.migrate(load_settings(env_file=None, overrides={"DATABASE_URL": url}))
    await seed_postgres(url, users, count)


async def same_page(app: str, baseline: str, scope: str = RATIO_SCOPE) -> None:
    """The comparison is fair only if both answer the same cards."""
    import httpx

    headers = {"Authorization": f"Bearer {VIEWER_TOKEN}"}
    async with httpx.AsyncClient() as client:
        ours = await client.post(
            f"{app}/graphql",
            json={"query": page_query(scope), "variables": {"first": PAGE}},
            headers=headers,
        )
        theirs = await client.get(f"{baseline}/page", params={"scope": scope})
    cards = [edge["node"] for edge in ours.json()["data"]["datasets"]["edges"]]
    expected = [edge["node"] for edge in theirs.json()["data"]["datasets"]["edges"]]
    assert len(cards) == PAGE and cards == expected, "datashare and the baseline disagree"


def graphql_body(scope: str, search: str | None = None) -> bytes:
    return orjson.dumps({"query": page_query(scope, search), "variables": {"first": PAGE}})


@asynccontextmanager
async def seeded_servers(use_sqlite: bool, users: int, count: int) -> AsyncIterator[Servers]:
    """A fresh database seeded to this size, and its servers, stopped and dropped after."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        async with fresh_database(use_sqlite, workdir) as url:
            await seeded(url, users, count)
            servers = Servers(url, workdir)
            try:
                yield servers
            finally:
                servers.stop()


# --- the figures -----------------------------------------------------------------------


async def ratio(use_sqlite: bool, rounds: int, seconds: float, connections: int) -> None:
    async with seeded_servers(use_sqlite, *SMALL) as servers:
        workdir = servers.workdir
        app, baseline = await servers.serve(), await servers.baseline()
        await same_page(app, baseline)
        body = graphql_body(RATIO_SCOPE)
        ratios: list[float] = []
        cpu_per_page: list[float] = []
        backend = "SQLite" if use_sqlite else "PostgreSQL"
        print(
            f"datasets(scope: {RATIO_SCOPE}, first: {PAGE}) on {backend}: "
            f"{SMALL[1]} datasets, {SMALL[0]} users; wrk -c{connections}, "
            f"{rounds} rounds of {seconds:g} s each, alternating"
        )
        for round_ in range(rounds + 1):
            plain = run_wrk(
                f"{baseline}/page",
                body=None,
                seconds=seconds,
                connections=connections,
                workdir=workdir,
            )
            cpu_before = servers.cpu_seconds(app)
            ours = run_wrk(
                f"{app}/graphql",
                body=body,
                seconds=seconds,
                connections=connections,
                workdir=workdir,
            )
            cpu = servers.cpu_seconds(app) - cpu_before
            assert plain.errors == 0 and ours.errors == 0, (plain, ours)
            if round_ == 0:
                continue  # warm-up
            ratios.append(ours.requests_per_second / plain.requests_per_second)
            # The server's own CPU per page: what the load on the machine changes least.
            cpu_per_page.append(cpu * 1000 / (ours.requests_per_second * seconds))
            print(
                f"  round {round_}: baseline {plain.requests_per_second:7.1f} req/s "
                f"(p50 {plain.p50_ms:5.1f} ms)  datashare "
                f"{ours.requests_per_second:7.1f} req/s (p50 {ours.p50_ms:5.1f} ms, "
                f"{cpu_per_page[-1]:.2f} ms CPU a page)  "
                f"ratio {ratios[-1]:.3f}  [{load_average()}]"
            )
    print(
        f"  throughput ratio datashare : baseline = {statistics.median(ratios):.3f} (median of "
        f"{rounds}; target >= 0.17, stretch 0.25); the server's CPU a page "
        f"{statistics.median(cpu_per_page):.2f} ms  [{load_average()}]"
    )


async def scale(rounds: int, seconds: float) -> None:
    """The first page's p50 per scope (one client at a time) at 10k and at 1M datasets.

    Both databases are served at once and measured in alternating rounds, scope by scope,
    so a busy moment of the machine falls on both sizes alike.
    """
    async with (
        seeded_servers(False, *SMALL) as small_servers,
        seeded_servers(False, *LARGE) as large_servers,
    ):
        print(
            f"first page p50 on PostgreSQL (wrk -c1, {seconds:g} s per scope and size, "
            f"{rounds} rounds alternating {SMALL[1]:,} and {LARGE[1]:,} datasets)  "
            f"[{load_average()}]"
        )
        small_app, large_app = await small_servers.serve(), await large_servers.serve()
        found: dict[str, dict[str, list[float]]] = {}
        for round_ in range(rounds + 1):
            for scope, search in SCALED:
                name = f"{scope}{' search' if search else ''}"
                for size, app, servers in (
                    ("small", small_app, small_servers),
                    ("large", large_app, large_servers),
                ):
                    load = run_wrk(
                        f"{app}/graphql",
                        body=graphql_body(scope, search),
                        seconds=seconds,
                        connections=1,
                        workdir=servers.workdir,
                    )
                    assert load.errors == 0, load
                    if round_:  # the first round warms up
                        found.setdefault(name, {}).setdefault(size, []).append(load.p50_ms)
            if round_:
                print(f"  round {round_} measured  [{load_average()}]")
        statements = await statement_p50s(small_servers.url, large_servers.url)
    for name, sizes in found.items():
        small, large = statistics.median(sizes["small"]), statistics.median(sizes["large"])
        print(
            f"  {name:20s} {SMALL[1]:>9,}: {small:6.2f} ms   {LARGE[1]:>9,}: {large:6.2f} ms   "
            f"growth {large / small:.2f}x  (median p50s; target <= 1.5)"
        )
    print(
        f"  the page's SQL statement alone (asyncpg, p50 of alternating runs)  [{load_average()}]"
    )
    for name, (small, large) in statements.items():
        print(
            f"  {name:20s} {SMALL[1]:>9,}: {small:6.2f} ms   {LARGE[1]:>9,}: {large:6.2f} ms   "
            f"growth {large / small:.2f}x"
        )


async def statement_p50s(small_url: str, large_url: str) -> dict[str, tuple[float, float]]:
    """Each scope's statement timed straight on both databases, alternating."""
    import asyncpg

    small = await asyncpg.connect(small_url.replace("postgres://", "postgresql://", 1))
    large = await asyncpg.connect(large_url.replace("postgres://", "postgresql://", 1))
    found: dict[str, tuple[float, float]] = {}
    try:
        for scope, search in SCALED:
            request = datasets.PageRequest(VIEWER, Scope(scope), search=search, first=PAGE)
            statement = datasets.listing_statement("postgres", request)
            assert statement is not None
            sql, values = statement
            times: dict[Any, list[float]] = {small: [], large: []}
            for _ in range(200):
                for connection in (small, large):
                    started = time.perf_counter()
                    await connection.fetch(sql, *values)
                    times[connection].append((time.perf_counter() - started) * 1000)
            name = f"{scope}{' search' if search else ''}"
            found[name] = (statistics.median(times[small]), statistics.median(times[large]))
    finally:
        await small.close()
        await large.close()
    return found


async def processes(rounds: int, seconds: float, connections: int) -> None:
    """Throughput of two serve processes (one wrk each, together) against one."""
    async with seeded_servers(False, *SMALL) as servers:
        workdir = servers.workdir
        first, second = await servers.serve(), await servers.serve()
        body = graphql_body(RATIO_SCOPE)

        def drive(base: str, clients: int) -> Load:
            return run_wrk(
                f"{base}/graphql",
                body=body,
                seconds=seconds,
                connections=clients,
                workdir=workdir / base.rsplit(":", 1)[1],
            )

        (workdir / first.rsplit(":", 1)[1]).mkdir()
        (workdir / second.rsplit(":", 1)[1]).mkdir()
        gains: list[float] = []
        print(
            f"datasets(scope: {RATIO_SCOPE}) on PostgreSQL, one serve process "
            f"(wrk -c{connections}) against two (wrk -c{connections // 2} each)"
        )
        for round_ in range(rounds + 1):
            cpu, split = servers.cpu_seconds(first), CpuSplit.now()
            one = drive(first, connections)
            cpu_one, split_one = servers.cpu_seconds(first) - cpu, CpuSplit.now().since(split)
            cpu = servers.cpu_seconds(first) + servers.cpu_seconds(second)
            split = CpuSplit.now()
            both = await asyncio.gather(
                asyncio.to_thread(drive, first, connections // 2),
                asyncio.to_thread(drive, second, connections // 2),
            )
            cpu_two = servers.cpu_seconds(first) + servers.cpu_seconds(second) - cpu
            split_two = CpuSplit.now().since(split)
            assert one.errors == 0 and all(load.errors == 0 for load in both)
            if round_ == 0:
                continue
            together = sum(load.requests_per_second for load in both)
            gains.append(together / one.requests_per_second)
            # Cores each part kept busy: when two processes use no more cores than one,
            # something else had the cores (PostgreSQL, wrk, the rest of the machine).
            print(f"  round {round_}: {gains[-1]:.2f}x  [{load_average()}]")
            for label, load, serving, used in (
                ("one", one.requests_per_second, cpu_one, split_one),
                ("two", together, cpu_two, split_two),
            ):
                others = used.machine - serving - used.postgres - used.wrk
                print(
                    f"    {label}: {load:6.1f} req/s, {serving * 1000 / (load * seconds):.2f} ms "
                    f"CPU a page; cores busy: serve {serving / seconds:.2f}, PostgreSQL "
                    f"{used.postgres / seconds:.2f}, wrk {used.wrk / seconds:.2f}, "
                    f"the rest of the machine {others / seconds:.2f}"
                )
    print(
        f"  two processes : one = {statistics.median(gains):.2f} (median; target >= 1.5) "
        f"on {os.cpu_count()} cores  [{load_average()}]"
    )


async def teams(rounds: int, seconds: float) -> None:
    """The first page's p50 (one client at a time) for a member of twenty teams whose grants
    reach 1,000 datasets, against the viewer in no team, in alternating rounds; and each
    page's SQL statement alone for both."""
    async with seeded_servers(False, *SMALL) as servers:
        await seed_team_member(servers.url, SMALL[1])
        app = await servers.serve()
        print(
            f"first page p50 on PostgreSQL, {SMALL[1]:,} datasets: user {TEAM_MEMBER} in "
            f"{TEAMS} teams reaching {TEAM_GRANTS:,} datasets, against user {VIEWER} in none "
            f"(wrk -c1, {seconds:g} s each, {rounds} rounds)  [{load_average()}]"
        )
        people = (("no team", VIEWER, VIEWER_TOKEN), ("20 teams", TEAM_MEMBER, TEAM_MEMBER_TOKEN))
        found: dict[str, dict[str, list[float]]] = {}
        for round_ in range(rounds + 1):
            for scope in ("MINE", "SHARED_WITH_ME", "ALL"):
                for who, _, token in people:
                    load = run_wrk(
                        f"{app}/graphql",
                        body=graphql_body(scope),
                        seconds=seconds,
                        connections=1,
                        workdir=servers.workdir,
                        token=token,
                    )
                    assert load.errors == 0, load
                    if round_:  # the first round warms up
                        found.setdefault(scope, {}).setdefault(who, []).append(load.p50_ms)
        statements = await _team_statement_p50s(servers.url, people)
    for scope, by_person in found.items():
        alone, member = (statistics.median(by_person[who]) for who in ("no team", "20 teams"))
        print(
            f"  {scope:16s} no team: {alone:6.2f} ms   20 teams: {member:6.2f} ms   "
            f"{member / alone:.2f}x   statement alone: {statements[scope][0]:.2f} ms / "
            f"{statements[scope][1]:.2f} ms"
        )


async def _team_statement_p50s(
    url: str, people: tuple[tuple[str, int, str], ...]
) -> dict[str, tuple[float, float]]:
    import asyncpg

    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    found: dict[str, tuple[float, float]] = {}
    try:
        for scope in ("MINE", "SHARED_WITH_ME", "ALL"):
            sqls = [
                datasets.listing_statement(
                    "postgres", datasets.PageRequest(viewer, Scope(scope), first=PAGE)
                )
                for _, viewer, _ in people
            ]
            times: list[list[float]] = [[], []]
            for _ in range(200):
                for n, statement in enumerate(sqls):
                    assert statement is not None
                    started = time.perf_counter()
                    await connection.fetch(statement[0], *statement[1])
                    times[n].append((time.perf_counter() - started) * 1000)
            found[scope] = (statistics.median(times[0]), statistics.median(times[1]))
    finally:
        await connection.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="bench SQLite instead of PostgreSQL")
    parser.add_argument("--scale", action="store_true", help="p50 at 10k and 1M datasets")
    parser.add_argument("--processes", action="store_true", help="two serve processes vs one")
    parser.add_argument("--teams", action="store_true", help="a member of 20 teams vs none")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--serve-baseline", nargs=2, metavar=("URL", "PORT"))
    args = parser.parse_args()
    if args.serve_baseline:
        import uvicorn

        url, port = args.serve_baseline
        uvicorn.run(baseline_app(url), host="127.0.0.1", port=int(port), log_level="warning")
    elif args.scale:
        asyncio.run(scale(args.rounds, args.seconds))
    elif args.teams:
        asyncio.run(teams(args.rounds, args.seconds))
    elif args.processes:
        asyncio.run(processes(args.rounds, args.seconds, args.connections))
    else:
        asyncio.run(ratio(args.sqlite, args.rounds, args.seconds, args.connections))


if __name__ == "__main__":
    main()
