"""Datasets: finding them as a viewer may see them, creating, renaming, deleting."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from models import ActivityKind, Dataset, DatasetKind, ShareGrant, TeamMember, User
from services import access, activity, events, file_keys
from services.access import Badge, DatasetFacts, GrantFacts, Permissions, Scope, Visibility
from services.errors import DomainError, Forbidden, InvalidInput, NotFound, collect
from services.settings import Settings


def grant_facts(grant: ShareGrant | CardGrant) -> GrantFacts:
    return GrantFacts(
        granted_by_id=grant.granted_by_id,
        recipient_id=grant.recipient_id,
        can_share=grant.can_share,
        can_modify=grant.can_modify,
        invitation_expires_at=grant.invitation_expires_at,
        expires_at=grant.expires_at,
        team_id=grant.team_id if isinstance(grant, ShareGrant) else None,
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
    viewer_id: int | None
    viewer_grant: ShareGrant | None
    facts: DatasetFacts
    # The grants to the viewer's teams (their confirmed memberships) on the dataset.
    team_grants: list[ShareGrant] = field(default_factory=list)

    @property
    def viewer_grant_facts(self) -> GrantFacts | None:
        """The viewer's effective grant: their own and their teams' merged."""
        own = grant_facts(self.viewer_grant) if self.viewer_grant else None
        teams = [grant_facts(grant) for grant in self.team_grants]
        return access.effective_grant(self.viewer_id, own, teams)

    @property
    def modify_grant_facts(self) -> GrantFacts | None:
        """The same, ending when the viewer's right to annotate ends (`canModify` given)."""
        own = grant_facts(self.viewer_grant) if self.viewer_grant else None
        teams = [grant_facts(grant) for grant in self.team_grants]
        return access.effective_grant(self.viewer_id, own, teams, modifying=True)


async def team_grants_of(
    viewer_id: int | None, dataset_id: int, using_db: BaseDBAsyncClient | None = None
) -> list[ShareGrant]:
    """The grants on a dataset to the teams the viewer is a confirmed member of."""
    if viewer_id is None:
        return []
    teams = TeamMember.filter(user_id=viewer_id).using_db(using_db).values("team_id")
    return await ShareGrant.filter(dataset_id=dataset_id, team_id__in=Subquery(teams)).using_db(
        using_db
    )


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
    team_grants = await team_grants_of(viewer_id, dataset.id, using_db)
    # Only grants that count toward AVAILABLE: pending ones do, expired ones do not.
    has_grants = (
        viewer_grant is not None and access.counts_toward_available(grant_facts(viewer_grant))
    ) or await grants.filter(access.live_grants()).exists()
    viewed = ViewedDataset(
        dataset, viewer_id, viewer_grant, dataset_facts(dataset, has_grants), team_grants
    )
    if not access.can_view(viewer_id, viewed.facts, viewed.viewer_grant_facts):
        raise NotFound("No such dataset.")
    return viewed


# --- cards: datasets as one viewer sees them, in one query -----------------------------


@dataclass(frozen=True)
class CardGrant:
    """The viewer's own accepted grant, read with the card (no query of its own)."""

    id: int
    dataset_id: int
    recipient_email: str
    recipient_id: int | None
    granted_by_id: int
    can_share: bool
    can_modify: bool
    message: str
    created_at: datetime
    updated_at: datetime
    invitation_sent_at: datetime | None
    invitation_expires_at: datetime | None
    expires_at: datetime | None


@dataclass(frozen=True)
class DatasetCard:
    """A dataset with everything a card shows, read as plain values, and what the rules
    give the viewer on it (decided once, here)."""

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
    permissions: Permissions
    badges: list[Badge]
    visibility: Visibility
    own_grant: CardGrant | None
    # The reviewer link the dataset is seen through; None for every other way of seeing it.
    link: access.LinkFacts | None = None
    # The newest grant to one of the viewer's teams on it; None when no team reaches it.
    team_shared_at: datetime | None = None
    # Whether the viewer puts its files in place and removes them (`access.may_upload`).
    may_upload: bool = False

    @cached_property
    def facts(self) -> DatasetFacts:
        return DatasetFacts(self.owner_id, self.kind, self.is_public, self.has_grants)

    @property
    def shared_at(self) -> datetime | None:
        """When the viewer's own grant was made; when only their teams' grants reach it,
        when the newest of those was made; None otherwise (the SHARED_WITH_ME order)."""
        return self.own_grant.created_at if self.own_grant else self.team_shared_at


