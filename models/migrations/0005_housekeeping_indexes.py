from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0004_dataset_files_and_resumable_uploads')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='AuthToken',
            index=Index(fields=['expires_at']),
        ),
        ops.AddIndex(
            model_name='AuthToken',
            index=Index(fields=['used_at']),
        ),
        ops.AddIndex(
            model_name='LoginFailure',
            index=Index(fields=['created_at']),
        ),
        ops.AddIndex(
            model_name='OutboxMessage',
            index=Index(fields=['status', 'created_at']),
        ),
    ]
