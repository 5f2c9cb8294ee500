"""Teams: groups of people a dataset can be shared with as one recipient."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from models.accounts import User


class TeamRole(StrEnum):
    MANAGER = "MANAGER"
    MEMBER = "MEMBER"


class Team(Model):
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "teams"


class TeamMember(Model):
    """One address in a team, pending (no user) until an account confirms the address."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", on_delete=fields.CASCADE
    )
    team_id: int
    # Normalized address.
    email = fields.CharField(max_length=320, db_index=True)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="team_memberships", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    role = fields.CharEnumField(TeamRole, max_length=16, default=TeamRole.MEMBER)
    created_at = fields.DatetimeField(auto_now_add=True)
    # When the membership was accepted (at once for a confirmed account); null while pending.
    joined_at = fields.DatetimeField(null=True)

    class Meta:
        table = "team_members"
        unique_together = (("team_id", "email"),)
        # The listings walk a member's teams through `team_members_user_team`, made by
        # migration 0008 under that name (SQLite is told it by name).

    @property
    def pending(self) -> bool:
        return self.user_id is None
