"""Activity (SPEC section 16): what happened to each dataset, for its owner.

The indexes are made by hand under fixed names: the listing walks (dataset_id, at, id)
backwards, newest first; the purge by age walks `at`; the worker that records grants'
ends finds the ended grants not yet recorded through a partial index whose condition its
query repeats word for word (`services.activity.UNRECORDED_END`).
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from models.activity import ActivityKind
from tortoise.fields.base import OnDelete
from tortoise import fields

_INDEXES = [
    "CREATE INDEX IF NOT EXISTS activities_dataset_at ON activities (dataset_id, at, id)",
    "CREATE INDEX IF NOT EXISTS activities_at ON activities (at)",
    # Whom an owner meets through their datasets' activity (`node(id:)` of a user).
    "CREATE INDEX IF NOT EXISTS activities_actor ON activities (actor_id, dataset_id)",
    "CREATE INDEX IF NOT EXISTS share_grants_end_unrecorded ON share_grants (expires_at) "
    "WHERE expires_at IS NOT NULL "
    "AND (expiry_recorded_for IS NULL OR expiry_recorded_for <> expires_at)",
]

_DROP = [
    "DROP INDEX IF EXISTS share_grants_end_unrecorded",
    "DROP INDEX IF EXISTS activities_actor",
    "DROP INDEX IF EXISTS activities_at",
    "DROP INDEX IF EXISTS activities_dataset_at",
]


async def _create(apps, schema_editor) -> None:
    for sql in _INDEXES:
        await schema_editor._run_sql(sql)


async def _drop(apps, schema_editor) -> None:
    for sql in _DROP:
        await schema_editor._run_sql(sql)


class Migration(migrations.Migration):
    dependencies = [('models', '0008_teams')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Activity',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('dataset', fields.ForeignKeyField('models.Dataset', source_field='dataset_id', db_constraint=True, to_field='id', related_name='activity', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='CREATED: CREATED\nRENAMED: RENAMED\nUPLOADED: UPLOADED\nFILE_DELETED: FILE_DELETED\nSHARED: SHARED\nGRANT_CHANGED: GRANT_CHANGED\nREVOKED: REVOKED\nLEFT: LEFT\nEXPIRED: EXPIRED\nMADE_PUBLIC: MADE_PUBLIC\nMADE_PRIVATE: MADE_PRIVATE\nDOWNLOADED: DOWNLOADED\nLINK_CREATED: LINK_CREATED\nLINK_REVOKED: LINK_REVOKED\nLINK_USED: LINK_USED\nANNOTATED: ANNOTATED', enum_type=ActivityKind, max_length=16)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='activity', on_delete=OnDelete.SET_NULL)),
                ('link', fields.ForeignKeyField('models.ShareLink', source_field='link_id', null=True, db_constraint=True, to_field='id', related_name='activity', on_delete=OnDelete.SET_NULL)),
                ('subject_email', fields.CharField(null=True, max_length=320)),
                ('details', fields.TextField(default='{}', unique=False)),
                ('once_key', fields.CharField(null=True, max_length=200)),
            ],
            options={'table': 'activities', 'app': 'models', 'unique_together': (('dataset_id', 'once_key'),), 'pk_attr': 'id', 'table_description': 'One thing that happened to a dataset, written in the transaction of the change.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='ShareGrant',
            name='expiry_recorded_for',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.RunPython(_create, _drop),
    ]
