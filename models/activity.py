"""Activity: what happened to a dataset, for its owner (SPEC section 16)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from models.accounts import User
from models.datasets import Dataset
from models.links import ShareLink


class ActivityKind(StrEnum):
    CREATED = "CREATED"
    RENAMED = "RENAMED"
    UPLOADED = "UPLOADED"
    FILE_DELETED = "FILE_DELETED"
    SHARED = "SHARED"
    GRANT_CHANGED = "GRANT_CHANGED"
    REVOKED = "REVOKED"
    LEFT = "LEFT"
    EXPIRED = "EXPIRED"
    MADE_PUBLIC = "MADE_PUBLIC"
    MADE_PRIVATE = "MADE_PRIVATE"
    DOWNLOADED = "DOWNLOADED"
    LINK_CREATED = "LINK_CREATED"
    LINK_REVOKED = "LINK_REVOKED"
    LINK_USED = "LINK_USED"
    ANNOTATED = "ANNOTATED"


class Activity(Model):
    """One thing that happened to a dataset, written in the transaction of the change."""

    id = fields.BigIntField(primary_key=True)
    dataset: fields.ForeignKeyRelation[Dataset] = fields.ForeignKeyField(
        "models.Dataset", related_name="activity", on_delete=fields.CASCADE
    )
    dataset_id: int
    kind = fields.CharEnumField(ActivityKind, max_length=16)
    at = fields.DatetimeField()
    # Who did it; null for anonymous visitors, link viewers and the passing of time.
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="activity", null=True, on_delete=fields.SET_NULL
    )
    actor_id: int | None
    # The reviewer link it happened through, if any.
    link: fields.ForeignKeyNullableRelation[ShareLink] = fields.ForeignKeyField(
        "models.ShareLink", related_name="activity", null=True, on_delete=fields.SET_NULL
    )
    link_id: int | None
    # The recipient it concerns (normalized address), if any.
    subject_email = fields.CharField(max_length=320, null=True)
    # A JSON object, as text: the same on SQLite and PostgreSQL, and written by plain SQL
    # where an entry is coalesced.
    details = fields.TextField(default="{}")
    # Entries recorded at most once (a download per person and hour, a link's use per hour,
    # a grant's end) carry a key unique within their dataset; the others none.
    once_key = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "activities"
        unique_together = (("dataset_id", "once_key"),)
        # `activities_dataset_at` (dataset_id, at, id) serves the newest-first listing and
        # `activities_at` the purge by age; both made by migration 0009 under those names.
