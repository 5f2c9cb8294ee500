"""Datasets and the file stored for each."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from models.accounts import User


class DatasetKind(StrEnum):
    MSI = "MSI"
    IMAGE = "IMAGE"


class Dataset(Model):
    id = fields.BigIntField(primary_key=True)
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="datasets", on_delete=fields.CASCADE
    )
    owner_id: int
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    kind = fields.CharEnumField(DatasetKind, max_length=8)
    is_public = fields.BooleanField(default=False, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)
    # The stored file, all null until the first upload completes.
    file_name = fields.CharField(max_length=255, null=True)
    file_content_type = fields.CharField(max_length=255, null=True)
    file_size = fields.BigIntField(null=True)
    file_sha256 = fields.CharField(max_length=64, null=True)
    file_key = fields.CharField(max_length=80, null=True)
    uploaded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "datasets"
        indexes = (("owner_id", "created_at"),)
