"""Indexes that let every dataset listing walk O(page) rows.

Written by hand: a model's Meta cannot express a partial index on a condition both
databases read alike, nor a pg_trgm GIN index on an expression (and SQLite has no
pg_trgm). services/access.py's scope walks are written against these indexes.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

# Both databases.
_COMMON = [
    # MINE/OWNED/ALL: the viewer's own datasets, newest first, ties by id.
    "CREATE INDEX IF NOT EXISTS datasets_owner_created_id ON datasets (owner_id, created_at, id)",
    # PUBLIC/ALL: public datasets only, newest first. The query says `is_public = TRUE`.
    "CREATE INDEX IF NOT EXISTS datasets_public_created ON datasets (created_at, id) "
    "WHERE is_public = TRUE",
    # SHARED_WITH_ME: the viewer's grants, newest share first.
    "CREATE INDEX IF NOT EXISTS share_grants_recipient_created "
    "ON share_grants (recipient_id, created_at, dataset_id)",
    # The access list's managed recipients: grants a sharer made on a dataset.
    "CREATE INDEX IF NOT EXISTS share_grants_dataset_granted_by "
    "ON share_grants (dataset_id, granted_by_id)",
]

# PostgreSQL: name search through trigrams (`LOWER(name) LIKE '%…%'`).
_POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS datasets_name_trgm ON datasets "
    "USING gin (LOWER(name) gin_trgm_ops)",
]

_DROP = [
    "DROP INDEX IF EXISTS datasets_name_trgm",
    "DROP INDEX IF EXISTS share_grants_dataset_granted_by",
    "DROP INDEX IF EXISTS share_grants_recipient_created",
    "DROP INDEX IF EXISTS datasets_public_created",
    "DROP INDEX IF EXISTS datasets_owner_created_id",
]


async def _create(apps, schema_editor) -> None:
    statements = list(_COMMON)
    if schema_editor.client.capabilities.dialect == "postgres":
        statements = _POSTGRES + statements
    for sql in statements:
        await schema_editor._run_sql(sql)


async def _drop(apps, schema_editor) -> None:
    for sql in _DROP:
        await schema_editor._run_sql(sql)


class Migration(migrations.Migration):
    dependencies = [("models", "0002_invitations")]

    operations = [ops.RunPython(_create, _drop)]
