"""Reviewer links (SPEC section 12) and the server secret that signs their downloads."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0005_housekeeping_indexes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ServerSecret',
            fields=[
                ('name', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=64)),
                ('value', fields.CharField(max_length=200)),
            ],
            options={'table': 'server_secrets', 'app': 'models', 'pk_attr': 'name', 'table_description': 'Secrets every process of one installation must agree on, made on first use.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ShareLink',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('dataset', fields.ForeignKeyField('models.Dataset', source_field='dataset_id', db_constraint=True, to_field='id', related_name='share_links', on_delete=OnDelete.CASCADE)),
                ('label', fields.CharField(default='', max_length=200)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('anonymous', fields.BooleanField(default=False)),
                ('allow_download', fields.BooleanField(default=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('use_count', fields.IntField(default=0)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', db_constraint=True, to_field='id', related_name='share_links_made', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'share_links', 'app': 'models', 'indexes': [Index(fields=['dataset_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
