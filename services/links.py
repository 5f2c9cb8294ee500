"""Reviewer links (SPEC section 12): a dataset seen through a secret URL, without an
account, and the signed download URLs handed to those who hold one."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models import ActivityKind, ServerSecret, ShareLink, User
from services import access, activity, events
from services.clock import now
from services.datasets import DatasetCard, card_through_link, find_visible
from services.errors import DomainError, InvalidInput, NotFound, collect
from services.settings import Settings
from services.tokens import hash_token, new_token

DEFAULT_LIFETIME = timedelta(days=30)
MAX_LIFETIME = timedelta(days=365)
MAX_ACTIVE_LINKS = 20
MAX_LABEL = 200
# How long a download URL answered to a link viewer stays valid (the link is checked too).
DOWNLOAD_LIFETIME = timedelta(minutes=15)
SIGNING_SECRET = "link_signing_key"


def link_facts(link: ShareLink) -> access.LinkFacts:
    return access.LinkFacts(
        anonymous=link.anonymous,
        allow_download=link.allow_download,
        expires_at=link.expires_at,
        revoked_at=link.revoked_at,
    )


@dataclass(frozen=True)
class NewLink:
    link: ShareLink
    # Handed out once, in the link's URL; only its hash is stored.
    token: str


def _checked_label(label: str) -> str:
    label = label.strip()
    if len(label) > MAX_LABEL:
        raise InvalidInput(f"A label has at most {MAX_LABEL} characters.", field="label")
    return label


def _checked_expiry(expires_at: datetime | None, at: datetime) -> datetime:
    if expires_at is None:
        return at + DEFAULT_LIFETIME
    if expires_at.utcoffset() is None:
        raise InvalidInput("expiresAt needs a time zone.", field="expiresAt")
    if expires_at <= at:
        raise InvalidInput("expiresAt must lie in the future.", field="expiresAt")
    if expires_at > at + MAX_LIFETIME:
        raise InvalidInput("A link lasts at most 365 days.", field="expiresAt")
    return expires_at


async def create_link(
    viewer: User,
    dataset_id: int | None,
    *,
    label: str,
    expires_at: datetime | None,
    anonymous: bool,
    allow_download: bool,
) -> NewLink:
    """A new link on the viewer's own dataset; every input checked before anything is
    written, and the active links counted under the dataset's lock."""
    at = now()
    errors: list[DomainError] = []
    values: dict[str, object] = {}
    for key, check in (
        ("label", lambda: _checked_label(label)),
        ("expires_at", lambda: _checked_expiry(expires_at, at)),
    ):
        try:
            values[key] = check()
        except InvalidInput as error:
            errors.append(error)
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn, for_update=True)
        access.check_manage_links(viewer.id, viewed.facts, viewed.viewer_grant_facts)
        collect(errors)
        active = (
            await ShareLink.filter(dataset_id=viewed.dataset.id, **access.active_link_filter(at))
            .using_db(conn)
            .count()
        )
        if active >= MAX_ACTIVE_LINKS:
            raise InvalidInput(
                f"A dataset has at most {MAX_ACTIVE_LINKS} active links: revoke one first.",
                field="datasetId",
            )
        token = new_token()
        link = await ShareLink.create(
            dataset_id=viewed.dataset.id,
            token_hash=hash_token(token),
            anonymous=anonymous,
            allow_download=allow_download,
            created_by_id=viewer.id,
            using_db=conn,
            **values,
        )
        await activity.record(
            conn, link.dataset_id, _about_link(ActivityKind.LINK_CREATED, viewer.id, link)
        )
        # `shareLinks` is on the owner's card alone.
        await events.publish(
            conn, viewed.dataset.id, users=[viewed.dataset.owner_id], only_users=True
        )
        return NewLink(link, token)


def _about_link(kind: ActivityKind, actor_id: int, link: ShareLink) -> activity.Entry:
    return activity.Entry(
        kind,
        actor_id=actor_id,
        link_id=link.id,
        details={
            "link": link.label,
            "anonymous": link.anonymous,
            "allowDownload": link.allow_download,
            "expiresAt": activity.moment_text(link.expires_at),
        },
    )


async def _managed_link(viewer_id: int | None, link_id: int | None) -> ShareLink:
    """A link the viewer may manage; `NotFound` for any other, as for an unknown id."""
    link = await ShareLink.filter(id=link_id).first() if link_id else None
    if link is None or viewer_id is None:
        raise NotFound("No such link.")
    try:
        viewed = await find_visible(viewer_id, link.dataset_id)
    except NotFound:
        raise NotFound("No such link.") from None
    if not access.may_manage_links(viewer_id, viewed.facts, viewed.viewer_grant_facts):
        raise NotFound("No such link.")
    return link


