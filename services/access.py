"""The one module that decides access: the roles and rules of SPEC section 2.

Every decision is a plain function over plain facts (a dataset, a viewer's id, the
viewer's accepted grant, a target grant), so the rules can be read, tested as a table,
and asked from any read or mutation. Nothing else re-derives a rule.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from tortoise import connections
from tortoise.expressions import Q

from services.clock import now
from services.errors import AlreadyHasAccess, Forbidden, InvalidInput, NotFound


class Role(StrEnum):
    OWNER = "OWNER"
    RECIPIENT = "RECIPIENT"
    PUBLIC_VIEWER = "PUBLIC_VIEWER"
    # Sees the dataset through a reviewer link (SPEC section 12), never through a rule above.
    LINK_VIEWER = "LINK_VIEWER"
    NOBODY = "NOBODY"
    # Never a viewer's role: an access list's row of a team holding a grant.
    TEAM = "TEAM"


class Badge(StrEnum):
    OWNER = "OWNER"
    SHARED_WITH_ME = "SHARED_WITH_ME"
    PRIVATE = "PRIVATE"
    AVAILABLE = "AVAILABLE"
    PUBLIC = "PUBLIC"


class Visibility(StrEnum):
    PRIVATE = "PRIVATE"
    AVAILABLE = "AVAILABLE"
    PUBLIC = "PUBLIC"


class Scope(StrEnum):
    MINE = "MINE"
    OWNED = "OWNED"
    SHARED_WITH_ME = "SHARED_WITH_ME"
    PUBLIC = "PUBLIC"
    ALL = "ALL"


IMAGE = "IMAGE"


@dataclass(frozen=True)
class DatasetFacts:
    """What the rules need to know of a dataset."""

    owner_id: int
    kind: str
    is_public: bool
    # Any grant that counts for AVAILABLE (`counts_toward_available`): pending ones do,
    # expired ones do not.
    has_grants: bool = False

    @property
    def annotatable(self) -> bool:
        return self.kind == IMAGE


@dataclass(frozen=True)
class GrantFacts:
    """What the rules need to know of a grant."""

    granted_by_id: int
    recipient_id: int | None  # None while pending, and on a grant to a team
    can_share: bool
    can_modify: bool
    # A pending grant is no longer accepted after this; None once accepted (or never set).
    invitation_expires_at: datetime | None = None
    # The grant gives nothing from this instant on; None: it has no end.
    expires_at: datetime | None = None
    # Set on a grant to a team (SPEC section 14): its confirmed members hold it.
    team_id: int | None = None

    @property
    def pending(self) -> bool:
        return self.recipient_id is None and self.team_id is None


def effective_grant(
    viewer_id: int | None,
    own: GrantFacts | None,
    team_grants: list[GrantFacts],
    *,
    modifying: bool = False,
) -> GrantFacts | None:
    """The viewer's rights on a dataset as one grant: the union of their own accepted grant
    and the grants to the teams they are a confirmed member of (SPEC section 14).

    Every rule below reads the viewer's grant through this: whoever holds a team's grant is
    a recipient, shares if any of the grants lets them share, annotates if any lets them
    modify. `granted_by_id` is the own grant's (0 when only teams' grants reach it): no rule
    reads it of the viewer's own grant. Its `expires_at` is when its share right ends (the
    last end of the grants letting the viewer share; of them all when none does): nobody
    hands out, through a team, a grant outliving that right (no escalation in time). With
    `modifying`, it is when its right to annotate ends, for handing out `canModify`.
    """
    held = [grant for grant in ([own] if own else []) if _holds(grant, viewer_id)]
    held += [grant for grant in team_grants if not grant_expired(grant)]
    if viewer_id is None or not held:
        return None
    if len(held) == 1 and held[0] is own:
        return own
    can_share = any(grant.can_share for grant in held)
    can_modify = any(grant.can_modify for grant in held)
    if modifying:
        ending = [grant for grant in held if grant.can_modify or not can_modify]
    else:
        ending = [grant for grant in held if grant.can_share or not can_share]
    return GrantFacts(
        granted_by_id=own.granted_by_id if own in held and own else 0,
        recipient_id=viewer_id,
        can_share=can_share,
        can_modify=can_modify,
        expires_at=_latest_end(ending),
    )


def _latest_end(grants: list[GrantFacts]) -> datetime | None:
    """When the last of the grants ends (None: one of them has no end)."""
    ends = [grant.expires_at for grant in grants]
    return None if any(end is None for end in ends) else max(e for e in ends if e is not None)


def grant_expired(grant: GrantFacts, at: datetime | None = None) -> bool:
    """From the instant its `expires_at` passes, a grant gives nothing (SPEC section 11).

    Decided whenever a rule is asked, against the clock (`at` defaults to now): every
    process agrees at the same instant, with no job that may run late. `live_grant_sql` and
    `live_grants` are its SQL forms.
    """
    return grant.expires_at is not None and grant.expires_at <= (now() if at is None else at)


def counts_toward_available(grant: GrantFacts, at: datetime | None = None) -> bool:
    """Does the grant make its dataset AVAILABLE? Pending ones do; expired ones do not."""
    return not grant_expired(grant, at)


@dataclass(frozen=True)
class Permissions:
    can_view: bool
    can_download: bool
    can_share: bool
    can_modify: bool
    can_set_public: bool
    can_manage_access: bool
    can_delete: bool


NO_PERMISSIONS = Permissions(False, False, False, False, False, False, False)


def _holds(grant: GrantFacts | None, viewer_id: int | None) -> bool:
    """A grant counts for the viewer only once accepted and bound to them, until it expires."""
    return (
        grant is not None
        and viewer_id is not None
        and not grant.pending
        and grant.recipient_id == viewer_id
        and not grant_expired(grant)
    )


def role_of(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> Role:
    """The viewer's role; `grant` is the viewer's effective grant on the dataset, if any
    (`effective_grant`: their own and their teams')."""
    if viewer_id is not None and viewer_id == dataset.owner_id:
        return Role.OWNER
    if _holds(grant, viewer_id):
        return Role.RECIPIENT
    if dataset.is_public:
        return Role.PUBLIC_VIEWER
    return Role.NOBODY


def can_view(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> bool:
    return role_of(viewer_id, dataset, grant) is not Role.NOBODY


def permissions(
    viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None
) -> Permissions:
    role = role_of(viewer_id, dataset, grant)
    if role is Role.NOBODY:
        return NO_PERMISSIONS
    owner = role is Role.OWNER
    recipient_grant = grant if role is Role.RECIPIENT else None
    can_share = owner or bool(recipient_grant and recipient_grant.can_share)
    can_modify = dataset.annotatable and (
        owner or bool(recipient_grant and recipient_grant.can_modify)
    )
    return Permissions(
        can_view=True,
        can_download=True,
        can_share=can_share,
        can_modify=can_modify,
        can_set_public=owner,
        can_manage_access=can_share,
        can_delete=owner,
    )


def may_upload(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> bool:
    """Only the owner puts a dataset's files in place (whole or resumed) or removes one."""
    return role_of(viewer_id, dataset, grant) is Role.OWNER


def may_rename(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> bool:
    """Only the owner renames or describes a dataset."""
    return role_of(viewer_id, dataset, grant) is Role.OWNER


def badges(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> list[Badge]:
    """The status icons of a dataset card, from the viewer's side, in order."""
    role = role_of(viewer_id, dataset, grant)
    shown: list[Badge] = []
    if role is Role.OWNER:
        shown.append(Badge.OWNER)
    elif role is Role.RECIPIENT:
        shown.append(Badge.SHARED_WITH_ME)
    shown.append(Badge(visibility(dataset).value))
    return shown


def visibility(dataset: DatasetFacts) -> Visibility:
    if dataset.is_public:
        return Visibility.PUBLIC
    if dataset.has_grants:
        return Visibility.AVAILABLE
    return Visibility.PRIVATE


# --- sharing -------------------------------------------------------------------------


@dataclass(frozen=True)
class Ending:
    """The end a grant being handed out or changed is given: `expires_at` (None: no end)."""

    expires_at: datetime | None


def check_share(
    viewer_id: int,
    dataset: DatasetFacts,
    viewer_grant: GrantFacts | None,
    *,
    can_modify: bool,
    ending: Ending | None = None,
) -> None:
    """May the viewer hand out a grant (with `canModify` or not, ending as `ending` says; None:
    its end is left as it is)? Raises the reason if not.

    `canShare` needs no check of its own: whoever may share may let others share too.
    """
    rights = permissions(viewer_id, dataset, viewer_grant)
    if not rights.can_share:
        raise Forbidden("You may not share this dataset.")
    if can_modify and not dataset.annotatable:
        raise InvalidInput(
            "Only images can be annotated: canModify is for IMAGE datasets.", field="canModify"
        )
    if can_modify and not rights.can_modify:
        raise Forbidden("You cannot grant a right you do not have: canModify.", field="canModify")
    if ending is not None:
        check_ending(viewer_id, dataset, viewer_grant, ending)


def check_ending(
    viewer_id: int, dataset: DatasetFacts, viewer_grant: GrantFacts | None, ending: Ending
) -> None:
    """No escalation in time: a recipient whose own grant expires hands out only grants that
    expire no later, and clears no expiry. The owner gives any end."""
    if role_of(viewer_id, dataset, viewer_grant) is not Role.RECIPIENT:
        return
    assert viewer_grant is not None, "a recipient holds a grant"
    own_end = viewer_grant.expires_at
    if own_end is None:
        return
    if ending.expires_at is None:
        raise Forbidden(
            "Your own access ends: a grant you give must end no later than yours.",
            field="expiresAt",
        )
    if ending.expires_at > own_end:
        raise Forbidden(
            "You cannot give access beyond the end of your own: "
            f"yours ends at {own_end.isoformat()}.",
            field="expiresAt",
        )


def may_update_grant(
    viewer_id: int, dataset: DatasetFacts, viewer_grant: GrantFacts | None, target: GrantFacts
) -> bool:
    """The owner updates any grant; a sharer the grants they made themselves."""
    role = role_of(viewer_id, dataset, viewer_grant)
    if role is Role.OWNER:
        return True
    return (
        role is Role.RECIPIENT
        and permissions(viewer_id, dataset, viewer_grant).can_share
        and target.granted_by_id == viewer_id
    )


def may_revoke_grant(
    viewer_id: int, dataset: DatasetFacts, viewer_grant: GrantFacts | None, target: GrantFacts
) -> bool:
    """Managers revoke what they may update; any recipient may leave (revoke their own)."""
    if may_update_grant(viewer_id, dataset, viewer_grant, target):
        return True
    return target.recipient_id is not None and target.recipient_id == viewer_id


def invitation_expired(grant: GrantFacts, at: datetime) -> bool:
    """A pending grant whose invitation has run out: confirming its address no longer
    accepts it (until the invitation is sent again)."""
    return (
        grant.pending
        and grant.invitation_expires_at is not None
        and grant.invitation_expires_at <= at
    )


def shown_expired(grant: GrantFacts, at: datetime) -> bool:
    """What `expired` says of a grant in the access list: it has passed its end, or it is a
    pending invitation that ran out."""
    return grant_expired(grant, at) or invitation_expired(grant, at)


def check_resend_invitation(
    viewer_id: int, dataset: DatasetFacts, viewer_grant: GrantFacts | None, target: GrantFacts
) -> None:
    """Whoever may update a grant may send its invitation again, while it is pending."""
    if not may_update_grant(viewer_id, dataset, viewer_grant, target):
        raise Forbidden("You may not send this invitation again.")
    if not target.pending:
        raise InvalidInput(
            "This invitation was accepted: only pending invitations are sent again.",
            field="grantId",
        )


def may_see_grant(
    viewer_id: int | None,
    dataset: DatasetFacts,
    viewer_grant: GrantFacts | None,
    target: GrantFacts,
) -> bool:
    """A grant is seen by those who manage the dataset's access, and by its recipient."""
    if viewer_id is None or not can_view(viewer_id, dataset, viewer_grant):
        return False
    if permissions(viewer_id, dataset, viewer_grant).can_manage_access:
        return True
    return target.recipient_id == viewer_id


@dataclass(frozen=True)
class EntryRights:
    """What one row of the access list shows: the person's rights, and whether the viewer
    may change them."""

    can_share: bool
    can_modify: bool
    viewer_can_change: bool


def owner_entry(dataset: DatasetFacts) -> EntryRights:
    """The owner's row: they share, they annotate what takes annotations, and nobody may
    change or revoke their access."""
    return EntryRights(can_share=True, can_modify=dataset.annotatable, viewer_can_change=False)


def grant_entry(
    viewer_id: int, dataset: DatasetFacts, viewer_grant: GrantFacts | None, target: GrantFacts
) -> EntryRights:
    """A grant's row: its flags, changeable by whoever may revoke it."""
    return EntryRights(
        can_share=target.can_share,
        can_modify=target.can_modify,
        viewer_can_change=may_revoke_grant(viewer_id, dataset, viewer_grant, target),
    )


def check_grant_update(
    viewer_id: int,
    dataset: DatasetFacts,
    viewer_grant: GrantFacts | None,
    target: GrantFacts,
    *,
    can_modify: bool,
    ending: Ending | None = None,
) -> None:
    """May the viewer change `target` (adding `canModify` or not; giving it a new end or
    not)? Raises the reason if not."""
    if not may_update_grant(viewer_id, dataset, viewer_grant, target):
        raise Forbidden("You may not change this grant.")
    check_share(viewer_id, dataset, viewer_grant, can_modify=can_modify, ending=ending)


def check_reshare(
    viewer_id: int,
    dataset: DatasetFacts,
    viewer_grant: GrantFacts | None,
    existing: GrantFacts,
    field: str,
) -> None:
    """Sharing again with someone who has a grant updates it, if the viewer manages it."""
    if not may_update_grant(viewer_id, dataset, viewer_grant, existing):
        raise AlreadyHasAccess(
            "This person already has access through someone else's invitation.", field=field
        )


# --- teams (SPEC section 14) -------------------------------------------------------------

MANAGER = "MANAGER"


@dataclass(frozen=True)
class TeamFacts:
    """What the team rules need: the viewer's role in the team (None when not a confirmed
    member), and how many managers and members (pending ones included) it has."""

    viewer_role: str | None
    managers: int
    members: int


def may_see_team(team: TeamFacts) -> bool:
    """A team is visible only to its confirmed members; for anyone else it does not exist."""
    return team.viewer_role is not None


def check_manage_team(team: TeamFacts) -> None:
    """Rename, add and remove members, change roles, delete: managers only."""
    if not may_see_team(team):
        raise NotFound("No such team.")
    if team.viewer_role != MANAGER:
        raise Forbidden("Only a team's managers may do this.")


def check_lose_manager(team: TeamFacts, target_role: str, *, leaving: bool) -> None:
    """The last manager can neither leave nor step down while anyone else remains (pending
    members included); alone, they may leave (the team goes with them) but not step down."""
    if target_role != MANAGER or team.managers > 1:
        return
    if leaving and team.members == 1:
        return
    raise Forbidden(
        "A team needs a manager: make someone else a manager first, or delete the team."
    )


def check_remove_member(team: TeamFacts, target_user_id: int | None, viewer_id: int) -> None:
    """Managers remove anyone; anyone removes themselves (leaves)."""
    if not may_see_team(team):
        raise NotFound("No such team.")
    if target_user_id != viewer_id:
        check_manage_team(team)


# --- annotations -----------------------------------------------------------------------


def may_annotate(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> bool:
    """Create annotations: an image, and the owner or a recipient with canModify."""
    return permissions(viewer_id, dataset, grant).can_modify


def check_annotate(viewer_id: int, dataset: DatasetFacts, grant: GrantFacts | None) -> None:
    """May the viewer draw on this dataset (one they may see)? Raises the reason if not."""
    if not dataset.annotatable:
        raise InvalidInput(
            "Only images can be annotated; this is an MSI dataset.", field="datasetId"
        )
    if not may_annotate(viewer_id, dataset, grant):
        raise Forbidden("You may view this image but not annotate it.")


def may_edit_annotation(
    viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None, author_id: int
) -> bool:
    """The owner edits any; an author their own while they still hold canModify."""
    role = role_of(viewer_id, dataset, grant)
    if role is Role.OWNER:
        return dataset.annotatable
    return author_id == viewer_id and may_annotate(viewer_id, dataset, grant)


# --- reviewer links (SPEC section 12) ------------------------------------------------


@dataclass(frozen=True)
class LinkFacts:
    """What the rules need to know of a reviewer link."""

    anonymous: bool
    allow_download: bool
    expires_at: datetime
    revoked_at: datetime | None = None


def link_active(link: LinkFacts, at: datetime) -> bool:
    """A link works while it is neither revoked nor expired; `active_link_filter` is its
    database form."""
    return link.revoked_at is None and link.expires_at > at


def active_link_filter(at: datetime) -> dict[str, object]:
    """`link_active` as a filter on share links: one atomic statement can check a link and
    count its use, so every process agrees."""
    return {"revoked_at__isnull": True, "expires_at__gt": at}


def link_permissions(link: LinkFacts) -> Permissions:
    """A link viewer, signed in or not, views; downloads if the link allows; nothing else."""
    return Permissions(
        can_view=True,
        can_download=link.allow_download,
        can_share=False,
        can_modify=False,
        can_set_public=False,
        can_manage_access=False,
        can_delete=False,
    )


def link_badges(dataset: DatasetFacts) -> list[Badge]:
    """A link viewer has no relation to the dataset: the badges show its visibility alone."""
    return [Badge(visibility(dataset).value)]


def may_manage_links(
    viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None
) -> bool:
    """Only the owner creates, sees and revokes a dataset's reviewer links."""
    return role_of(viewer_id, dataset, grant) is Role.OWNER


def check_manage_links(viewer_id: int, dataset: DatasetFacts, grant: GrantFacts | None) -> None:
    """May the viewer (who sees the dataset) make or revoke its links? Raises if not."""
    if not may_manage_links(viewer_id, dataset, grant):
        raise Forbidden("Only the owner makes reviewer links.")


def may_download_by_link(link: LinkFacts, at: datetime) -> bool:
    """A link's download URL works while the link does, and only if it allows downloads."""
    return link_active(link, at) and link_permissions(link).can_download


def may_read_activity(
    viewer_id: int | None,
    dataset: DatasetFacts,
    grant: GrantFacts | None,
    link: LinkFacts | None = None,
) -> bool:
    """Only the owner reads a dataset's activity (never through a reviewer link): recipients,
    team members, public and link viewers read nothing of it (SPEC section 16)."""
    return link is None and role_of(viewer_id, dataset, grant) is Role.OWNER


def link_hides_people(link: LinkFacts | None) -> bool:
    """An anonymous link shows a stand-in for every person: owner, authors, granters."""
    return link is not None and link.anonymous


# --- people ---------------------------------------------------------------------------


def may_see_email(viewer_id: int | None, user_id: int, managed_recipient_ids: set[int]) -> bool:
    """An address is shown to its user, and to whoever manages a grant of theirs."""
    if viewer_id is None:
        return False
    return viewer_id == user_id or user_id in managed_recipient_ids


@dataclass(frozen=True)
class Acquaintance:
    """How a viewer meets a user through data the viewer may see."""

    confirmed: bool
    # The user owns a dataset the viewer may see.
    owns_a_visible_dataset: bool = False
    # The user holds or made a grant shown in an access list the viewer may see.
    in_a_visible_access_list: bool = False
    # The user drew an annotation the viewer may see.
    authored_a_visible_annotation: bool = False
    # The user made the viewer's own accepted grant, or a live grant to a team of theirs.
    granted_to_the_viewer: bool = False
    # The user did something recorded in the activity of a dataset the viewer owns.
    acted_on_the_viewers_dataset: bool = False
    # The user is in a team the viewer is a member of (its members list shows them).
    in_a_team_with_the_viewer: bool = False


def may_see_user(viewer_id: int | None, user_id: int, met: Acquaintance) -> bool:
    """A user is seen by themselves and by those who meet them through data they may see;
    for anyone else (anonymous included) they do not exist. Unconfirmed accounts never."""
    if not met.confirmed:
        return False
    if viewer_id is not None and viewer_id == user_id:
        return True
    return (
        met.owns_a_visible_dataset
        or met.in_a_visible_access_list
        or met.authored_a_visible_annotation
        or met.granted_to_the_viewer
        or met.acted_on_the_viewers_dataset
        or met.in_a_team_with_the_viewer
    )


async def may_see_email_of(
    viewer_id: int | None,
    user_id: int,
    managed_recipient_ids: Callable[[], Awaitable[set[int]]],
) -> bool:
    """`may_see_email`, asking whom the viewer manages only when the answer depends on it:
    never for an anonymous viewer, nor for their own address."""
    if viewer_id is None or viewer_id == user_id:
        return may_see_email(viewer_id, user_id, set())
    return may_see_email(viewer_id, user_id, await managed_recipient_ids())


def managed_recipients_statement(dialect: str, viewer_id: int) -> tuple[str, list[object]]:
    """Users holding a grant the viewer may update: the SQL form of `may_update_grant`.

    Index walks, one per way of managing a grant (owning the dataset; having made the
    grant while holding `canShare` by one's own grant, or by a team's), so the cost follows
    the viewer's own datasets, grants and teams rather than the whole grants table.
    """
    param = SqlParams(dialect)
    owned = (
        "SELECT h.recipient_id FROM datasets d JOIN share_grants h ON h.dataset_id = d.id "
        f"WHERE d.owner_id = {param(viewer_id)} AND h.recipient_id IS NOT NULL"
    )
    made = (
        "SELECT h.recipient_id FROM share_grants s "
        "JOIN share_grants h ON h.dataset_id = s.dataset_id "
        f"WHERE s.recipient_id = {param(viewer_id)} AND s.can_share "
        f"AND {live_grant_sql('s', param)} "
        f"AND h.granted_by_id = {param(viewer_id)} AND h.recipient_id IS NOT NULL"
    )
    # The same through a team's grant that lets its members share (SPEC section 14).
    made_as_member = (
        "SELECT h.recipient_id FROM team_members m "
        "JOIN share_grants s ON s.team_id = m.team_id "
        "JOIN share_grants h ON h.dataset_id = s.dataset_id "
        f"WHERE m.user_id = {param(viewer_id)} AND s.can_share "
        f"AND {live_grant_sql('s', param)} "
        f"AND h.granted_by_id = {param(viewer_id)} AND h.recipient_id IS NOT NULL"
    )
    return f"{owned} UNION {made} UNION {made_as_member}", param.values


async def managed_recipient_ids(viewer_id: int) -> set[int]:
    """Users whose addresses the viewer may see because they manage a grant of theirs."""
    connection = connections.get("default")
    statement = managed_recipients_statement(connection.capabilities.dialect, viewer_id)
    rows = await connection.execute_query_dict(*statement)
    return {int(row["recipient_id"]) for row in rows}


# --- listings: which datasets a scope lists ---------------------------------------------


def in_scope(
    scope: Scope, viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None
) -> bool:
    """Does the scope list this dataset for the viewer? `scope_condition` is its SQL form."""
    role = role_of(viewer_id, dataset, grant)
    if scope is Scope.OWNED:
        return role is Role.OWNER
    if scope is Scope.SHARED_WITH_ME:
        return role is Role.RECIPIENT
    if scope is Scope.MINE:
        return role in (Role.OWNER, Role.RECIPIENT)
    if scope is Scope.PUBLIC:
        return dataset.is_public
    return role is not Role.NOBODY


# --- the same rules as SQL, for listings -----------------------------------------------


class SqlParams:
    """Collects parameters and writes the placeholder of the database's dialect.

    SQLite's `?` placeholders are positional: call it in the order the SQL text reads.
    """

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.values: list[object] = []
        self._now: datetime | None = None

    def __call__(self, value: object) -> str:
        self.values.append(value)
        return f"${len(self.values)}" if self.dialect == "postgres" else "?"

    def time(self, value: datetime) -> str:
        """A point in time: SQLite compares Tortoise's text form of it, str(datetime) in UTC."""
        return self(value if self.dialect == "postgres" else str(value))

    def now(self) -> str:
        """The clock's time, read once per statement: every rule in it asks the same instant."""
        if self._now is None:
            self._now = now()
        return self.time(self._now)


def live_grant_sql(alias: str, param: SqlParams) -> str:
    """The SQL form of `not grant_expired`: the grant `alias` has not reached its end."""
    return f"({alias}.expires_at IS NULL OR {alias}.expires_at > {param.now()})"


def may_upload_sql(alias: str, viewer_id: int | None, param: SqlParams) -> str:
    """The SQL form of `may_upload` on the dataset `alias`: the viewer owns it."""
    if viewer_id is None:
        return "1 = 0"
    return f"{alias}.owner_id = {param(viewer_id)}"


def live_grants(at: datetime | None = None) -> Q:
    """The ORM form of `not grant_expired`, as a filter on grants."""
    return Q(expires_at__isnull=True) | Q(expires_at__gt=now() if at is None else at)


def viewer_grant_join(viewer_id: int | None, param: SqlParams) -> str:
    """The viewer's accepted grant, joined as `g` onto datasets `d`: a pending grant has no
    recipient, so it never matches; an expired one is as if absent (`grant_expired`)."""
    return (
        f"LEFT JOIN share_grants g ON g.dataset_id = d.id AND g.recipient_id = "
        f"{param(viewer_id or 0)} AND {live_grant_sql('g', param)}"
    )


# The live grants to the viewer's teams on dataset `d`, as `t` (pending memberships have
# no user_id, so they never match; an expired grant is as if absent, `grant_expired`);
# `team_members_user_team` then `share_grants_team_dataset`.
def team_grants_of_d(viewer: str, param: SqlParams) -> str:
    """The FROM and WHERE of the viewer's teams' live grants on `d`; `viewer` is the
    viewer's placeholder, written before the clock's (call it where its text is read)."""
    return (
        "FROM team_members m JOIN share_grants t ON t.team_id = m.team_id "
        f"WHERE m.user_id = {viewer} AND t.dataset_id = d.id AND {live_grant_sql('t', param)}"
    )


def team_grant_exists(viewer: str, param: SqlParams, extra: str = "") -> str:
    """The SQL condition: one of the viewer's teams holds a live grant on `d` (with `extra`)."""
    return f"EXISTS (SELECT 1 {team_grants_of_d(viewer, param)}{extra})"


# The partial index `datasets_public_created` is defined on exactly this condition.
PUBLIC_CONDITION = "d.is_public = TRUE"


@dataclass(frozen=True)
class ScopeWalk:
    """One index walk of a listing: the rows reached one way (owned, granted, public).

    `source` joins datasets as `d` (and a grant as `a` where the walk goes through grants),
    with `{hint}` where SQLite is told the walk's `index` (its planner, without statistics,
    would rather sort a whole index range); `condition` is the access rule with a
    `{viewer}` placeholder; the walk is ordered by (`sort_column` desc, `id_column` desc);
    `through_grants` says it walks grants `a`, which count only until they expire. The
    indexes are made by migration 0003.
    """

    source: str
    condition: str
    index: str
    sort_column: str = "d.created_at"
    id_column: str = "d.id"
    through_grants: bool = False

    def where(self, viewer_id: int, param: SqlParams) -> str:
        """The walk's access rule, a fresh parameter at each `{viewer}` and `{now}` (SQLite's
        are positional: added in reading order); a walk through grants passes over expired
        ones (`grant_expired`), as the index is read."""
        parts = re.split(r"(\{viewer\}|\{now\})", self.condition)
        condition = "".join(
            param(viewer_id) if part == "{viewer}" else param.now() if part == "{now}" else part
            for part in parts
        )
        if self.through_grants:
            condition += f" AND {live_grant_sql('a', param)}"
        return condition


OWNED_WALK = ScopeWalk("datasets d{hint}", "d.owner_id = {viewer}", "datasets_owner_created_id")
# Datasets granted to the viewer, newest dataset first.
GRANTED_WALK = ScopeWalk(
    "share_grants a{hint} JOIN datasets d ON d.id = a.dataset_id",
    "a.recipient_id = {viewer}",
    "share_grants_recipient_created",
    through_grants=True,
)
# The same grants newest share first (SPEC section 9: SHARED_WITH_ME).
SHARED_WALK = ScopeWalk(
    "share_grants a{hint} JOIN datasets d ON d.id = a.dataset_id",
    "a.recipient_id = {viewer}",
    "share_grants_recipient_created",
    sort_column="a.created_at",
    id_column="a.dataset_id",
    through_grants=True,
)
PUBLIC_WALK = ScopeWalk("datasets d{hint}", PUBLIC_CONDITION, "datasets_public_created")

# Datasets reached through the viewer's teams (SPEC section 14): each dataset once, by the
# newest of its grants to the viewer's teams, and only where the viewer holds no grant of
# their own (the grant walk lists those) and does not own it. The walk starts at the
# viewer's memberships (`team_members_user_team`), so its cost follows their teams'
# grants, and both exclusions are index probes of one dataset.
_TEAM_GRANT_CONDITION = (
    "m.user_id = {viewer} AND d.owner_id <> {viewer} "
    "AND NOT EXISTS (SELECT 1 FROM share_grants o "
    "WHERE o.recipient_id = {viewer} AND o.dataset_id = a.dataset_id "
    "AND (o.expires_at IS NULL OR o.expires_at > {now})) "
    "AND NOT EXISTS (SELECT 1 FROM team_members n JOIN share_grants b ON b.team_id = n.team_id "
    "WHERE n.user_id = {viewer} AND b.dataset_id = a.dataset_id "
    "AND (b.expires_at IS NULL OR b.expires_at > {now}) "
    "AND (b.created_at > a.created_at OR (b.created_at = a.created_at AND b.id > a.id)))"
)
_TEAM_GRANT_SOURCE = (
    "team_members m{hint} JOIN share_grants a ON a.team_id = m.team_id "
    "JOIN datasets d ON d.id = a.dataset_id"
)
TEAM_GRANTED_WALK = ScopeWalk(
    _TEAM_GRANT_SOURCE, _TEAM_GRANT_CONDITION, "team_members_user_team", through_grants=True
)
# The same newest share first: a dataset reached only through teams was shared with the
# viewer when the newest of those grants was made (the card's `shared_at`).
TEAM_SHARED_WALK = ScopeWalk(
    _TEAM_GRANT_SOURCE,
    _TEAM_GRANT_CONDITION,
    "team_members_user_team",
    sort_column="a.created_at",
    id_column="a.dataset_id",
    through_grants=True,
)


def scope_walks(scope: Scope, viewer_id: int | None) -> list[ScopeWalk]:
    """The index walks whose union is what a scope lists (none: an empty list)."""
    if viewer_id is None:
        return [PUBLIC_WALK] if scope in (Scope.PUBLIC, Scope.ALL) else []
    return {
        Scope.PUBLIC: [PUBLIC_WALK],
        Scope.SHARED_WITH_ME: [SHARED_WALK, TEAM_SHARED_WALK],
        Scope.OWNED: [OWNED_WALK],
        Scope.MINE: [OWNED_WALK, GRANTED_WALK, TEAM_GRANTED_WALK],
        Scope.ALL: [OWNED_WALK, GRANTED_WALK, TEAM_GRANTED_WALK, PUBLIC_WALK],
    }[scope]


def scope_condition(scope: Scope, viewer_id: int | None, param: SqlParams) -> str:
    """The WHERE condition on `d` (with `g` joined) for the datasets a scope lists: the
    scope as one condition, for questions about single rows (who meets whom); listings walk
    indexes instead (`scope_walks`)."""
    if viewer_id is None:
        return PUBLIC_CONDITION if scope in (Scope.PUBLIC, Scope.ALL) else "FALSE"
    if scope is Scope.PUBLIC:
        return PUBLIC_CONDITION
    # Each placeholder is written where its parameter is added, so add it only when used.
    if scope is Scope.SHARED_WITH_ME:
        not_owner = f"d.owner_id <> {param(viewer_id)}"
        team = team_grant_exists(param(viewer_id), param)
        return f"({not_owner} AND (g.id IS NOT NULL OR {team}))"
    owner = f"d.owner_id = {param(viewer_id)}"
    if scope is Scope.OWNED:
        return owner
    granted = f"g.id IS NOT NULL OR {team_grant_exists(param(viewer_id), param)}"
    if scope is Scope.MINE:
        return f"({owner} OR {granted})"
    return f"({owner} OR {granted} OR {PUBLIC_CONDITION})"


def manages_access_condition(viewer_id: int | None, param: SqlParams) -> str:
    """The condition on `d` (with `g` joined) for the datasets whose access list the viewer
    may see: the SQL form of `permissions(...).can_manage_access`."""
    if viewer_id is None:
        return "FALSE"
    owner = f"d.owner_id = {param(viewer_id)}"
    team = team_grant_exists(param(viewer_id), param, " AND t.can_share")
    return f"({owner} OR g.can_share OR {team})"
