"""Datasets: finding them as a viewer may see them, creating, renaming, deleting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models import Dataset, DatasetKind, ShareGrant, User
from services import access, file_keys
from services.access import DatasetFacts, GrantFacts, Scope
from services.errors import DomainError, Forbidden, InvalidInput, NotFound, collect
from services.settings import Settings


def grant_facts(grant: ShareGrant) -> GrantFacts:
    return GrantFacts(
        granted_by_id=grant.granted_by_id,
        recipient_id=grant.recipient_id,
        can_share=grant.can_share,
        can_modify=grant.can_modify,
    )


def dataset_facts(dataset: Dataset, has_grants: bool) -> DatasetFacts:
    return DatasetFacts(
        owner_id=dataset.owner_id,
        kind=str(dataset.kind),
        is_public=dataset.is_public,
        has_grants=has_grants,
    )


@dataclass
class ViewedDataset:
    """A dataset together with what decides the viewer's rights on it."""

    dataset: Dataset
    viewer_grant: ShareGrant | None
    facts: DatasetFacts

    @property
    def viewer_grant_facts(self) -> GrantFacts | None:
        return grant_facts(self.viewer_grant) if self.viewer_grant else None


async def find_visible(
    viewer_id: int | None,
    dataset_id: int | None,
    *,
    using_db: BaseDBAsyncClient | None = None,
    for_update: bool = False,
) -> ViewedDataset:
    """The dataset as the viewer sees it; `NotFound` when missing or not visible.

    With `for_update`, the dataset row is locked (PostgreSQL) so concurrent changes to
    its grants serialize on it.
    """
    if dataset_id is None:
        raise NotFound("No such dataset.")
    query = Dataset.filter(id=dataset_id).using_db(using_db)
    if for_update:
        query = query.select_for_update()
    dataset = await query.first()
    if dataset is None:
        raise NotFound("No such dataset.")
    grants = ShareGrant.filter(dataset_id=dataset.id).using_db(using_db)
    viewer_grant = (
        await grants.filter(recipient_id=viewer_id).first() if viewer_id is not None else None
    )
    has_grants = viewer_grant is not None or await grants.exists()
    viewed = ViewedDataset(dataset, viewer_grant, dataset_facts(dataset, has_grants))
    if not access.can_view(viewer_id, viewed.facts, viewed.viewer_grant_facts):
        raise NotFound("No such dataset.")
    return viewed


# --- cards: datasets as one viewer sees them, in one query -----------------------------


@dataclass(frozen=True)
class DatasetCard:
    """A dataset with everything a card shows, read as plain values."""

    id: int
    owner_id: int
    name: str
    description: str
    kind: str
    is_public: bool
    created_at: datetime
    updated_at: datetime
    file_name: str | None
    file_content_type: str | None
    file_size: int | None
    file_sha256: str | None
    file_problems: str
    viewer_grant: GrantFacts | None
    has_grants: bool
    owner_display_name: str

    @property
    def facts(self) -> DatasetFacts:
        return DatasetFacts(self.owner_id, self.kind, self.is_public, self.has_grants)


@dataclass(frozen=True)
class CardPage:
    cards: list[DatasetCard]
    has_next: bool


_CARD_COLUMNS = """
    d.id, d.owner_id, d.name, d.description, d.kind, d.is_public, d.created_at, d.updated_at,
    d.file_name, d.file_content_type, d.file_size, d.file_sha256, d.file_problems,
    g.granted_by_id AS g_granted_by_id, g.recipient_id AS g_recipient_id,
    g.can_share AS g_can_share, g.can_modify AS g_can_modify,
    EXISTS (SELECT 1 FROM share_grants h WHERE h.dataset_id = d.id) AS has_grants,
    u.display_name AS owner_display_name
"""
_CARD_OWNER_JOIN = "JOIN users u ON u.id = d.owner_id"


def _timestamp(value: object) -> datetime:
    # PostgreSQL gives datetimes; SQLite gives the text Tortoise stored.
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _card(row: dict[str, Any]) -> DatasetCard:
    grant = (
        GrantFacts(
            granted_by_id=row["g_granted_by_id"],
            recipient_id=row["g_recipient_id"],
            can_share=bool(row["g_can_share"]),
            can_modify=bool(row["g_can_modify"]),
        )
        if row["g_recipient_id"] is not None
        else None
    )
    return DatasetCard(
        id=row["id"],
        owner_id=row["owner_id"],
        name=row["name"],
        description=row["description"],
        kind=str(row["kind"]),
        is_public=bool(row["is_public"]),
        created_at=_timestamp(row["created_at"]),
        updated_at=_timestamp(row["updated_at"]),
        file_name=row["file_name"],
        file_content_type=row["file_content_type"],
        file_size=row["file_size"],
        file_sha256=row["file_sha256"],
        file_problems=row["file_problems"] or "",
        viewer_grant=grant,
        has_grants=bool(row["has_grants"]),
        owner_display_name=row["owner_display_name"],
    )


