from tortoise import migrations
from tortoise.migrations import operations as ops
from models.accounts import TokenPurpose
from models.datasets import DatasetKind
from models.outbox import OutboxStatus
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='LoginFailure',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('email', fields.CharField(max_length=320)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'login_failures', 'app': 'models', 'indexes': [Index(fields=['email', 'created_at'])], 'pk_attr': 'id', 'table_description': 'One failed log-in for an address (the throttle counts recent rows).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharField(max_length=40)),
                ('to_address', fields.CharField(max_length=320)),
                ('subject', fields.CharField(max_length=300)),
                ('text_body', fields.TextField(unique=False)),
                ('html_body', fields.TextField(unique=False)),
                ('status', fields.CharEnumField(default=OutboxStatus.PENDING, description='PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed', enum_type=OutboxStatus, max_length=16)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'outbox_messages', 'app': 'models', 'indexes': [Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('email', fields.CharField(unique=True, max_length=320)),
                ('display_name', fields.CharField(max_length=200)),
                ('password_hash', fields.CharField(max_length=255)),
                ('email_verified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'users', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuthToken',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='auth_tokens', on_delete=OnDelete.CASCADE)),
                ('purpose', fields.CharEnumField(description='VERIFY_EMAIL: verify_email\nRESET_PASSWORD: reset_password', enum_type=TokenPurpose, max_length=32)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'auth_tokens', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A single-use token sent by email: confirm an address, reset a password.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Dataset',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('owner', fields.ForeignKeyField('models.User', source_field='owner_id', db_constraint=True, to_field='id', related_name='datasets', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('description', fields.TextField(default='', unique=False)),
                ('kind', fields.CharEnumField(description='MSI: MSI\nIMAGE: IMAGE', enum_type=DatasetKind, max_length=8)),
                ('is_public', fields.BooleanField(default=False, db_index=True)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('file_name', fields.CharField(null=True, max_length=255)),
                ('file_content_type', fields.CharField(null=True, max_length=255)),
                ('file_size', fields.BigIntField(null=True)),
                ('file_sha256', fields.CharField(null=True, max_length=64)),
                ('file_key', fields.CharField(null=True, max_length=80)),
                ('uploaded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'datasets', 'app': 'models', 'indexes': [Index(fields=['owner_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Annotation',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('dataset', fields.ForeignKeyField('models.Dataset', source_field='dataset_id', db_constraint=True, to_field='id', related_name='annotations', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('models.User', source_field='author_id', db_constraint=True, to_field='id', related_name='annotations', on_delete=OnDelete.CASCADE)),
                ('label', fields.CharField(max_length=200)),
                ('note', fields.TextField(default='', unique=False)),
                ('color', fields.CharField(max_length=7)),
                ('geometry', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'annotations', 'app': 'models', 'indexes': [Index(fields=['dataset_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'sessions', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ShareEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='share_events', on_delete=OnDelete.CASCADE)),
                ('grants', fields.IntField(default=1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'share_events', 'app': 'models', 'indexes': [Index(fields=['user_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'New grants made by a user in one call, kept after revocation so the quota holds.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ShareGrant',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('dataset', fields.ForeignKeyField('models.Dataset', source_field='dataset_id', db_constraint=True, to_field='id', related_name='grants', on_delete=OnDelete.CASCADE)),
                ('recipient_email', fields.CharField(db_index=True, max_length=320)),
                ('recipient', fields.ForeignKeyField('models.User', source_field='recipient_id', null=True, db_constraint=True, to_field='id', related_name='grants_received', on_delete=OnDelete.CASCADE)),
                ('granted_by', fields.ForeignKeyField('models.User', source_field='granted_by_id', db_constraint=True, to_field='id', related_name='grants_made', on_delete=OnDelete.CASCADE)),
                ('can_share', fields.BooleanField(default=False)),
                ('can_modify', fields.BooleanField(default=False)),
                ('message', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'share_grants', 'app': 'models', 'unique_together': (('dataset_id', 'recipient_email'),), 'indexes': [Index(fields=['recipient_id', 'dataset_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