@dataclass(frozen=True)
class CardPage:
    cards: list[DatasetCard]
    has_next: bool


# `has_grants` is an EXISTS probe of the (dataset_id, recipient_email) index, made only for
# the rows of the page: the select below runs on a page already cut to size.
_CARD_COLUMNS = """
    d.id, d.owner_id, d.name, d.description, d.kind, d.is_public, d.created_at, d.updated_at,
    d.file_name, d.file_content_type, d.file_size, d.file_sha256, d.file_problems,
    g.granted_by_id AS g_granted_by_id, g.recipient_id AS g_recipient_id,
    g.can_share AS g_can_share, g.can_modify AS g_can_modify,
    g.id AS g_id, g.recipient_email AS g_recipient_email, g.message AS g_message,
    g.created_at AS g_created_at, g.updated_at AS g_updated_at,
    g.invitation_sent_at AS g_invitation_sent_at,
    g.invitation_expires_at AS g_invitation_expires_at, g.expires_at AS g_expires_at,
    EXISTS (SELECT 1 FROM share_grants h WHERE h.dataset_id = d.id AND {live_h}) AS has_grants,
    u.display_name AS owner_display_name
"""
_CARD_OWNER_JOIN = "JOIN users u ON u.id = d.owner_id"


# When the teams' grants end, as `access.effective_grant` reads it: the last end of those
# giving the share right when one does, else of them all; NULL when one of those has none.
_TEAM_END = (
    "CASE WHEN MAX(CASE WHEN t.can_share THEN 1 ELSE 0 END) = 1 THEN (CASE WHEN "
    "SUM(CASE WHEN t.can_share AND t.expires_at IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL "
    "ELSE MAX(CASE WHEN t.can_share THEN t.expires_at END) END) "
    "WHEN COUNT(*) > COUNT(t.expires_at) THEN NULL ELSE MAX(t.expires_at) END"
)


def _card_columns(param: access.SqlParams, viewer_id: int) -> str:
    """The card's columns: the first text of its statement, so their parameters come first.
    `has_grants` counts what `access.counts_toward_available` counts; then what the viewer's
    teams' live grants give them: three probes of their memberships per row of the page."""
    columns = _CARD_COLUMNS.format(live_h=access.live_grant_sql("h", param))
    probes = [
        ("MAX(t.created_at)", "t_shared_at"),
        ("MAX(CASE WHEN t.can_share THEN 1 ELSE 0 END)", "t_can_share"),
        ("MAX(CASE WHEN t.can_modify THEN 1 ELSE 0 END)", "t_can_modify"),
        (_TEAM_END, "t_expires_at"),
    ]
    teams = ", ".join(
        f"(SELECT {value} {access.team_grants_of_d(param(viewer_id), param)}) AS {name}"
        for value, name in probes
    )
    return f"{columns}, {teams}"


def _timestamp(value: object) -> datetime:
    # PostgreSQL gives datetimes; SQLite gives the text Tortoise stored.
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _optional_timestamp(value: object) -> datetime | None:
    return None if value is None else _timestamp(value)


def _own_grant(row: dict[str, Any]) -> CardGrant | None:
    if row["g_recipient_id"] is None:
        return None
    return CardGrant(
        id=row["g_id"],
        dataset_id=row["id"],
        recipient_email=row["g_recipient_email"],
        recipient_id=row["g_recipient_id"],
        granted_by_id=row["g_granted_by_id"],
        can_share=bool(row["g_can_share"]),
        can_modify=bool(row["g_can_modify"]),
        message=row["g_message"],
        created_at=_timestamp(row["g_created_at"]),
        updated_at=_timestamp(row["g_updated_at"]),
        invitation_sent_at=_optional_timestamp(row["g_invitation_sent_at"]),
        invitation_expires_at=_optional_timestamp(row["g_invitation_expires_at"]),
        expires_at=_optional_timestamp(row["g_expires_at"]),
    )


