"""Large PostgreSQL databases seeded in SQL (generate_series), in seconds not hours.

The shape: `users` users, `datasets` datasets spread over them and over time (a third
public, half of them shared with one other user), and one viewer, user 1, who owns
`VIEWER_OWNS` datasets and holds `VIEWER_HOLDS` grants spread over the same time range,
so each scope's first page is full and looks alike at any size. Names are `run <md5>`,
the viewer's own `sample <n>`, so a search can match the viewer's datasets.
"""

from __future__ import annotations

import asyncpg

from services.tokens import hash_token

VIEWER = 1
VIEWER_OWNS = 200
VIEWER_HOLDS = 200
VIEWER_TOKEN = "bench-viewer-session-token-with-enough-entropy-000000"


def _statements(users: int, datasets: int) -> list[str]:
    owned_every = max(1, datasets // VIEWER_OWNS)
    held_every = max(1, datasets // VIEWER_HOLDS)
    others = users - 1
    return [
        f"""INSERT INTO users (id, email, display_name, password_hash, email_verified_at,
                               created_at, updated_at)
            SELECT i, 'u' || i || '@bench.example', 'User ' || i, 'unused', now(), now(), now()
            FROM generate_series(1, {users}) AS i""",
        # Every `owned_every`-th dataset is the viewer's; the rest belong to users 2..N.
        f"""INSERT INTO datasets (id, owner_id, name, description, kind, is_public,
                                  created_at, updated_at, file_problems)
            SELECT i,
                   CASE WHEN i % {owned_every} = 0 THEN {VIEWER} ELSE 2 + i % {others} END,
                   CASE WHEN i % {owned_every} = 0 THEN 'sample ' || i
                        ELSE 'run ' || md5(i::text) END,
                   '', CASE WHEN i % 2 = 0 THEN 'IMAGE' ELSE 'MSI' END, i % 3 = 0,
                   now() - ({datasets} - i) * interval '1 second', now(), ''
            FROM generate_series(1, {datasets}) AS i""",
        # Half the datasets shared with someone; every `held_every`-th (offset by one) with
        # the viewer.
        f"""INSERT INTO share_grants (dataset_id, recipient_email, recipient_id, granted_by_id,
                                      can_share, can_modify, message, created_at, updated_at)
            SELECT d.id, 'u' || r || '@bench.example', r, d.owner_id, d.id % 4 = 0, FALSE, '',
                   d.created_at + interval '1 second', now()
            FROM datasets d,
                 LATERAL (SELECT CASE WHEN d.id % {held_every} = 1 THEN {VIEWER}
                                      ELSE 2 + (d.id * 7 + 3) % {others} END AS r) AS pick
            WHERE (d.id % 2 = 0 OR d.id % {held_every} = 1) AND r <> d.owner_id""",
        f"""INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
            VALUES ({VIEWER}, '{hash_token(VIEWER_TOKEN)}', now(), now(),
                    now() + interval '30 days')""",
        "SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))",
        "SELECT setval(pg_get_serial_sequence('datasets', 'id'), (SELECT max(id) FROM datasets))",
        "ANALYZE",
    ]


async def seed_postgres(url: str, users: int, datasets: int) -> None:
    """Fill a migrated, empty database; the viewer's session token is `VIEWER_TOKEN`."""
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        for statement in _statements(users, datasets):
            await connection.execute(statement)
    finally:
        await connection.close()


# A member of twenty teams whose grants reach 1,000 datasets (SPEC section 14), holding no
# grant of their own: `bench.listing --teams` sets their pages beside the viewer's.
TEAM_MEMBER = 2
TEAM_MEMBER_TOKEN = "bench-team-member-session-token-with-enough-entropy-00"
TEAMS = 20
TEAM_GRANTS = 1_000


def _team_statements(datasets: int) -> list[str]:
    every = max(1, datasets // TEAM_GRANTS)
    return [
        f"""INSERT INTO teams (id, name, description, created_at, updated_at)
            SELECT t, 'Team ' || t, '', now(), now() FROM generate_series(1, {TEAMS}) AS t""",
        # The member and four others in each team.
        f"""INSERT INTO team_members (team_id, email, user_id, role, created_at, joined_at)
            SELECT t, 'u' || u || '@bench.example', u, 'MEMBER', now(), now()
            FROM generate_series(1, {TEAMS}) AS t,
                 LATERAL (SELECT CASE WHEN k = 0 THEN {TEAM_MEMBER} ELSE 10 + t * 5 + k END AS u
                          FROM generate_series(0, 4) AS k) AS pick""",
        # Every `every`-th dataset (offset by two) granted to one of the teams, in turn.
        f"""INSERT INTO share_grants (dataset_id, recipient_email, team_id, granted_by_id,
                                      can_share, can_modify, message, created_at, updated_at)
            SELECT d.id, 'team:' || (1 + (d.id / {every}) % {TEAMS}),
                   1 + (d.id / {every}) % {TEAMS}, d.owner_id, FALSE, FALSE, '',
                   d.created_at + interval '2 seconds', now()
            FROM datasets d
            WHERE d.id % {every} = 2 AND d.owner_id <> {TEAM_MEMBER}""",
        f"""INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
            VALUES ({TEAM_MEMBER}, '{hash_token(TEAM_MEMBER_TOKEN)}', now(), now(),
                    now() + interval '30 days')""",
        "SELECT setval(pg_get_serial_sequence('teams', 'id'), (SELECT max(id) FROM teams))",
        "ANALYZE",
    ]


async def seed_team_member(url: str, datasets: int) -> None:
    """Add the member of twenty teams to a database `seed_postgres` filled."""
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        for statement in _team_statements(datasets):
            await connection.execute(statement)
    finally:
        await connection.close()
