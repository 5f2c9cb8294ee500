from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_listing_indexes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DatasetFile',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('dataset', fields.ForeignKeyField('models.Dataset', source_field='dataset_id', db_constraint=True, to_field='id', related_name='files', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=255)),
                ('size', fields.BigIntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('key', fields.CharField(max_length=80)),
                ('run_uuid', fields.CharField(null=True, max_length=32)),
                ('uploaded_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'dataset_files', 'app': 'models', 'unique_together': (('dataset_id', 'name'),), 'pk_attr': 'id', 'table_description': 'One file of a dataset, by name: a new upload of the same name replaces it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ResumableUpload',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.CharField(unique=True, max_length=64)),
                ('dataset', fields.ForeignKeyField('models.Dataset', source_field='dataset_id', db_constraint=True, to_field='id', related_name='resumable_uploads', on_delete=OnDelete.CASCADE)),
                ('file_name', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=255)),
                ('length', fields.BigIntField()),
                ('offset', fields.BigIntField(default=0)),
                ('storage_key', fields.CharField(max_length=80)),
                ('storage_state', fields.TextField(default='{}', unique=False)),
                ('hash_state', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('lease', fields.CharField(null=True, max_length=64)),
                ('leased_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'resumable_uploads', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A tus upload under way, its offset and storage state durable across restarts.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Dataset',
            name='file_problems',
            field=fields.TextField(default='', unique=False),
        ),
        # The file each dataset had becomes its first (and primary) file.
        ops.RunSQL(
            "INSERT INTO dataset_files (dataset_id, name, content_type, size, sha256, key, "
            "uploaded_at) SELECT id, file_name, file_content_type, file_size, file_sha256, "
            "file_key, COALESCE(uploaded_at, updated_at) FROM datasets "
            "WHERE file_key IS NOT NULL AND file_sha256 IS NOT NULL",
            reverse_sql="DELETE FROM dataset_files",
        ),
    ]