def _team_grant(row: dict[str, Any]) -> GrantFacts | None:
    """The viewer's teams' grants on the row's dataset, merged; None when there are none."""
    if row["t_shared_at"] is None:
        return None
    return GrantFacts(
        granted_by_id=0,
        recipient_id=None,
        can_share=bool(row["t_can_share"]),
        can_modify=bool(row["t_can_modify"]),
        expires_at=_optional_timestamp(row["t_expires_at"]),
        team_id=0,
    )


def _card(row: dict[str, Any], viewer_id: int | None) -> DatasetCard:
    own = _own_grant(row)
    team = _team_grant(row)
    grant = access.effective_grant(
        viewer_id, grant_facts(own) if own else None, [team] if team else []
    )
    facts = DatasetFacts(
        owner_id=row["owner_id"],
        kind=str(row["kind"]),
        is_public=bool(row["is_public"]),
        has_grants=bool(row["has_grants"]),
    )
    return DatasetCard(
        id=row["id"],
        owner_id=row["owner_id"],
        name=row["name"],
        description=row["description"],
        kind=facts.kind,
        is_public=facts.is_public,
        created_at=_timestamp(row["created_at"]),
        updated_at=_timestamp(row["updated_at"]),
        file_name=row["file_name"],
        file_content_type=row["file_content_type"],
        file_size=row["file_size"],
        file_sha256=row["file_sha256"],
        file_problems=row["file_problems"] or "",
        viewer_grant=grant,
        has_grants=facts.has_grants,
        owner_display_name=row["owner_display_name"],
        permissions=access.permissions(viewer_id, facts, grant),
        badges=access.badges(viewer_id, facts, grant),
        visibility=access.visibility(facts),
        own_grant=own,
        team_shared_at=_optional_timestamp(row["t_shared_at"]),
        may_upload=access.may_upload(viewer_id, facts, grant),
    )


class Order(StrEnum):
    """How a listing is ordered, newest first."""

    NEWEST_DATASET = "dataset"  # the dataset's created_at, then its id
    NEWEST_SHARE = "share"  # the viewer's grant's created_at, then the grant's id


def order_of(scope: Scope) -> Order:
    """SHARED_WITH_ME lists newest share first; every other scope newest dataset first."""
    return Order.NEWEST_SHARE if scope is Scope.SHARED_WITH_ME else Order.NEWEST_DATASET


@dataclass(frozen=True)
class Position:
    """Where a page starts: after the card at this (time desc, id desc) in `order`."""

    created_at: datetime
    id: int
    order: Order = Order.NEWEST_DATASET


def position_of(card: DatasetCard, order: Order) -> Position:
    """The position of a card in a listing of that order (a cursor encodes it)."""
    if order is Order.NEWEST_SHARE:
        assert card.shared_at is not None, "a share listing holds what was shared with the viewer"
        return Position(card.shared_at, card.id, order)
    return Position(card.created_at, card.id, order)


def _walk_sql(
    walk: access.ScopeWalk,
    param: access.SqlParams,
    viewer_id: int,
    filters: list[tuple[str, object]],
    after: Position | None,
    limit: int,
) -> str:
    """One index walk cut to the page: rows (id, sort_at) in the walk's own order.

    Placeholders are made in reading order (SQLite's are positional).
    """
    hint = f" INDEXED BY {walk.index}" if param.dialect == "sqlite" else ""
    source = walk.source.format(hint=hint)
    conditions = [walk.where(viewer_id, param)]
    conditions += [template.format(param(value)) for template, value in filters]
    if after is not None:
        at = after.created_at if param.dialect == "postgres" else str(after.created_at)
        # A row comparison: the index serves it as one range condition.
        conditions.append(
            f"({walk.sort_column}, {walk.id_column}) < ({param(at)}, {param(after.id)})"
        )
    return (
        f"SELECT {walk.id_column} AS id, {walk.sort_column} AS sort_at FROM {source} "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY {walk.sort_column} DESC, {walk.id_column} DESC LIMIT {param(limit)}"
    )


