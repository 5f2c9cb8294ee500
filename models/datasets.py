"""Datasets, the files stored for each, and resumable uploads under way."""

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
    # The primary file (see `DatasetFile`), copied here so a card reads in one query;
    # all null until the first upload completes.
    file_name = fields.CharField(max_length=255, null=True)
    file_content_type = fields.CharField(max_length=255, null=True)
    file_size = fields.BigIntField(null=True)
    file_sha256 = fields.CharField(max_length=64, null=True)
    file_key = fields.CharField(max_length=80, null=True)
    uploaded_at = fields.DatetimeField(null=True)
    # What keeps the files from being complete (an MSI run without its pair), one per line.
    file_problems = fields.TextField(default="")

    class Meta:
        table = "datasets"
        indexes = (("owner_id", "created_at"),)


class DatasetFile(Model):
    """One file of a dataset, by name: a new upload of the same name replaces it."""

    id = fields.BigIntField(primary_key=True)
    dataset: fields.ForeignKeyRelation[Dataset] = fields.ForeignKeyField(
        "models.Dataset", related_name="files", on_delete=fields.CASCADE
    )
    dataset_id: int
    name = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=255)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    key = fields.CharField(max_length=80)
    # An imzML's UUID (IMS:1000080) or an .ibd's first 16 bytes, as 32 hex digits.
    run_uuid = fields.CharField(max_length=32, null=True)
    uploaded_at = fields.DatetimeField()

    class Meta:
        table = "dataset_files"
        unique_together = (("dataset_id", "name"),)


class ResumableUpload(Model):
    """A tus upload under way, its offset and storage state durable across restarts."""

    id = fields.BigIntField(primary_key=True)
    token = fields.CharField(max_length=64, unique=True)
    dataset: fields.ForeignKeyRelation[Dataset] = fields.ForeignKeyField(
        "models.Dataset", related_name="resumable_uploads", on_delete=fields.CASCADE
    )
    dataset_id: int
    file_name = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=255)
    length = fields.BigIntField()
    offset = fields.BigIntField(default=0)
    storage_key = fields.CharField(max_length=80)
    storage_state = fields.TextField(default="{}")
    # The SHA-256 state after `offset` bytes, so hashing goes on where it stopped.
    hash_state = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)
    # One request appends at a time: it holds the lease while it writes.
    lease = fields.CharField(max_length=64, null=True)
    leased_until = fields.DatetimeField(null=True)

    class Meta:
        table = "resumable_uploads"
