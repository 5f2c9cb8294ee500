"""Tortoise models of datashare; their migrations live in `models/migrations`."""

from models.accounts import AuthToken, LoginFailure, Session, User
from models.activity import Activity, ActivityKind
from models.annotations import Annotation
from models.datasets import Dataset, DatasetFile, DatasetKind, ResumableUpload
from models.links import ServerSecret, ShareLink
from models.outbox import OutboxMessage, OutboxStatus
from models.sharing import ShareEvent, ShareGrant
from models.teams import Team, TeamMember, TeamRole

__all__ = [
    "Activity",
    "ActivityKind",
    "Annotation",
    "AuthToken",
    "Dataset",
    "DatasetFile",
    "DatasetKind",
    "LoginFailure",
    "OutboxMessage",
    "OutboxStatus",
    "ResumableUpload",
    "ServerSecret",
    "Session",
    "ShareEvent",
    "ShareGrant",
    "ShareLink",
    "Team",
    "TeamMember",
    "TeamRole",
    "User",
]
