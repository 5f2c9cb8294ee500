from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0007_share_links')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ShareGrant',
            name='expires_at',
            field=fields.DatetimeField(null=True, db_index=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='ShareGrant',
            name='reminder_sent_for',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
