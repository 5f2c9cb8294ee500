"""The rules of SPEC section 2 as a table: role x flags x operation -> allowed.

Viewers: the owner (1), a recipient holding a grant (2), a recipient whose grant is still
pending (2, unbound), a recipient whose grant has expired or ends later (SPEC section 11), a
stranger (3) and an anonymous viewer (None); datasets are MSI or IMAGE, private or public.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from services import access
from services.access import (
    Badge,
    DatasetFacts,
    Ending,
    EntryRights,
    GrantFacts,
    Role,
    Scope,
    Visibility,
)
from services.errors import AlreadyHasAccess, Forbidden, InvalidInput, NotFound

OWNER, RECIPIENT, STRANGER, OTHER = 1, 2, 3, 4


def dataset(kind: str = "IMAGE", public: bool = False, grants: bool = True) -> DatasetFacts:
    return DatasetFacts(owner_id=OWNER, kind=kind, is_public=public, has_grants=grants)


# The rules ask the clock: a day either side of now is far from any boundary.
ENDED = datetime.now(UTC) - timedelta(days=1)
LATER = datetime.now(UTC) + timedelta(days=1)


def grant(
    share: bool = False,
    modify: bool = False,
    to: int | None = RECIPIENT,
    by: int = OWNER,
    ends: datetime | None = None,
) -> GrantFacts:
    return GrantFacts(
        granted_by_id=by, recipient_id=to, can_share=share, can_modify=modify, expires_at=ends
    )


PENDING = grant(share=True, modify=True, to=None)
EXPIRED = grant(share=True, modify=True, ends=ENDED)
ENDS_LATER = grant(share=True, modify=True, ends=LATER)

# viewer, dataset, viewer's grant -> role
ROLES = [
    (OWNER, dataset(), None, Role.OWNER),
    (OWNER, dataset(public=True), None, Role.OWNER),
    (RECIPIENT, dataset(), grant(), Role.RECIPIENT),
    (RECIPIENT, dataset(public=True), grant(), Role.RECIPIENT),
    (RECIPIENT, dataset(), PENDING, Role.NOBODY),  # a pending grant gives nobody access
    (RECIPIENT, dataset(), grant(to=OTHER), Role.NOBODY),  # someone else's grant
    (RECIPIENT, dataset(), EXPIRED, Role.NOBODY),  # an expired grant gives nothing
    (RECIPIENT, dataset(public=True), EXPIRED, Role.PUBLIC_VIEWER),
    (RECIPIENT, dataset(), ENDS_LATER, Role.RECIPIENT),
    (STRANGER, dataset(), None, Role.NOBODY),
    (STRANGER, dataset(public=True), None, Role.PUBLIC_VIEWER),
    (None, dataset(), None, Role.NOBODY),
    (None, dataset(public=True), None, Role.PUBLIC_VIEWER),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "expected"), ROLES)
def test_role(
    viewer: int | None, facts: DatasetFacts, held: GrantFacts | None, expected: Role
) -> None:
    assert access.role_of(viewer, facts, held) is expected


# viewer, dataset, grant -> (view, download, share, modify, set_public, manage_access, delete)
PERMISSIONS = [
    (OWNER, dataset("IMAGE"), None, (1, 1, 1, 1, 1, 1, 1)),
    (OWNER, dataset("MSI"), None, (1, 1, 1, 0, 1, 1, 1)),  # modify is for images
    (RECIPIENT, dataset("IMAGE"), grant(), (1, 1, 0, 0, 0, 0, 0)),
    (RECIPIENT, dataset("IMAGE"), grant(share=True), (1, 1, 1, 0, 0, 1, 0)),
    (RECIPIENT, dataset("IMAGE"), grant(modify=True), (1, 1, 0, 1, 0, 0, 0)),
    (RECIPIENT, dataset("IMAGE"), grant(True, True), (1, 1, 1, 1, 0, 1, 0)),
    (RECIPIENT, dataset("MSI"), grant(True, True), (1, 1, 1, 0, 0, 1, 0)),
    (RECIPIENT, dataset("IMAGE", public=True), grant(), (1, 1, 0, 0, 0, 0, 0)),
    (RECIPIENT, dataset("IMAGE"), PENDING, (0, 0, 0, 0, 0, 0, 0)),
    (RECIPIENT, dataset("IMAGE"), EXPIRED, (0, 0, 0, 0, 0, 0, 0)),
    (RECIPIENT, dataset("IMAGE", public=True), EXPIRED, (1, 1, 0, 0, 0, 0, 0)),
    (RECIPIENT, dataset("IMAGE"), ENDS_LATER, (1, 1, 1, 1, 0, 1, 0)),
    (STRANGER, dataset("IMAGE", public=True), None, (1, 1, 0, 0, 0, 0, 0)),
    (STRANGER, dataset("IMAGE"), None, (0, 0, 0, 0, 0, 0, 0)),
    (None, dataset("IMAGE", public=True), None, (1, 1, 0, 0, 0, 0, 0)),
    (None, dataset("IMAGE"), None, (0, 0, 0, 0, 0, 0, 0)),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "expected"), PERMISSIONS)
def test_permissions(
    viewer: int | None, facts: DatasetFacts, held: GrantFacts | None, expected: tuple[int, ...]
) -> None:
    rights = access.permissions(viewer, facts, held)
    assert (
        rights.can_view,
        rights.can_download,
        rights.can_share,
        rights.can_modify,
        rights.can_set_public,
        rights.can_manage_access,
        rights.can_delete,
    ) == tuple(bool(flag) for flag in expected)


# viewer, dataset, grant -> badges
BADGES = [
    (OWNER, dataset(grants=False), None, [Badge.OWNER, Badge.PRIVATE]),
    (OWNER, dataset(grants=True), None, [Badge.OWNER, Badge.AVAILABLE]),
    (OWNER, dataset(public=True, grants=True), None, [Badge.OWNER, Badge.PUBLIC]),
    (RECIPIENT, dataset(), grant(), [Badge.SHARED_WITH_ME, Badge.AVAILABLE]),
    (RECIPIENT, dataset(public=True), grant(), [Badge.SHARED_WITH_ME, Badge.PUBLIC]),
    (RECIPIENT, dataset(public=True), EXPIRED, [Badge.PUBLIC]),
    (STRANGER, dataset(public=True, grants=False), None, [Badge.PUBLIC]),
    (None, dataset(public=True), None, [Badge.PUBLIC]),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "expected"), BADGES)
def test_badges(
    viewer: int | None, facts: DatasetFacts, held: GrantFacts | None, expected: list[Badge]
) -> None:
    assert access.badges(viewer, facts, held) == expected


def test_a_pending_grant_makes_a_dataset_available() -> None:
    assert access.visibility(dataset(grants=True)) is Visibility.AVAILABLE
    assert access.visibility(dataset(grants=False)) is Visibility.PRIVATE
    assert access.visibility(dataset(public=True, grants=False)) is Visibility.PUBLIC


# grant -> does it count toward AVAILABLE (`DatasetFacts.has_grants`)
AVAILABLE_BY = [
    (grant(), True),
    (PENDING, True),  # pending ones count
    (ENDS_LATER, True),
    (EXPIRED, False),  # expired ones do not
    (grant(to=None, ends=ENDED), False),
]


@pytest.mark.parametrize(("target", "counts"), AVAILABLE_BY)
def test_which_grants_make_a_dataset_available(target: GrantFacts, counts: bool) -> None:
    assert access.counts_toward_available(target) is counts


def test_a_grant_expires_at_the_instant_of_its_end() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    ending = grant(ends=moment)
    assert not access.grant_expired(ending, moment - timedelta(microseconds=1))
    assert access.grant_expired(ending, moment)
    assert not access.grant_expired(grant(), moment)
    assert access.shown_expired(ending, moment)
    # The clock decides when no moment is given.
    assert access.grant_expired(EXPIRED) and not access.grant_expired(ENDS_LATER)


# sharer, dataset, sharer's grant, asked flags (share, modify) -> None or the error
SHARING = [
    (OWNER, dataset("IMAGE"), None, (True, True), None),
    (OWNER, dataset("MSI"), None, (True, False), None),
    (OWNER, dataset("MSI"), None, (False, True), InvalidInput),  # modify is for images
    (RECIPIENT, dataset("IMAGE"), grant(share=True), (True, False), None),
    (RECIPIENT, dataset("IMAGE"), grant(share=True), (False, True), Forbidden),  # escalation
    (RECIPIENT, dataset("IMAGE"), grant(True, True), (True, True), None),
    (RECIPIENT, dataset("MSI"), grant(True, False), (False, True), InvalidInput),
    (RECIPIENT, dataset("IMAGE"), grant(modify=True), (False, False), Forbidden),
    (RECIPIENT, dataset("IMAGE"), PENDING, (False, False), Forbidden),
    (STRANGER, dataset("IMAGE", public=True), None, (False, False), Forbidden),
    (STRANGER, dataset("IMAGE"), None, (False, False), Forbidden),
    (RECIPIENT, dataset("IMAGE"), EXPIRED, (False, False), Forbidden),
    (RECIPIENT, dataset("IMAGE"), ENDS_LATER, (True, True), None),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "flags", "error"), SHARING)
def test_check_share(
    viewer: int,
    facts: DatasetFacts,
    held: GrantFacts | None,
    flags: tuple[bool, bool],
    error: type[Exception] | None,
) -> None:
    _share, modify = flags  # canShare needs no check: it is the right to share itself
    if error is None:
        access.check_share(viewer, facts, held, can_modify=modify)
    else:
        with pytest.raises(error):
            access.check_share(viewer, facts, held, can_modify=modify)


SHARER_GRANT = grant(share=True, to=RECIPIENT)
MADE_BY_SHARER = grant(to=OTHER, by=RECIPIENT)
MADE_BY_OWNER = grant(to=OTHER, by=OWNER)
OWN_GRANT = grant(to=RECIPIENT, by=OWNER)

# viewer, viewer's grant, target -> (may update, may revoke)
MANAGING = [
    (OWNER, None, MADE_BY_OWNER, (True, True)),
    (OWNER, None, MADE_BY_SHARER, (True, True)),
    (OWNER, None, PENDING, (True, True)),
    (RECIPIENT, SHARER_GRANT, MADE_BY_SHARER, (True, True)),
    (RECIPIENT, SHARER_GRANT, MADE_BY_OWNER, (False, False)),  # not theirs
    (RECIPIENT, grant(to=RECIPIENT), MADE_BY_SHARER, (False, False)),  # lost canShare
    (RECIPIENT, OWN_GRANT, OWN_GRANT, (False, True)),  # anyone may leave
    (RECIPIENT, grant(share=True, ends=ENDED), MADE_BY_SHARER, (False, False)),  # expired
    (OWNER, None, EXPIRED, (True, True)),  # the owner extends or revokes an expired grant
    (STRANGER, None, MADE_BY_OWNER, (False, False)),
    (OTHER, MADE_BY_OWNER, MADE_BY_OWNER, (False, True)),
]


@pytest.mark.parametrize(("viewer", "held", "target", "expected"), MANAGING)
def test_who_manages_a_grant(
    viewer: int, held: GrantFacts | None, target: GrantFacts, expected: tuple[bool, bool]
) -> None:
    facts = dataset()
    assert (
        access.may_update_grant(viewer, facts, held, target),
        access.may_revoke_grant(viewer, facts, held, target),
    ) == expected


# sharer's own end, the end given -> None or the error (no escalation in time)
SOONER = LATER - timedelta(hours=1)
ENDINGS = [
    (OWNER, None, Ending(None), None),
    (OWNER, None, Ending(LATER), None),
    (RECIPIENT, grant(share=True), Ending(None), None),  # no end of their own
    (RECIPIENT, grant(share=True), Ending(LATER), None),
    (RECIPIENT, grant(share=True, ends=LATER), Ending(LATER), None),  # no later: allowed
    (RECIPIENT, grant(share=True, ends=LATER), Ending(SOONER), None),
    (RECIPIENT, grant(share=True, ends=LATER), Ending(LATER + timedelta(seconds=1)), Forbidden),
    (RECIPIENT, grant(share=True, ends=LATER), Ending(None), Forbidden),  # no clearing
]


@pytest.mark.parametrize(("viewer", "held", "ending", "error"), ENDINGS)
def test_no_escalation_in_time(
    viewer: int, held: GrantFacts | None, ending: Ending, error: type[Exception] | None
) -> None:
    if error is None:
        access.check_share(viewer, dataset(), held, can_modify=False, ending=ending)
        access.check_grant_update(
            viewer, dataset(), held, grant(to=OTHER, by=viewer), can_modify=False, ending=ending
        )
        return
    with pytest.raises(error) as raised:
        access.check_share(viewer, dataset(), held, can_modify=False, ending=ending)
    assert raised.value.field == "expiresAt"  # type: ignore[attr-defined]
    with pytest.raises(error):
        access.check_grant_update(
            viewer, dataset(), held, grant(to=OTHER, by=viewer), can_modify=False, ending=ending
        )
    # A change that leaves the end alone is no escalation.
    access.check_grant_update(viewer, dataset(), held, grant(to=OTHER, by=viewer), can_modify=False)


def test_a_sharer_cannot_raise_a_grant_above_their_own_rights() -> None:
    with pytest.raises(Forbidden):
        access.check_grant_update(
            RECIPIENT, dataset(), SHARER_GRANT, MADE_BY_SHARER, can_modify=True
        )
    access.check_grant_update(RECIPIENT, dataset(), SHARER_GRANT, MADE_BY_SHARER, can_modify=False)


def test_sharing_again_with_someone_else_s_recipient_is_already_has_access() -> None:
    with pytest.raises(AlreadyHasAccess):
        access.check_reshare(RECIPIENT, dataset(), SHARER_GRANT, MADE_BY_OWNER, "emails.0")
    access.check_reshare(RECIPIENT, dataset(), SHARER_GRANT, MADE_BY_SHARER, "emails.0")


# viewer, dataset, grant, author -> (may annotate, may edit that author's annotation)
ANNOTATING = [
    (OWNER, dataset("IMAGE"), None, RECIPIENT, (True, True)),  # owner edits any
    (OWNER, dataset("MSI"), None, OWNER, (False, False)),
    (RECIPIENT, dataset("IMAGE"), grant(modify=True), RECIPIENT, (True, True)),
    (RECIPIENT, dataset("IMAGE"), grant(modify=True), OWNER, (True, False)),
    (RECIPIENT, dataset("IMAGE"), grant(), RECIPIENT, (False, False)),  # modify taken away
    (RECIPIENT, dataset("IMAGE"), PENDING, RECIPIENT, (False, False)),
    (RECIPIENT, dataset("IMAGE"), EXPIRED, RECIPIENT, (False, False)),
    (RECIPIENT, dataset("IMAGE", public=True), EXPIRED, RECIPIENT, (False, False)),
    (RECIPIENT, dataset("IMAGE"), ENDS_LATER, RECIPIENT, (True, True)),
    (STRANGER, dataset("IMAGE", public=True), None, STRANGER, (False, False)),
    (None, dataset("IMAGE", public=True), None, OWNER, (False, False)),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "author", "expected"), ANNOTATING)
def test_annotation_rights(
    viewer: int | None,
    facts: DatasetFacts,
    held: GrantFacts | None,
    author: int,
    expected: tuple[bool, bool],
) -> None:
    assert (
        access.may_annotate(viewer, facts, held),
        access.may_edit_annotation(viewer, facts, held, author),
    ) == expected


@pytest.mark.parametrize(
    ("viewer", "user", "managed", "expected"),
    [
        (RECIPIENT, RECIPIENT, set(), True),
        (OWNER, RECIPIENT, {RECIPIENT}, True),
        (OWNER, RECIPIENT, set(), False),
        (None, RECIPIENT, {RECIPIENT}, False),
    ],
)
def test_who_sees_an_address(
    viewer: int | None, user: int, managed: set[int], expected: bool
) -> None:
    assert access.may_see_email(viewer, user, managed) is expected


# viewer, viewer's grant -> may put the file in place, and may rename or describe
OWNER_ONLY = [
    (OWNER, None, True),
    (RECIPIENT, grant(True, True), False),
    (RECIPIENT, PENDING, False),
    (STRANGER, None, False),
    (None, None, False),
]


@pytest.mark.parametrize("rule", [access.may_upload, access.may_rename], ids=["upload", "rename"])
@pytest.mark.parametrize(("viewer", "held", "expected"), OWNER_ONLY)
def test_only_the_owner_uploads_and_renames(
    rule: Callable[[int | None, DatasetFacts, GrantFacts | None], bool],
    viewer: int | None,
    held: GrantFacts | None,
    expected: bool,
) -> None:
    assert rule(viewer, dataset(public=True), held) is expected


# viewer, dataset, viewer's grant -> the scopes that list it (the SQL form is proved equal
# to this in test_access_equivalence)
SCOPES = [
    (OWNER, dataset(), None, {"MINE", "OWNED", "ALL"}),
    (OWNER, dataset(public=True), None, {"MINE", "OWNED", "PUBLIC", "ALL"}),
    (RECIPIENT, dataset(), grant(), {"MINE", "SHARED_WITH_ME", "ALL"}),
    (RECIPIENT, dataset(public=True), grant(), {"MINE", "SHARED_WITH_ME", "PUBLIC", "ALL"}),
    (RECIPIENT, dataset(), PENDING, set()),
    (RECIPIENT, dataset(public=True), PENDING, {"PUBLIC", "ALL"}),
    (RECIPIENT, dataset(), EXPIRED, set()),
    (RECIPIENT, dataset(public=True), EXPIRED, {"PUBLIC", "ALL"}),
    (RECIPIENT, dataset(), ENDS_LATER, {"MINE", "SHARED_WITH_ME", "ALL"}),
    (STRANGER, dataset(), None, set()),
    (STRANGER, dataset(public=True), None, {"PUBLIC", "ALL"}),
    (None, dataset(), None, set()),
    (None, dataset(public=True), None, {"PUBLIC", "ALL"}),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "expected"), SCOPES)
def test_which_scopes_list_a_dataset(
    viewer: int | None, facts: DatasetFacts, held: GrantFacts | None, expected: set[str]
) -> None:
    assert {scope.value for scope in Scope if access.in_scope(scope, viewer, facts, held)} == (
        expected
    )


# viewer, dataset, viewer's grant -> None or the error of drawing on it
DRAWING = [
    (OWNER, dataset("IMAGE"), None, None),
    (OWNER, dataset("MSI"), None, InvalidInput),  # only images take annotations
    (RECIPIENT, dataset("IMAGE"), grant(modify=True), None),
    (RECIPIENT, dataset("MSI"), grant(modify=True), InvalidInput),  # the kind is said first
    (RECIPIENT, dataset("IMAGE"), grant(share=True), Forbidden),
    (RECIPIENT, dataset("IMAGE"), PENDING, Forbidden),
    (RECIPIENT, dataset("IMAGE", public=True), EXPIRED, Forbidden),
    (STRANGER, dataset("IMAGE", public=True), None, Forbidden),
    (STRANGER, dataset("MSI", public=True), None, InvalidInput),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "error"), DRAWING)
def test_check_annotate(
    viewer: int, facts: DatasetFacts, held: GrantFacts | None, error: type[Exception] | None
) -> None:
    if error is None:
        access.check_annotate(viewer, facts, held)
    else:
        with pytest.raises(error):
            access.check_annotate(viewer, facts, held)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (dataset("IMAGE"), EntryRights(can_share=True, can_modify=True, viewer_can_change=False)),
        (dataset("MSI"), EntryRights(can_share=True, can_modify=False, viewer_can_change=False)),
    ],
)
def test_the_owner_row_of_the_access_list(facts: DatasetFacts, expected: EntryRights) -> None:
    assert access.owner_entry(facts) == expected


# viewer, viewer's grant, the row's grant -> what the row shows
GRANT_ROWS = [
    (OWNER, None, grant(share=True), EntryRights(True, False, True)),
    (OWNER, None, PENDING, EntryRights(True, True, True)),
    (RECIPIENT, SHARER_GRANT, MADE_BY_SHARER, EntryRights(False, False, True)),
    (RECIPIENT, SHARER_GRANT, MADE_BY_OWNER, EntryRights(False, False, False)),  # not theirs
    (RECIPIENT, SHARER_GRANT, SHARER_GRANT, EntryRights(True, False, True)),  # they may leave
    (OWNER, None, EXPIRED, EntryRights(True, True, True)),  # listed, and extendable
]


@pytest.mark.parametrize(("viewer", "held", "target", "expected"), GRANT_ROWS)
def test_a_grant_row_of_the_access_list(
    viewer: int, held: GrantFacts | None, target: GrantFacts, expected: EntryRights
) -> None:
    assert access.grant_entry(viewer, dataset(), held, target) == expected


# viewer, user, whom the viewer manages -> (sees the address, had to ask whom they manage)
ADDRESSES = [
    (RECIPIENT, RECIPIENT, set(), (True, False)),  # their own: no need to ask
    (None, RECIPIENT, {RECIPIENT}, (False, False)),  # anonymous: no need to ask
    (OWNER, RECIPIENT, {RECIPIENT}, (True, True)),
    (OWNER, RECIPIENT, set(), (False, True)),
    (STRANGER, OWNER, set(), (False, True)),
]


@pytest.mark.parametrize(("viewer", "user", "managed", "expected"), ADDRESSES)
async def test_who_sees_an_address_asks_whom_they_manage_only_when_it_matters(
    viewer: int | None, user: int, managed: set[int], expected: tuple[bool, bool]
) -> None:
    asked: list[bool] = []

    async def managed_recipient_ids() -> set[int]:
        asked.append(True)
        return managed

    seen = await access.may_see_email_of(viewer, user, managed_recipient_ids)
    assert (seen, bool(asked)) == expected


MET = access.Acquaintance
# viewer, user, how they meet -> may the viewer resolve the user's node
USER_NODES = [
    (RECIPIENT, RECIPIENT, MET(confirmed=True), True),  # oneself
    (RECIPIENT, RECIPIENT, MET(confirmed=False), False),  # unconfirmed: nobody's node
    (STRANGER, OWNER, MET(confirmed=True), False),
    (None, OWNER, MET(confirmed=True), False),
    (None, OWNER, MET(confirmed=True, owns_a_visible_dataset=True), True),
    (STRANGER, OWNER, MET(confirmed=False, owns_a_visible_dataset=True), False),
    (STRANGER, RECIPIENT, MET(confirmed=True, in_a_visible_access_list=True), True),
    (None, RECIPIENT, MET(confirmed=True, authored_a_visible_annotation=True), True),
    (RECIPIENT, OWNER, MET(confirmed=True, granted_to_the_viewer=True), True),
]


@pytest.mark.parametrize(("viewer", "user", "met", "allowed"), USER_NODES)
def test_who_resolves_a_user(
    viewer: int | None, user: int, met: access.Acquaintance, allowed: bool
) -> None:
    assert access.may_see_user(viewer, user, met) is allowed


def test_an_invitation_expires_only_while_pending() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    before, after = moment - timedelta(seconds=1), moment + timedelta(seconds=1)

    def pending(expires: datetime | None, to: int | None = None) -> GrantFacts:
        return GrantFacts(OWNER, to, False, False, invitation_expires_at=expires)

    assert access.invitation_expired(pending(before), moment)
    assert access.invitation_expired(pending(moment), moment)
    assert not access.invitation_expired(pending(after), moment)
    assert not access.invitation_expired(pending(None), moment)
    assert not access.invitation_expired(pending(before, to=RECIPIENT), moment)


# viewer, viewer's grant, target grant -> None (allowed) or the error raised
RESENDS = [
    (OWNER, None, grant(to=None), None),
    (OWNER, None, grant(), InvalidInput),  # accepted: nothing to send again
    (RECIPIENT, grant(share=True), grant(to=None, by=RECIPIENT), None),  # a sharer's own
    (RECIPIENT, grant(share=True), grant(to=None), Forbidden),  # the owner's grant
    (RECIPIENT, grant(), grant(to=None, by=RECIPIENT), Forbidden),  # may no longer share
    (STRANGER, None, grant(to=None), Forbidden),
]


@pytest.mark.parametrize(("viewer", "held", "target", "error"), RESENDS)
def test_who_resends_an_invitation(
    viewer: int, held: GrantFacts | None, target: GrantFacts, error: type[Exception] | None
) -> None:
    if error is None:
        access.check_resend_invitation(viewer, dataset(), held, target)
    else:
        with pytest.raises(error):
            access.check_resend_invitation(viewer, dataset(), held, target)


# --- reviewer links (SPEC section 12) ------------------------------------------------------

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def link(
    anonymous: bool = False,
    download: bool = True,
    expires: timedelta = timedelta(days=1),
    revoked: bool = False,
) -> access.LinkFacts:
    return access.LinkFacts(
        anonymous=anonymous,
        allow_download=download,
        expires_at=NOW + expires,
        revoked_at=NOW - timedelta(hours=1) if revoked else None,
    )


# link -> active, may download through it
LINKS = [
    (link(), True, True),
    (link(download=False), True, False),
    (link(revoked=True), False, False),
    (link(expires=timedelta(0)), False, False),  # expired the instant it passes
    (link(expires=-timedelta(seconds=1)), False, False),
    (link(anonymous=True), True, True),
]


@pytest.mark.parametrize(("facts", "active", "downloads"), LINKS)
def test_link_life(facts: access.LinkFacts, active: bool, downloads: bool) -> None:
    assert access.link_active(facts, NOW) is active
    assert access.may_download_by_link(facts, NOW) is downloads


@pytest.mark.parametrize("download", [True, False])
def test_a_link_viewer_views_and_maybe_downloads_nothing_else(download: bool) -> None:
    rights = access.link_permissions(link(download=download))
    assert rights == access.Permissions(
        can_view=True,
        can_download=download,
        can_share=False,
        can_modify=False,
        can_set_public=False,
        can_manage_access=False,
        can_delete=False,
    )


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (dataset(grants=False), [Badge.PRIVATE]),
        (dataset(), [Badge.AVAILABLE]),
        (dataset(public=True), [Badge.PUBLIC]),
    ],
)
def test_link_badges_show_the_visibility_alone(facts: DatasetFacts, expected: list[Badge]) -> None:
    assert access.link_badges(facts) == expected


# viewer, viewer's grant -> may manage the dataset's links
LINK_MANAGERS = [
    (OWNER, None, True),
    (RECIPIENT, grant(share=True, modify=True), False),
    (STRANGER, None, False),
    (None, None, False),
]


@pytest.mark.parametrize(("viewer", "held", "allowed"), LINK_MANAGERS)
def test_only_the_owner_manages_links(
    viewer: int | None, held: GrantFacts | None, allowed: bool
) -> None:
    for facts in (dataset(), dataset(public=True)):
        assert access.may_manage_links(viewer, facts, held) is allowed
        if viewer is not None:
            if allowed:
                access.check_manage_links(viewer, facts, held)
            else:
                with pytest.raises(Forbidden):
                    access.check_manage_links(viewer, facts, held)


def test_anonymous_links_hide_people() -> None:
    assert access.link_hides_people(link(anonymous=True)) is True
    assert access.link_hides_people(link()) is False
    assert access.link_hides_people(None) is False


# --- teams (SPEC section 14): rights are the union of one's own and one's teams' grants ---

TEAM = 7


def team_grant(
    share: bool = False, modify: bool = False, by: int = OWNER, ends: datetime | None = None
) -> GrantFacts:
    return GrantFacts(
        granted_by_id=by,
        recipient_id=None,
        can_share=share,
        can_modify=modify,
        team_id=TEAM,
        expires_at=ends,
    )


# own grant, teams' grants -> effective (share, modify), or None for no access
UNIONS = [
    (None, [], None),
    (None, [team_grant()], (False, False)),
    (None, [team_grant(share=True), team_grant(modify=True)], (True, True)),
    (grant(), [team_grant(share=True)], (True, False)),
    (grant(modify=True), [team_grant()], (False, True)),
    (grant(True, True), [], (True, True)),
    (PENDING, [], None),  # a pending own grant adds nothing
    (PENDING, [team_grant()], (False, False)),
    # A team's grant past its end gives nothing, as a person's does (SPEC section 11).
    (None, [team_grant(True, True, ends=ENDED)], None),
    (grant(), [team_grant(True, True, ends=ENDED)], (False, False)),
    (EXPIRED, [team_grant()], (False, False)),
    (None, [team_grant(True, True, ends=LATER)], (True, True)),
]


@pytest.mark.parametrize(("own", "teams", "expected"), UNIONS)
def test_effective_rights_are_the_union(
    own: GrantFacts | None, teams: list[GrantFacts], expected: tuple[bool, bool] | None
) -> None:
    held = access.effective_grant(RECIPIENT, own, teams)
    if expected is None:
        assert held is None
        assert access.role_of(RECIPIENT, dataset(), held) is Role.NOBODY
        return
    assert held is not None
    assert access.role_of(RECIPIENT, dataset(), held) is Role.RECIPIENT
    rights = access.permissions(RECIPIENT, dataset("IMAGE"), held)
    assert (rights.can_share, rights.can_modify) == expected
    assert access.badges(RECIPIENT, dataset(), held)[0] is Badge.SHARED_WITH_ME


def test_anonymous_viewers_hold_no_team_grant() -> None:
    assert access.effective_grant(None, None, [team_grant(True, True)]) is None


def test_a_team_grant_is_never_pending() -> None:
    assert not team_grant().pending


# A member's reshare compares with the union; a team grant is managed by its granter.
TEAM_SHARES = [
    (grant(), [team_grant(share=True)], False, None),
    (grant(), [team_grant(share=True)], True, Forbidden),  # nobody gave canModify
    (grant(modify=True), [team_grant(share=True)], True, None),  # the union has both
    (None, [team_grant()], False, Forbidden),
]


@pytest.mark.parametrize(("own", "teams", "modify", "error"), TEAM_SHARES)
def test_no_escalation_through_teams(
    own: GrantFacts | None, teams: list[GrantFacts], modify: bool, error: type[Exception] | None
) -> None:
    held = access.effective_grant(RECIPIENT, own, teams)
    if error is None:
        access.check_share(RECIPIENT, dataset("IMAGE"), held, can_modify=modify)
    else:
        with pytest.raises(error):
            access.check_share(RECIPIENT, dataset("IMAGE"), held, can_modify=modify)


# own grant, teams' grants, canModify asked, end asked -> error (no escalation in time)
TEAM_ENDINGS = [
    # The share right ends with the team's grant: a grant given must end no later.
    (None, [team_grant(share=True, ends=LATER)], False, None, Forbidden),
    (None, [team_grant(share=True, ends=LATER)], False, LATER, None),
    # A grant without the share right that never ends does not lengthen it.
    (grant(), [team_grant(share=True, ends=LATER)], False, None, Forbidden),
    (grant(share=True), [team_grant(share=True, ends=LATER)], False, None, None),
    # canModify lasts no longer than the right to annotate.
    (grant(share=True, modify=True, ends=LATER), [team_grant(share=True)], False, None, None),
    (grant(share=True, modify=True, ends=LATER), [team_grant(share=True)], True, None, Forbidden),
    (grant(share=True, modify=True, ends=LATER), [team_grant(share=True)], True, LATER, None),
    # An expired team grant gives no share right at all.
    (None, [team_grant(share=True, ends=ENDED)], False, ENDED, Forbidden),
]


@pytest.mark.parametrize(("own", "teams", "modify", "ends", "error"), TEAM_ENDINGS)
def test_no_escalation_in_time_through_teams(
    own: GrantFacts | None,
    teams: list[GrantFacts],
    modify: bool,
    ends: datetime | None,
    error: type[Exception] | None,
) -> None:
    facts = dataset("IMAGE")

    def check() -> None:
        ending = access.Ending(ends)
        held = access.effective_grant(RECIPIENT, own, teams)
        access.check_share(RECIPIENT, facts, held, can_modify=modify, ending=ending)
        if modify:
            modifying = access.effective_grant(RECIPIENT, own, teams, modifying=True)
            access.check_ending(RECIPIENT, facts, modifying, ending)

    if error is None:
        check()
    else:
        with pytest.raises(error):
            check()


# viewer (with a team grant held), target team grant -> may update, may revoke
TEAM_MANAGERS = [
    (OWNER, None, team_grant(by=RECIPIENT), True, True),
    (RECIPIENT, grant(share=True), team_grant(by=RECIPIENT), True, True),
    (RECIPIENT, grant(), team_grant(by=RECIPIENT), False, False),  # lost canShare
    (RECIPIENT, grant(share=True), team_grant(by=OTHER), False, False),
    # A member holding the team's grant does not leave through it: they leave the team.
    (RECIPIENT, team_grant(share=True), team_grant(by=OTHER), False, False),
]


@pytest.mark.parametrize(("viewer", "own", "target", "update", "revoke"), TEAM_MANAGERS)
def test_who_manages_a_team_grant(
    viewer: int, own: GrantFacts | None, target: GrantFacts, update: bool, revoke: bool
) -> None:
    held = (
        access.effective_grant(viewer, None, [own])
        if own is not None and own.team_id
        else access.effective_grant(viewer, own, [])
    )
    assert access.may_update_grant(viewer, dataset(), held, target) is update
    assert access.may_revoke_grant(viewer, dataset(), held, target) is revoke


# role, managers, members, target's role, leaving -> allowed to lose that manager
LOSING_MANAGERS = [
    ("MANAGER", 1, 1, "MANAGER", True, True),  # alone: may leave (the team goes)
    ("MANAGER", 1, 1, "MANAGER", False, False),  # but not step down
    ("MANAGER", 1, 2, "MANAGER", True, False),  # others remain (pending ones too)
    ("MANAGER", 2, 3, "MANAGER", True, True),
    ("MANAGER", 1, 3, "MEMBER", True, True),
]


@pytest.mark.parametrize(
    ("role", "managers", "members", "target", "leaving", "allowed"), LOSING_MANAGERS
)
def test_the_last_manager(
    role: str, managers: int, members: int, target: str, leaving: bool, allowed: bool
) -> None:
    facts = access.TeamFacts(viewer_role=role, managers=managers, members=members)
    if allowed:
        access.check_lose_manager(facts, target, leaving=leaving)
    else:
        with pytest.raises(Forbidden):
            access.check_lose_manager(facts, target, leaving=leaving)


# viewer's role, removing themselves -> error
REMOVALS = [
    ("MANAGER", False, None),
    ("MEMBER", True, None),  # anyone leaves
    ("MEMBER", False, Forbidden),
    (None, True, NotFound),  # not a member: the team does not exist
]


@pytest.mark.parametrize(("role", "self_removal", "error"), REMOVALS)
def test_who_removes_a_member(
    role: str | None, self_removal: bool, error: type[Exception] | None
) -> None:
    facts = access.TeamFacts(viewer_role=role, managers=1, members=3)
    target = RECIPIENT if self_removal else OTHER
    if error is None:
        access.check_remove_member(facts, target, RECIPIENT)
    else:
        with pytest.raises(error):
            access.check_remove_member(facts, target, RECIPIENT)


# --- activity (SPEC section 16) ------------------------------------------------------------

TEAM_GRANT = GrantFacts(
    granted_by_id=OWNER, recipient_id=None, can_share=True, can_modify=True, team_id=9
)

# viewer, dataset, viewer's grant, reviewer link it is seen through -> may read its activity
ACTIVITY_READERS = [
    (OWNER, dataset(), None, None, True),
    (OWNER, dataset(public=True), None, None, True),
    (OWNER, dataset(), None, link(), False),  # never through a link, even one's own
    (RECIPIENT, dataset(), grant(share=True, modify=True), None, False),
    (RECIPIENT, dataset(), TEAM_GRANT, None, False),
    (STRANGER, dataset(public=True), None, None, False),
    (None, dataset(public=True), None, None, False),
    (None, dataset(), None, link(), False),
]


@pytest.mark.parametrize(("viewer", "facts", "held", "through", "allowed"), ACTIVITY_READERS)
def test_only_the_owner_reads_the_activity(
    viewer: int | None,
    facts: DatasetFacts,
    held: GrantFacts | None,
    through: access.LinkFacts | None,
    allowed: bool,
) -> None:
    assert access.may_read_activity(viewer, facts, held, through) is allowed


# viewer, user, how they meet -> may the viewer resolve the user (the activity's actors)
ACTORS = [
    (OWNER, RECIPIENT, MET(confirmed=True, acted_on_the_viewers_dataset=True), True),
    (OWNER, RECIPIENT, MET(confirmed=False, acted_on_the_viewers_dataset=True), False),
    (STRANGER, RECIPIENT, MET(confirmed=True), False),
]


@pytest.mark.parametrize(("viewer", "user", "met", "allowed"), ACTORS)
def test_an_owner_meets_who_acted_on_their_dataset(
    viewer: int | None, user: int, met: access.Acquaintance, allowed: bool
) -> None:
    assert access.may_see_user(viewer, user, met) is allowed