def _page_sql(
    walks: list[access.ScopeWalk],
    param: access.SqlParams,
    viewer_id: int,
    filters: list[tuple[str, object]],
    after: Position | None,
    limit: int,
) -> str:
    """The page's (id, sort_at) rows: one walk as it is, several merged.

    Each walk is cut to the page before the merge, so a page reads O(page) rows per walk
    rather than every row a scope could list.
    """
    if len(walks) == 1:
        return _walk_sql(walks[0], param, viewer_id, filters, after, limit)
    arms = " UNION ".join(
        f"SELECT id, sort_at FROM ({_walk_sql(walk, param, viewer_id, filters, after, limit)}) w{n}"
        for n, walk in enumerate(walks)
    )
    return f"{arms} ORDER BY sort_at DESC, id DESC LIMIT {param(limit)}"


@dataclass(frozen=True)
class PageRequest:
    """Which page of cards a viewer asks for."""

    viewer_id: int | None
    scope: Scope
    kind: str | None = None
    search: str | None = None
    first: int = 20
    after: Position | None = None


def listing_statement(dialect: str, request: PageRequest) -> tuple[str, list[object]] | None:
    """The one SQL statement (and its parameters) of a page; None when the scope lists
    nothing for this viewer."""
    walks = access.scope_walks(request.scope, request.viewer_id)
    if not walks:
        return None
    param = access.SqlParams(dialect)
    columns = _card_columns(param, request.viewer_id or 0)
    filters: list[tuple[str, object]] = []
    if request.kind:
        filters.append(("d.kind = {}", request.kind))
    if request.search and request.search.strip():
        # On PostgreSQL a pg_trgm GIN index on LOWER(name) serves this; SQLite scans.
        pattern = "%" + _escape_like(request.search.strip().lower()) + "%"
        filters.append(("LOWER(d.name) LIKE {} ESCAPE '\\'", pattern))
    viewer = request.viewer_id or 0
    page = _page_sql(walks, param, viewer, filters, request.after, request.first + 1)
    join = access.viewer_grant_join(viewer, param)
    sql = (
        f"SELECT {columns} FROM ({page}) p JOIN datasets d ON d.id = p.id "
        f"{_CARD_OWNER_JOIN} {join} ORDER BY p.sort_at DESC, p.id DESC"
    )
    return sql, param.values


async def list_cards(
    viewer_id: int | None,
    scope: Scope,
    *,
    kind: str | None = None,
    search: str | None = None,
    first: int = 20,
    after: Position | None = None,
) -> CardPage:
    """One page of the datasets a scope lists, in the scope's order: one SQL statement.

    Newest dataset first; SHARED_WITH_ME newest share first. `after` must be a position
    in the scope's own order (`order_of`).
    """
    order = order_of(scope)
    if after is not None and after.order is not order:
        raise InvalidInput("`after` is not a cursor of this list.", field="after")
    connection = connections.get("default")
    request = PageRequest(viewer_id, scope, kind, search, first, after)
    statement = listing_statement(connection.capabilities.dialect, request)
    if statement is None:
        return CardPage([], has_next=False)
    rows = await connection.execute_query_dict(*statement)
    cards = [_card(row, viewer_id) for row in rows[:first]]
    return CardPage(cards, has_next=len(rows) > first)


async def find_card(viewer_id: int | None, dataset_id: int) -> DatasetCard | None:
    """One dataset as a card, or None when missing or not visible to the viewer."""
    card = await _read_card(viewer_id, dataset_id)
    return card if card and card.permissions.can_view else None


async def card_through_link(dataset_id: int, link: access.LinkFacts) -> DatasetCard | None:
    """The dataset as a link viewer sees it, whoever they are: the link's rights alone
    (the caller has found the link active)."""
    card = await _read_card(None, dataset_id)
    if card is None:
        return None
    return replace(
        card,
        viewer_grant=None,
        own_grant=None,
        permissions=access.link_permissions(link),
        badges=access.link_badges(card.facts),
        link=link,
        may_upload=False,
    )


async def _read_card(viewer_id: int | None, dataset_id: int) -> DatasetCard | None:
    """The dataset as a card for the viewer, whether they may see it or not."""
    connection = connections.get("default")
    param = access.SqlParams(connection.capabilities.dialect)
    columns = _card_columns(param, viewer_id or 0)
    join = access.viewer_grant_join(viewer_id, param)
    sql = (
        f"SELECT {columns} FROM datasets d {_CARD_OWNER_JOIN} {join} "
        f"WHERE d.id = {param(dataset_id)}"
    )
    rows = await connection.execute_query_dict(sql, param.values)
    return _card(rows[0], viewer_id) if rows else None