async def revoke_link(viewer: User, link_id: int | None) -> ShareLink:
    """End a link at once; revoking it again changes nothing."""
    link = await _managed_link(viewer.id, link_id)
    async with in_transaction() as conn:
        revoked = (
            await ShareLink.filter(id=link.id, revoked_at__isnull=True)
            .using_db(conn)
            .update(revoked_at=now())
        )
        if revoked:
            await activity.record(
                conn, link.dataset_id, _about_link(ActivityKind.LINK_REVOKED, viewer.id, link)
            )
            # `shareLinks` is on the owner's card alone.
            await events.publish(conn, link.dataset_id, users=[viewer.id], only_users=True)
    await link.refresh_from_db()
    return link


async def find_link(viewer_id: int | None, link_id: int) -> ShareLink | None:
    """`node(id:)` for a link: its dataset's owner only."""
    try:
        return await _managed_link(viewer_id, link_id)
    except NotFound:
        return None


async def links_of(viewer_id: int | None, card: DatasetCard) -> list[ShareLink] | None:
    """`Dataset.shareLinks`: the owner's alone (never through a link), newest first."""
    if card.link is not None or not access.may_manage_links(
        viewer_id, card.facts, card.viewer_grant
    ):
        return None
    return await ShareLink.filter(dataset_id=card.id).order_by("-created_at", "-id")


async def dataset_by_link(token: str) -> tuple[ShareLink, DatasetCard] | None:
    """The dataset behind a token, counting one use; None when the token is unknown, or
    its link revoked or expired. The use is counted by the same UPDATE that checks the
    link is active, so every process counts and decides alike; the dataset's activity
    has it once an hour (`LINK_USED`)."""
    at = now()
    token_hash = hash_token(token)
    async with in_transaction() as conn:
        counted = (
            await ShareLink.filter(token_hash=token_hash, **access.active_link_filter(at))
            .using_db(conn)
            .update(use_count=F("use_count") + 1, last_used_at=at)
        )
        if not counted:
            return None
        link = await ShareLink.filter(token_hash=token_hash).using_db(conn).first()
        if link is None:
            return None
        # Once per link and hour, naming no viewer.
        await activity.record_link_use(conn, link.dataset_id, link.id, link.label)
    card = await card_through_link(link.dataset_id, link_facts(link))
    return (link, card) if card else None


# --- signed download URLs --------------------------------------------------------------


async def signing_key(settings: Settings) -> bytes:
    """LINK_SIGNING_KEY, or the key made on first use and kept in the database, so every
    process of one installation signs and checks alike."""
    if settings.link_signing_key:
        return settings.link_signing_key.encode()
    secret, _ = await ServerSecret.get_or_create(
        name=SIGNING_SECRET, defaults={"value": new_token()}
    )
    return secret.value.encode()


def download_signature(
    key: bytes, link_id: int, dataset_id: int, file_name: str, expires: int
) -> str:
    """For one link and one file: `file_name` as the URL names it ("" for the primary
    file's URL, which names none)."""
    message = f"share-link-download:{link_id}:{dataset_id}:{expires}:{file_name}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class DownloadPermission:
    """The query a link viewer's download URL carries."""

    link_id: int
    expires: int
    signature: str


@dataclass(frozen=True)
class DownloadSigner:
    """Signs the download URLs of one answer through a link: every file's for the same
    15 minutes, each for that file alone."""

    key: bytes = field(repr=False)
    link_id: int
    dataset_id: int
    expires: int

    def permission(self, file_name: str) -> DownloadPermission:
        signature = download_signature(
            self.key, self.link_id, self.dataset_id, file_name, self.expires
        )
        return DownloadPermission(self.link_id, self.expires, signature)


async def download_signer(settings: Settings, link_id: int, dataset_id: int) -> DownloadSigner:
    expires = int((now() + DOWNLOAD_LIFETIME).timestamp())
    return DownloadSigner(await signing_key(settings), link_id, dataset_id, expires)


async def check_download_permission(
    settings: Settings, dataset_id: int | None, file_name: str, permission: DownloadPermission
) -> access.LinkFacts:
    """The link a signed download URL stands for, checked afresh: `NotFound` unless the
    signature holds for that file, it is within its 15 minutes, and the link still allows
    downloads."""
    at = now()
    if dataset_id is None or permission.expires <= at.timestamp():
        raise NotFound("No such file.")
    expected = download_signature(
        await signing_key(settings), permission.link_id, dataset_id, file_name, permission.expires
    )
    if not hmac.compare_digest(expected, permission.signature):
        raise NotFound("No such file.")
    link = await ShareLink.filter(id=permission.link_id, dataset_id=dataset_id).first()
    if link is None:
        raise NotFound("No such file.")
    facts = link_facts(link)
    if not access.may_download_by_link(facts, at):
        raise NotFound("No such file.")
    return facts
