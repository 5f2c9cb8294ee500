"""Tortoise models of datashare; their migrations live in `models/migrations`."""

from models.accounts import AuthToken, LoginFailure, Session, User
from models.annotations import Annotation
from models.datasets import Dataset, DatasetKind
from models.links import ServerSecret, ShareLink
from models.outbox import OutboxMessage, OutboxStatus
from models.sharing import ShareEvent, ShareGrant

__all__ = [
    "Annotation",
    "AuthToken",
    "Dataset",
    "DatasetKind",
    "LoginFailure",
    "OutboxMessage",
    "OutboxStatus",
    "ServerSecret",
    "Session",
    "ShareEvent",
    "ShareGrant",
    "ShareLink",
    "User",
]