async def dataset_ids_in_scope(viewer_id: int, scope: Scope) -> set[int]:
    """The ids of every dataset a scope lists for the viewer (live subscriptions start
    from what the viewer sees)."""
    connection = connections.get("default")
    param = access.SqlParams(connection.capabilities.dialect)
    join = access.viewer_grant_join(viewer_id, param)
    condition = access.scope_condition(scope, viewer_id, param)
    rows = await connection.execute_query_dict(
        f"SELECT d.id FROM datasets d {join} WHERE {condition}", param.values
    )
    return {int(row["id"]) for row in rows}


async def people_of(dataset_id: int) -> set[int]:
    """Its owner, the users holding an accepted grant on it and the confirmed members of
    teams holding one: whom a change to it may concern (a change is announced to those it
    concerned before through their own subscriptions)."""
    connection = connections.get("default")
    param = access.SqlParams(connection.capabilities.dialect)
    rows = await connection.execute_query_dict(
        f"SELECT owner_id AS user_id FROM datasets WHERE id = {param(dataset_id)} "
        "UNION SELECT recipient_id FROM share_grants "
        f"WHERE dataset_id = {param(dataset_id)} AND recipient_id IS NOT NULL "
        "UNION SELECT m.user_id FROM share_grants s "
        "JOIN team_members m ON m.team_id = s.team_id "
        f"WHERE s.dataset_id = {param(dataset_id)} AND m.user_id IS NOT NULL",
        param.values,
    )
    return {int(row["user_id"]) for row in rows}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- changes ---------------------------------------------------------------------------

MAX_NAME = 200
MAX_DESCRIPTION = 10_000


def checked_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME:
        raise InvalidInput(f"A name has 1 to {MAX_NAME} characters.", field="name")
    return name


def checked_description(description: str) -> str:
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
        ("name", checked_name, name),
        ("description", checked_description, description),
    ):
        try:
            values[key] = check(value)
        except InvalidInput as error:
            errors.append(error)
    collect(errors)
    async with in_transaction() as conn:
        dataset = await Dataset.create(
            owner_id=owner.id,
            kind=DatasetKind(kind),
            name=values["name"],
            description=values["description"],
            using_db=conn,
        )
        await activity.record_by(
            conn,
            dataset.id,
            ActivityKind.CREATED,
            owner.id,
            name=dataset.name,
            kind=str(dataset.kind),
        )
        await events.publish(conn, dataset.id)
    return dataset


async def update_dataset(
    viewer: User, dataset_id: int | None, name: str | None, description: str | None
) -> int:
    """Rename or describe a dataset: the owner only."""
    errors: list[DomainError] = []
    changes: dict[str, str] = {}
    if name is not None:
        try:
            changes["name"] = checked_name(name)
        except InvalidInput as error:
            errors.append(error)
    if description is not None:
        try:
            changes["description"] = checked_description(description)
        except InvalidInput as error:
            errors.append(error)
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn, for_update=True)
        if not access.may_rename(viewer.id, viewed.facts, viewed.viewer_grant_facts):
            raise Forbidden("Only the owner can rename or describe a dataset.")
        collect(errors)
        if changes:
            old_name = viewed.dataset.name
            viewed.dataset.update_from_dict(changes)
            await viewed.dataset.save(using_db=conn)
            if viewed.dataset.name != old_name:
                await activity.record_by(
                    conn,
                    viewed.dataset.id,
                    ActivityKind.RENAMED,
                    viewer.id,
                    oldName=old_name,
                    newName=viewed.dataset.name,
                )
            await events.publish(conn, viewed.dataset.id)
        return viewed.dataset.id


async def delete_dataset(viewer: User, dataset_id: int | None, settings: Settings) -> int:
    """Delete a dataset with its grants, annotations and stored files: the owner only."""
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn, for_update=True)
        if not access.permissions(viewer.id, viewed.facts, viewed.viewer_grant_facts).can_delete:
            raise Forbidden("Only the owner can delete a dataset.")
        stored = await file_keys.stored_of(viewed.dataset.id, conn)
        await viewed.dataset.delete(using_db=conn)
        await events.publish(conn, viewed.dataset.id)
    await file_keys.remove(settings, stored)
    return viewed.dataset.id
