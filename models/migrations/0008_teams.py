"""Teams, their members, and grants to a team.

The indexes the listings walk are made by hand under fixed names: SQLite is told them
by name (services/access.py's team walks).
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from models.teams import TeamRole
from tortoise.fields.base import OnDelete
from tortoise import fields

_INDEXES = [
    # A member's teams (accepted memberships only have a user_id).
    "CREATE INDEX IF NOT EXISTS team_members_user_team ON team_members (user_id, team_id)",
    # A team's grants, newest share first (SHARED_WITH_ME).
    "CREATE INDEX IF NOT EXISTS share_grants_team_created "
    "ON share_grants (team_id, created_at, dataset_id)",
    # A team's grant on one dataset (the card's rights, who else reaches it).
    "CREATE INDEX IF NOT EXISTS share_grants_team_dataset ON share_grants (team_id, dataset_id)",
]

_DROP = [
    "DROP INDEX IF EXISTS share_grants_team_dataset",
    "DROP INDEX IF EXISTS share_grants_team_created",
    "DROP INDEX IF EXISTS team_members_user_team",
]


async def _create(apps, schema_editor) -> None:
    for sql in _INDEXES:
        await schema_editor._run_sql(sql)


async def _drop(apps, schema_editor) -> None:
    for sql in _DROP:
        await schema_editor._run_sql(sql)


class Migration(migrations.Migration):
    dependencies = [('models', '0006_grant_expiry')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Team',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=200)),
                ('description', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'teams', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TeamMember',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('team', fields.ForeignKeyField('models.Team', source_field='team_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(db_index=True, max_length=320)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='team_memberships', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(default=TeamRole.MEMBER, description='MANAGER: MANAGER\nMEMBER: MEMBER', enum_type=TeamRole, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('joined_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'team_members', 'app': 'models', 'unique_together': (('team_id', 'email'),), 'pk_attr': 'id', 'table_description': 'One address in a team, pending (no user) until an account confirms the address.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='ShareGrant',
            name='team',
            field=fields.ForeignKeyField('models.Team', source_field='team_id', null=True, db_constraint=True, to_field='id', related_name='grants', on_delete=OnDelete.CASCADE),
        ),
        ops.RunPython(_create, _drop),
    ]
