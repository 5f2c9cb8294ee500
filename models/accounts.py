"""Users, their sessions, one-time tokens and failed log-ins."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class User(Model):
    id = fields.BigIntField(primary_key=True)
    # Stored normalized (trimmed, lower-case) so comparisons are plain equality.
    email = fields.CharField(max_length=320, unique=True)
    display_name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=255)
    email_verified_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "users"

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None


class Session(Model):
    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "sessions"


class TokenPurpose(StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"


class AuthToken(Model):
    """A single-use token sent by email: confirm an address, reset a password."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="auth_tokens", on_delete=fields.CASCADE
    )
    user_id: int
    purpose = fields.CharEnumField(TokenPurpose, max_length=32)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "auth_tokens"
        # Housekeeping removes expired and long-used tokens in batches by these.
        indexes = (("expires_at",), ("used_at",))


class LoginFailure(Model):
    """One failed log-in for an address (the throttle counts recent rows)."""

    id = fields.BigIntField(primary_key=True)
    email = fields.CharField(max_length=320)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "login_failures"
        # The throttle counts by address; housekeeping removes by age alone.
        indexes = (("email", "created_at"), ("created_at",))
