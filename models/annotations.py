"""Annotations drawn on stained images."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.accounts import User
from models.datasets import Dataset


class Annotation(Model):
    id = fields.BigIntField(primary_key=True)
    dataset: fields.ForeignKeyRelation[Dataset] = fields.ForeignKeyField(
        "models.Dataset", related_name="annotations", on_delete=fields.CASCADE
    )
    dataset_id: int
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="annotations", on_delete=fields.CASCADE
    )
    author_id: int
    label = fields.CharField(max_length=200)
    note = fields.TextField(default="")
    color = fields.CharField(max_length=7)
    geometry: fields.JSONField[dict] = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "annotations"
        indexes = (("dataset_id", "created_at"),)
