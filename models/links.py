"""Reviewer links: a dataset seen through a secret URL, without an account."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.accounts import User
from models.datasets import Dataset


class ShareLink(Model):
    id = fields.BigIntField(primary_key=True)
    dataset: fields.ForeignKeyRelation[Dataset] = fields.ForeignKeyField(
        "models.Dataset", related_name="share_links", on_delete=fields.CASCADE
    )
    dataset_id: int
    label = fields.CharField(max_length=200, default="")
    # SHA-256 of the token; the token itself is handed out once and never stored.
    token_hash = fields.CharField(max_length=64, unique=True)
    anonymous = fields.BooleanField(default=False)
    allow_download = fields.BooleanField(default=True)
    expires_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    use_count = fields.IntField(default=0)
    last_used_at = fields.DatetimeField(null=True)
    created_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="share_links_made", on_delete=fields.CASCADE
    )
    created_by_id: int

    class Meta:
        table = "share_links"
        indexes = (("dataset_id", "created_at"),)


class ServerSecret(Model):
    """Secrets every process of one installation must agree on, made on first use."""

    name = fields.CharField(max_length=64, primary_key=True)
    value = fields.CharField(max_length=200)

    class Meta:
        table = "server_secrets"