@dataclass(frozen=True)
class Position:
    """Where a page starts: after this card in (created_at desc, id desc) order."""

    created_at: datetime
    id: int


async def list_cards(
    viewer_id: int | None,
    scope: Scope,
    *,
    kind: str | None = None,
    search: str | None = None,
    first: int = 20,
    after: Position | None = None,
) -> CardPage:
    """One page of the datasets a scope lists, newest first: one SQL statement."""
    connection = connections.get("default")
    dialect = connection.capabilities.dialect
    param = access.SqlParams(dialect)
    join = access.VIEWER_GRANT_JOIN.format(viewer=param(viewer_id if viewer_id else 0))
    conditions = [access.scope_condition(scope, viewer_id, param)]
    if kind:
        conditions.append(f"d.kind = {param(kind)}")
    if search and search.strip():
        pattern = "%" + _escape_like(search.strip().lower()) + "%"
        conditions.append(f"LOWER(d.name) LIKE {param(pattern)} ESCAPE '\\'")
    if after is not None:
        at = after.created_at if dialect == "postgres" else str(after.created_at)
        older = f"d.created_at < {param(at)}"
        same_time = f"d.created_at = {param(at)} AND d.id < {param(after.id)}"
        conditions.append(f"({older} OR ({same_time}))")
    sql = (
        f"SELECT {_CARD_COLUMNS} FROM datasets d {_CARD_OWNER_JOIN} {join} "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY d.created_at DESC, d.id DESC LIMIT {param(first + 1)}"
    )
    rows = await connection.execute_query_dict(sql, param.values)
    cards = [_card(row) for row in rows[:first]]
    return CardPage(cards, has_next=len(rows) > first)


async def find_card(viewer_id: int | None, dataset_id: int) -> DatasetCard | None:
    """One dataset as a card, or None when missing or not visible to the viewer."""
    connection = connections.get("default")
    param = access.SqlParams(connection.capabilities.dialect)
    join = access.VIEWER_GRANT_JOIN.format(viewer=param(viewer_id if viewer_id else 0))
    sql = (
        f"SELECT {_CARD_COLUMNS} FROM datasets d {_CARD_OWNER_JOIN} {join} "
        f"WHERE d.id = {param(dataset_id)}"
    )
    rows = await connection.execute_query_dict(sql, param.values)
    if not rows:
        return None
    card = _card(rows[0])
    return card if access.can_view(viewer_id, card.facts, card.viewer_grant) else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- changes ---------------------------------------------------------------------------

MAX_NAME = 200
MAX_DESCRIPTION = 10_000


def _checked_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME:
        raise InvalidInput(f"A name has 1 to {MAX_NAME} characters.", field="name")
    return name


def _checked_description(description: str) -> str:
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput(
            f"A description has at most {MAX_DESCRIPTION} characters.", field="description"
        )
    return description


async def create_dataset(owner: User, name: str, description: str, kind: str) -> Dataset:
    """Every new dataset is private: visible to its owner alone."""
    errors: list[DomainError] = []
    values: dict[str, str] = {}
    for key, check, value in (
        ("name", _checked_name, name),
        ("description", _checked_description, description),
    ):
        try:
            values[key] = check(value)
        except InvalidInput as error:
            errors.append(error)
    collect(errors)
    return await Dataset.create(
        owner_id=owner.id,
        kind=DatasetKind(kind),
        name=values["name"],
        description=values["description"],
    )


async def update_dataset(
    viewer: User, dataset_id: int | None, name: str | None, description: str | None
) -> int:
    """Rename or describe a dataset: the owner only."""
    errors: list[DomainError] = []
    changes: dict[str, str] = {}
    if name is not None:
        try:
            changes["name"] = _checked_name(name)
        except InvalidInput as error:
            errors.append(error)
    if description is not None:
        try:
            changes["description"] = _checked_description(description)
        except InvalidInput as error:
            errors.append(error)
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn, for_update=True)
        if not access.permissions(viewer.id, viewed.facts, viewed.viewer_grant_facts).can_delete:
            raise Forbidden("Only the owner can rename or describe a dataset.")
        collect(errors)
        if changes:
            viewed.dataset.update_from_dict(changes)
            await viewed.dataset.save(using_db=conn)
        return viewed.dataset.id


async def delete_dataset(viewer: User, dataset_id: int | None, settings: Settings) -> int:
    """Delete a dataset with its grants, annotations and stored files: the owner only."""
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn, for_update=True)
        if not access.permissions(viewer.id, viewed.facts, viewed.viewer_grant_facts).can_delete:
            raise Forbidden("Only the owner can delete a dataset.")
        stored = await file_keys.stored_of(viewed.dataset.id, conn)
        await viewed.dataset.delete(using_db=conn)
    await file_keys.remove(settings, stored)
    return viewed.dataset.id
