"""Listings walk indexes: no query plan reads the whole datasets or grants table.

PostgreSQL only (its planner is the one that meets large tables). 100,000 datasets over
10,000 users, with 100,000 grants, are seeded in SQL; every listing statement, each
scope with and without a search and a kind, and the access list's queries, are EXPLAINed
and must not hold a sequential scan of `datasets`, `share_grants` or `team_members`, nor
(searches aside) read more than a bounded number of their rows. The viewer is also a
member of 20 of 2,000 teams, whose grants reach 1,000 datasets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from tortoise import connections

from services import access, datasets
from services.access import Scope
from services.datasets import PageRequest, Position
from tests import databases
from tests.conftest import Service

USERS = 10_000
DATASETS = 100_000
VIEWER = 1
TEAMS = 2_000
GUARDED = {"datasets", "share_grants", "team_members"}

SEED = [
    f"""INSERT INTO users (id, email, display_name, password_hash, email_verified_at,
                           created_at, updated_at)
        SELECT i, 'u' || i || '@plan.example', 'User ' || i, 'x', now(), now(), now()
        FROM generate_series(1, {USERS}) AS i""",
    f"""INSERT INTO datasets (id, owner_id, name, description, kind, is_public,
                              created_at, updated_at, file_problems)
        SELECT i, 1 + i % {USERS}, 'run ' || md5(i::text), '',
               CASE WHEN i % 2 = 0 THEN 'IMAGE' ELSE 'MSI' END, i % 3 = 0,
               now() - i * interval '1 second', now(), ''
        FROM generate_series(1, {DATASETS}) AS i""",
    # Every dataset shared with one other user; the viewer receives a hundred. A fifth of
    # the grants have expired and a fifth end later (SPEC section 11).
    f"""INSERT INTO share_grants (dataset_id, recipient_email, recipient_id, granted_by_id,
                                  can_share, can_modify, message, created_at, updated_at,
                                  expires_at)
        SELECT i, 'u' || r || '@plan.example', r, 1 + i % {USERS}, i % 2 = 0, FALSE, '',
               now() - i * interval '1 second', now(),
               CASE i % 5 WHEN 0 THEN now() - interval '1 day'
                          WHEN 1 THEN now() + interval '1 day' END
        FROM generate_series(1, {DATASETS}) AS i,
             LATERAL (SELECT CASE WHEN i % 1000 = 7 THEN {VIEWER}
                                  ELSE 1 + (i * 7 + 1) % {USERS} END AS r) AS pick
        WHERE r <> 1 + i % {USERS}""",
    f"""INSERT INTO teams (id, name, description, created_at, updated_at)
        SELECT i, 'Team ' || i, '', now(), now() FROM generate_series(1, {TEAMS}) AS i""",
    # Five members a team; the viewer is in the first twenty.
    f"""INSERT INTO team_members (team_id, email, user_id, role, created_at, joined_at)
        SELECT t, 'u' || u || '@plan.example', u, 'MEMBER', now(), now()
        FROM generate_series(1, {TEAMS}) AS t,
             LATERAL (SELECT CASE WHEN k = 0 AND t <= 20 THEN {VIEWER}
                                  ELSE 2 + (t * 5 + k) % ({USERS} - 1) END AS u
                      FROM generate_series(0, 4) AS k) AS pick""",
    # Every tenth dataset granted to one team: the viewer's twenty teams reach 1,000.
    f"""INSERT INTO share_grants (dataset_id, recipient_email, team_id, granted_by_id,
                                  can_share, can_modify, message, created_at, updated_at)
        SELECT i, 'team:' || (1 + (i / 10) % {TEAMS}), 1 + (i / 10) % {TEAMS},
               1 + i % {USERS}, FALSE, FALSE, '', now() - i * interval '1 second', now()
        FROM generate_series(10, {DATASETS}, 10) AS i""",
    "SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))",
    "SELECT setval(pg_get_serial_sequence('datasets', 'id'), (SELECT max(id) FROM datasets))",
    "ANALYZE users",
    "ANALYZE datasets",
    "ANALYZE share_grants",
    "ANALYZE team_members",
]


# A page of 50 reads its page from each walk, the viewer's hundred grants, the thousand
# grants of their teams (the team walk sorts them, as the grant walk sorts the viewer's
# own), and a probe or two per card; a walk over the whole table (what this replaced) read
# 185,000 rows.
MAX_ROWS_READ = 2_000


@dataclass
class PlanReading:
    sequential_scans: list[str] = field(default_factory=list)
    rows_read: int = 0


def _read(plan: dict[str, Any], reading: PlanReading) -> None:
    """Add up a JSON plan's scans of the guarded tables, children included."""
    relation = plan.get("Relation Name", "")
    if relation in GUARDED:
        if plan["Node Type"] == "Seq Scan":
            reading.sequential_scans.append(relation)
        rows = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)
        reading.rows_read += int(rows * plan.get("Actual Loops", 1))
    for child in plan.get("Plans", []):
        _read(child, reading)


async def _explain(sql: str, values: list[object]) -> PlanReading:
    connection = connections.get("default")
    rows = await connection.execute_query_dict(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", values)
    plan = rows[0]["QUERY PLAN"]
    reading = PlanReading()
    _read((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"], reading)
    return reading


async def test_no_listing_reads_a_whole_table(service: Service) -> None:
    if databases.backend() != "postgres":
        pytest.skip("query plans are checked on PostgreSQL")
    connection = connections.get("default")
    for seeding in SEED:
        await connection.execute_script(seeding)
    later = Position(datetime(2000, 1, 1, tzinfo=UTC), 50_000)
    bad: list[str] = []
    for viewer in (VIEWER, None):
        for scope in Scope:
            for kind in (None, "IMAGE"):
                for search in (None, "abc"):
                    for after in (None, later):
                        request = PageRequest(viewer, scope, kind, search, 50, after)
                        statement = datasets.listing_statement("postgres", request)
                        if statement is None:
                            continue
                        reading = await _explain(*statement)
                        # A search reads what its filter passes over (the planner weighs
                        # the trigram index against the walk): only a full scan is wrong.
                        too_many = search is None and reading.rows_read > MAX_ROWS_READ
                        if reading.sequential_scans or too_many:
                            bad.append(f"{viewer} {scope} {kind} {search} {after}: {reading}")
    managed = await _explain(*access.managed_recipients_statement("postgres", VIEWER))
    # The access list's grants for a page of cards, as the grants loader asks for them.
    page = ", ".join(str(pk) for pk in range(1, 51))
    grants = await _explain(f"SELECT * FROM share_grants WHERE dataset_id IN ({page})", [])
    for name, reading in (("managed recipients", managed), ("grants of a page", grants)):
        if reading.sequential_scans or reading.rows_read > MAX_ROWS_READ:
            bad.append(f"{name}: {reading}")
    assert bad == [], "\n".join(bad)
