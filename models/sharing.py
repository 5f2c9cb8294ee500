"""Grants of access to a dataset, and the log the daily share quota counts."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.accounts import User
from models.datasets import Dataset
from models.teams import Team

# Grants to a team keep one grant per team and dataset under the same unique constraint
# as grants to addresses: their `recipient_email` is this key, never a valid address.
TEAM_KEY_PREFIX = "team:"


def team_key(team_id: int) -> str:
    return f"{TEAM_KEY_PREFIX}{team_id}"


class ShareGrant(Model):
    id = fields.BigIntField(primary_key=True)
    dataset: fields.ForeignKeyRelation[Dataset] = fields.ForeignKeyField(
        "models.Dataset", related_name="grants", on_delete=fields.CASCADE
    )
    dataset_id: int
    # Normalized address (`team_key` for a grant to a team); a grant to an address is
    # pending while `recipient` is null.
    recipient_email = fields.CharField(max_length=320, db_index=True)
    recipient: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="grants_received", null=True, on_delete=fields.CASCADE
    )
    recipient_id: int | None
    # Set on a grant to a team: every confirmed member holds it; deleting the team
    # revokes it.
    team: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="grants", null=True, on_delete=fields.CASCADE
    )
    team_id: int | None
    granted_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="grants_made", on_delete=fields.CASCADE
    )
    granted_by_id: int
    can_share = fields.BooleanField(default=False)
    can_modify = fields.BooleanField(default=False)
    message = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    accepted_at = fields.DatetimeField(null=True)
    # The last invitation email queued for the grant (null if none was sent).
    invitation_sent_at = fields.DatetimeField(null=True)
    # A pending grant is no longer accepted after this; null once accepted.
    invitation_expires_at = fields.DatetimeField(null=True)
    # The last time the invitation was sent again (`resendInvitation` is limited by it).
    invitation_resent_at = fields.DatetimeField(null=True)
    # The grant gives nothing from this instant on (SPEC section 11); null: no end.
    expires_at = fields.DatetimeField(null=True, db_index=True)
    # The `expires_at` whose reminder was queued: a new date arms a new reminder.
    reminder_sent_for = fields.DatetimeField(null=True)
    # The `expires_at` whose passing is in the dataset's activity: each end is recorded once.
    expiry_recorded_for = fields.DatetimeField(null=True)

    class Meta:
        table = "share_grants"
        unique_together = (("dataset_id", "recipient_email"),)
        indexes = (("recipient_id", "dataset_id"),)

    @property
    def pending(self) -> bool:
        return self.recipient_id is None and self.team_id is None


class ShareEvent(Model):
    """New grants made by a user in one call, kept after revocation so the quota holds."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="share_events", on_delete=fields.CASCADE
    )
    user_id: int
    grants = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "share_events"
        indexes = (("user_id", "created_at"),)
