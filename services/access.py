"""The one module that decides access: the roles and rules of SPEC section 2.

Every decision is a plain function over plain facts (a dataset, a viewer's id, the
viewer's accepted grant, a target grant), so the rules can be read, tested as a table,
and asked from any read or mutation. Nothing else re-derives a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tortoise.expressions import Q, Subquery

from services.errors import AlreadyHasAccess, Forbidden, InvalidInput


class Role(StrEnum):
    OWNER = "OWNER"
    RECIPIENT = "RECIPIENT"
    PUBLIC_VIEWER = "PUBLIC_VIEWER"
    NOBODY = "NOBODY"


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
    # Any grant at all, pending ones included (it makes the dataset AVAILABLE).
    has_grants: bool = False

    @property
    def annotatable(self) -> bool:
        return self.kind == IMAGE


@dataclass(frozen=True)
class GrantFacts:
    """What the rules need to know of a grant."""

    granted_by_id: int
    recipient_id: int | None  # None while pending
    can_share: bool
    can_modify: bool

    @property
    def pending(self) -> bool:
        return self.recipient_id is None


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
    """A grant counts for the viewer only once accepted and bound to them."""
    return (
        grant is not None
        and viewer_id is not None
        and not grant.pending
        and grant.recipient_id == viewer_id
    )


def role_of(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> Role:
    """The viewer's role; `grant` is the viewer's own grant on the dataset, if any."""
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


def check_share(
    viewer_id: int,
    dataset: DatasetFacts,
    viewer_grant: GrantFacts | None,
    *,
    can_share: bool,
    can_modify: bool,
) -> None:
    """May the viewer hand out a grant with these flags? Raises the reason if not."""
    rights = permissions(viewer_id, dataset, viewer_grant)
    if not rights.can_share:
        raise Forbidden("You may not share this dataset.")
    if can_modify and not dataset.annotatable:
        raise InvalidInput(
            "Only images can be annotated: canModify is for IMAGE datasets.", field="canModify"
        )
    if can_modify and not rights.can_modify:
        raise Forbidden("You cannot grant a right you do not have: canModify.", field="canModify")
    # can_share is implied by rights.can_share, which the viewer has.
    del can_share


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


def check_grant_update(
    viewer_id: int,
    dataset: DatasetFacts,
    viewer_grant: GrantFacts | None,
    target: GrantFacts,
    *,
    can_share: bool,
    can_modify: bool,
) -> None:
    """May the viewer set these flags on `target`? Raises the reason if not."""
    if not may_update_grant(viewer_id, dataset, viewer_grant, target):
        raise Forbidden("You may not change this grant.")
    check_share(viewer_id, dataset, viewer_grant, can_share=can_share, can_modify=can_modify)


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


# --- annotations -----------------------------------------------------------------------


def may_annotate(viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None) -> bool:
    """Create annotations: an image, and the owner or a recipient with canModify."""
    return permissions(viewer_id, dataset, grant).can_modify


def may_edit_annotation(
    viewer_id: int | None, dataset: DatasetFacts, grant: GrantFacts | None, author_id: int
) -> bool:
    """The owner edits any; an author their own while they still hold canModify."""
    role = role_of(viewer_id, dataset, grant)
    if role is Role.OWNER:
        return dataset.annotatable
    return author_id == viewer_id and may_annotate(viewer_id, dataset, grant)


# --- people ---------------------------------------------------------------------------


def may_see_email(viewer_id: int | None, user_id: int, managed_recipient_ids: set[int]) -> bool:
    """An address is shown to its user, and to whoever manages a grant of theirs."""
    if viewer_id is None:
        return False
    return viewer_id == user_id or user_id in managed_recipient_ids


async def managed_recipient_ids(viewer_id: int) -> set[int]:
    """Users holding a grant the viewer may update: the SQL form of `may_update_grant`."""
    from models import ShareGrant

    sharer_of = ShareGrant.filter(recipient_id=viewer_id, can_share=True).values("dataset_id")
    managed = ShareGrant.filter(
        Q(dataset__owner_id=viewer_id)
        | Q(granted_by_id=viewer_id, dataset_id__in=Subquery(sharer_of)),
        recipient_id__not_isnull=True,
    )
    ids = await managed.values_list("recipient_id", flat=True)
    return {int(str(user_id)) for user_id in ids if user_id is not None}


# --- the same rules as SQL, for listings -----------------------------------------------


class SqlParams:
    """Collects parameters and writes the placeholder of the database's dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.values: list[object] = []

    def __call__(self, value: object) -> str:
        self.values.append(value)
        return f"${len(self.values)}" if self.dialect == "postgres" else "?"


# The viewer's accepted grant, joined as `g` onto datasets `d`: a pending grant has no
# recipient, so it never matches.
VIEWER_GRANT_JOIN = "LEFT JOIN share_grants g ON g.dataset_id = d.id AND g.recipient_id = {viewer}"


def scope_condition(scope: Scope, viewer_id: int | None, param: SqlParams) -> str:
    """The WHERE condition on `d` (with `g` joined) for the datasets a scope lists."""
    if viewer_id is None:
        return "d.is_public" if scope in (Scope.PUBLIC, Scope.ALL) else "FALSE"
    if scope is Scope.PUBLIC:
        return "d.is_public"
    if scope is Scope.SHARED_WITH_ME:
        return "g.id IS NOT NULL"
    # Each placeholder is written where its parameter is added, so add it only when used.
    owner = f"d.owner_id = {param(viewer_id)}"
    if scope is Scope.OWNED:
        return owner
    if scope is Scope.MINE:
        return f"({owner} OR g.id IS NOT NULL)"
    return f"({owner} OR g.id IS NOT NULL OR d.is_public)"
