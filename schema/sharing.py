"""Sharing in the schema: grants, the access list, and the four sharing mutations."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from models import ShareGrant as GrantModel
from resolvers import sharing, teams
from resolvers.context import Context
from schema.datasets import Dataset, showing_dataset, visible_dataset
from schema.enums import described_enum
from schema.errors import Payload, payload, payload_type
from schema.node import Node
from schema.teams import Team, team_or_none
from schema.users import User, user_by_pk
from services import access
from services.clock import now
from services.datasets import CardGrant, grant_facts
from services.grant_ends import GrantChange
from services.grants import AccessRow, RevokeResult
from services.ids import encode_id
from services.sharing import ShareResult


def _expired(grant: GrantModel | CardGrant) -> bool:
    return access.shown_expired(grant_facts(grant), now())


@strawberry.type(description="Access to a dataset given to one address, or to a team.")
class ShareGrant(Node):
    recipient_email: str = strawberry.field(
        description='The address the dataset was shared with; "" on a grant to a team.'
    )
    pending: bool = strawberry.field(
        description="True until an account with this address is confirmed (never for a team)."
    )
    can_share: bool = strawberry.field(description="The recipient may share the dataset too.")
    can_modify: bool = strawberry.field(
        description="The recipient may add annotations (images only)."
    )
    message: str = strawberry.field(description="The message sent with the invitation.")
    created_at: datetime = strawberry.field(description="When the grant was made.")
    updated_at: datetime = strawberry.field(description="When the grant last changed.")
    invitation_sent_at: datetime | None = strawberry.field(
        description="When the last invitation email was queued; null if none was sent."
    )
    invitation_expires_at: datetime | None = strawberry.field(
        description="A pending grant is no longer accepted after this (`INVITATION_DAYS` "
        "after the invitation was last sent); null once accepted."
    )
    expires_at: datetime | None = strawberry.field(
        description="From this instant the grant gives nothing (no card, no download, no "
        "annotating, no sharing) until it is extended or revoked; null: it does not end."
    )
    expired: bool = strawberry.field(
        description="True once `expiresAt` has passed (extend it with `updateGrant`), and for "
        "a pending grant whose invitation has expired: confirming the address no longer "
        "accepts it until `resendInvitation` sends it again."
    )
    dataset_pk: strawberry.Private[int]
    recipient_pk: strawberry.Private[int | None]
    granted_by_pk: strawberry.Private[int]
    team_pk: strawberry.Private[int | None] = None

    @strawberry.field(
        description="The team the grant is to (its confirmed members hold it); null on a "
        "grant to an address, and for viewers who are not members and may not see the "
        "dataset's access list."
    )
    async def team(self, info: Info[Context, None]) -> Team | None:
        if self.team_pk is None:
            return None
        return team_or_none(await teams.team_of_grant(info.context, self.team_pk))

    @strawberry.field(description="The dataset shared.")
    async def dataset(self, info: Info[Context, None]) -> Dataset:
        found = await visible_dataset(info, self.dataset_pk)
        assert found is not None, "a grant is only shown to viewers of its dataset"
        return found

    @strawberry.field(description="The recipient's account; null while pending.")
    async def recipient(self, info: Info[Context, None]) -> User | None:
        return await user_by_pk(info, self.recipient_pk) if self.recipient_pk else None

    @strawberry.field(description="Who made the grant: the owner, or a recipient who may share.")
    async def granted_by(self, info: Info[Context, None]) -> User:
        found = await user_by_pk(info, self.granted_by_pk)
        assert found is not None, "granted_by is a required foreign key"
        return found

    @classmethod
    def from_model(cls, grant: GrantModel | CardGrant) -> ShareGrant:
        team_pk = grant.team_id if isinstance(grant, GrantModel) else None
        return cls(
            id=strawberry.ID(encode_id("ShareGrant", grant.id)),
            recipient_email="" if team_pk is not None else grant.recipient_email,
            pending=grant.recipient_id is None and team_pk is None,
            can_share=grant.can_share,
            can_modify=grant.can_modify,
            message=grant.message,
            created_at=grant.created_at,
            updated_at=grant.updated_at,
            invitation_sent_at=grant.invitation_sent_at,
            invitation_expires_at=grant.invitation_expires_at,
            expires_at=grant.expires_at,
            expired=_expired(grant),
            dataset_pk=grant.dataset_id,
            recipient_pk=grant.recipient_id,
            granted_by_pk=grant.granted_by_id,
            team_pk=team_pk,
        )


class AccessRole(Enum):
    OWNER = "OWNER"
    RECIPIENT = "RECIPIENT"
    TEAM = "TEAM"


described_enum(
    AccessRole,
    name="AccessRole",
    description="How a person has access to a dataset.",
    values={
        AccessRole.OWNER: "Created the dataset: may do everything, and cannot be removed.",
        AccessRole.RECIPIENT: "Was given access by a grant "
        "(pending until their address is confirmed).",
        AccessRole.TEAM: "A team holding a grant: its confirmed members have access.",
    },
)


@strawberry.type(description="One row of the access dialog.")
class AccessEntry:
    role: AccessRole = strawberry.field(description="Owner, or recipient of a grant.")
    email: str = strawberry.field(description="The address with access.")
    pending: bool = strawberry.field(description="Invited, but no confirmed account yet.")
    expires_at: datetime | None = strawberry.field(
        description="When this access ends (the grant's `expiresAt`); null when it does not, "
        "and on the owner's row."
    )
    expired: bool = strawberry.field(
        description="The grant has passed its `expiresAt` and gives nothing until extended, "
        "or is a pending invitation that has expired (confirming the address no longer "
        "accepts it until it is sent again). False on the owner's row."
    )
    can_share: bool = strawberry.field(description="May share further; true for the owner.")
    can_modify: bool = strawberry.field(description="May annotate; for the owner, `annotatable`.")
    grant: ShareGrant | None = strawberry.field(description="The grant; null on the owner's row.")
    viewer_can_change: bool = strawberry.field(
        description="The viewer may update or revoke this entry."
    )
    user_pk: strawberry.Private[int | None]
    team_pk: strawberry.Private[int | None] = None

    @strawberry.field(description="The account; null while pending, and on a team's row.")
    async def user(self, info: Info[Context, None]) -> User | None:
        return await user_by_pk(info, self.user_pk) if self.user_pk else None

    @strawberry.field(
        description='The team, on `TEAM` rows (their email is ""): its id and name; its '
        "members only for members."
    )
    async def team(self, info: Info[Context, None]) -> Team | None:
        if self.team_pk is None:
            return None
        return team_or_none(await teams.team_of_grant(info.context, self.team_pk))


@strawberry.type(description="Who has access to a dataset, and whether it is public.")
class AccessList:
    is_public: bool = strawberry.field(description="Everyone may view and download it.")
    entries: list[AccessEntry] = strawberry.field(
        description="The owner first, then grants, oldest first."
    )


def _entry(row: AccessRow) -> AccessEntry:
    grant = ShareGrant.from_model(row.grant) if row.grant else None
    return AccessEntry(
        role=AccessRole(row.role.value),
        email=row.email,
        pending=row.pending,
        expires_at=grant.expires_at if grant else None,
        expired=grant.expired if grant else False,
        can_share=row.rights.can_share,
        can_modify=row.rights.can_modify,
        grant=grant,
        viewer_can_change=row.rights.viewer_can_change,
        user_pk=row.user_id,
        team_pk=row.team_id,
    )


async def access_list_of(info: Info[Context, None], dataset: Dataset) -> AccessList | None:
    """`Dataset.access`: null unless the viewer is the owner or may share."""
    rows = await sharing.access_rows(info.context, dataset.card)
    if rows is None:
        return None
    return AccessList(is_public=dataset.is_public, entries=[_entry(row) for row in rows])


@strawberry.input(description="Share a dataset with people by email.")
class ShareDatasetInput:
    dataset_id: strawberry.ID = strawberry.field(description="The dataset to share.")
    emails: list[str] = strawberry.field(
        description="Addresses; may be empty when `teamIds` is not (1 to 50 targets in all)."
    )
    # Nullable with defaults, as the contract has them: an explicit null means the default.
    message: str | None = strawberry.field(default="", description="At most 2000 characters.")
    can_share: bool | None = strawberry.field(
        default=False, description="Recipients can share the dataset too."
    )
    can_modify: bool | None = strawberry.field(
        default=False, description="Recipients can add annotations (images only)."
    )
    notify: bool | None = strawberry.field(default=True, description="Send the invitation emails.")
    expires_at: datetime | None = strawberry.field(
        default=None,
        description="When the grants end: in the future, at most 365 days ahead; null: no "
        "end. A recipient whose own access ends must give an end no later than theirs. "
        "Sharing again with someone sets their grant's end to this, a team's grant included.",
    )
    team_ids: list[strawberry.ID] | None = strawberry.field(
        default_factory=list,
        description="Teams to share with, each one the viewer is a member of (others are "
        "`NOT_FOUND` at `teamIds.N`); one grant per team, no email to members. `emails` may "
        "then be empty: 1 to 50 addresses and teams in all.",
    )


@payload_type("The result of `shareDataset`.")
class ShareDatasetPayload(Payload):
    dataset: Dataset | None = strawberry.field(
        default=None, description="The dataset, as the viewer sees it."
    )
    grants: list[ShareGrant] = strawberry.field(
        default_factory=list,
        description="One grant per address, in input order, then one per team, in input order.",
    )


@strawberry.input(description="Make a dataset public or private.")
class SetPublicInput:
    dataset_id: strawberry.ID = strawberry.field(description="The dataset.")
    public: bool = strawberry.field(description="True: everyone may view and download it.")


@payload_type("The result of `setPublic`.")
class SetPublicPayload(Payload):
    dataset: Dataset | None = strawberry.field(
        default=None, description="The dataset after the change."
    )


@strawberry.input(
    description="Change what a grant allows or when it ends; what is omitted stays as it is."
)
class UpdateGrantInput:
    grant_id: strawberry.ID = strawberry.field(description="The grant.")
    can_share: bool | None = strawberry.field(default=None, description="May share further.")
    can_modify: bool | None = strawberry.field(default=None, description="May annotate.")
    expires_at: datetime | None = strawberry.field(
        default=None,
        description="A new end: in the future, at most 365 days ahead. A later end restores an "
        "expired grant as it was. A recipient whose own access ends may give no later end.",
    )
    clear_expiry: bool | None = strawberry.field(
        default=False,
        description="True: the grant no longer ends (restoring it if it had expired). Not "
        "with `expiresAt`; not for a recipient whose own access ends.",
    )


@payload_type("The result of `updateGrant`.")
class UpdateGrantPayload(Payload):
    grant: ShareGrant | None = strawberry.field(
        default=None, description="The grant after the change."
    )
    dataset: Dataset | None = strawberry.field(
        default=None,
        description="The dataset after the change, its access list refreshed: ask for it to "
        "keep a client's cached access list current in the same round trip.",
    )


@strawberry.input(description="Send a pending grant's invitation again.")
class ResendInvitationInput:
    grant_id: strawberry.ID = strawberry.field(description="The pending grant.")


@payload_type("The result of `resendInvitation`.")
class ResendInvitationPayload(Payload):
    grant: ShareGrant | None = strawberry.field(
        default=None,
        description="The grant, its invitation just queued again and its expiry restarted.",
    )


async def _updated_grant(info: Info[Context, None], grant: GrantModel) -> UpdateGrantPayload:
    return UpdateGrantPayload(
        grant=ShareGrant.from_model(grant),
        dataset=await visible_dataset(info, grant.dataset_id),
    )


@strawberry.input(description="Take access away.")
class RevokeAccessInput:
    grant_id: strawberry.ID = strawberry.field(description="The grant to remove.")
    cascade: bool | None = strawberry.field(
        default=False, description="Also remove every grant made downstream of it."
    )


@payload_type("The result of `revokeAccess`.")
class RevokeAccessPayload(Payload):
    dataset: Dataset | None = strawberry.field(
        default=None,
        description="The dataset as the viewer sees it now; null if they no longer can.",
    )
    revoked_grant_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Every grant removed (more than one with `cascade`)."
    )


@strawberry.type
class SharingMutation:
    @strawberry.mutation(description="Share a dataset with people by email; all addresses or none.")
    async def share_dataset(
        self,
        info: Info[Context, None],
        input: Annotated[
            ShareDatasetInput,
            strawberry.argument(
                description="The dataset, the addresses and what recipients may do."
            ),
        ],
    ) -> ShareDatasetPayload:
        async def shared(result: ShareResult) -> ShareDatasetPayload:
            return ShareDatasetPayload(
                dataset=await visible_dataset(info, result.dataset_id),
                grants=[ShareGrant.from_model(grant) for grant in result.grants],
            )

        return await payload(
            ShareDatasetPayload,
            sharing.share_dataset(
                info.context,
                str(input.dataset_id),
                input.emails,
                input.message or "",
                bool(input.can_share),
                bool(input.can_modify),
                input.notify is not False,
                input.expires_at,
                [str(team_id) for team_id in input.team_ids or []],
            ),
            shared,
        )

    @strawberry.mutation(description="Make a dataset public or private (owner only).")
    async def set_public(
        self,
        info: Info[Context, None],
        input: Annotated[
            SetPublicInput, strawberry.argument(description="The dataset and whether it is public.")
        ],
    ) -> SetPublicPayload:
        return await payload(
            SetPublicPayload,
            sharing.set_public(info.context, str(input.dataset_id), input.public),
            lambda pk: showing_dataset(SetPublicPayload, info, pk),
        )

    @strawberry.mutation(
        description="Change whether a recipient may share or annotate, or when their access "
        "ends (extend it with a later `expiresAt`, or `clearExpiry`)."
    )
    async def update_grant(
        self,
        info: Info[Context, None],
        input: Annotated[
            UpdateGrantInput, strawberry.argument(description="The grant and its new flags.")
        ],
    ) -> UpdateGrantPayload:
        return await payload(
            UpdateGrantPayload,
            sharing.update_grant(
                info.context,
                str(input.grant_id),
                GrantChange(
                    can_share=input.can_share,
                    can_modify=input.can_modify,
                    expires_at=input.expires_at,
                    clear_expiry=bool(input.clear_expiry),
                ),
            ),
            lambda grant: _updated_grant(info, grant),
        )

    @strawberry.mutation(
        description="Send a pending grant's invitation email again and restart its expiry "
        "(`INVITATION_DAYS`): whoever may update the grant, at most once per grant in any 10 "
        "minutes. Cancel an invitation with `revokeAccess`."
    )
    async def resend_invitation(
        self,
        info: Info[Context, None],
        input: Annotated[
            ResendInvitationInput,
            strawberry.argument(description="The pending grant whose invitation to send again."),
        ],
    ) -> ResendInvitationPayload:
        return await payload(
            ResendInvitationPayload,
            sharing.resend_invitation(info.context, str(input.grant_id)),
            lambda grant: ResendInvitationPayload(grant=ShareGrant.from_model(grant)),
        )

    @strawberry.mutation(
        description="Remove a person's access (or leave a dataset shared with you)."
    )
    async def revoke_access(
        self,
        info: Info[Context, None],
        input: Annotated[
            RevokeAccessInput, strawberry.argument(description="The grant to remove.")
        ],
    ) -> RevokeAccessPayload:
        async def revoked(result: RevokeResult) -> RevokeAccessPayload:
            return RevokeAccessPayload(
                dataset=await visible_dataset(info, result.dataset_id),
                revoked_grant_ids=[
                    strawberry.ID(encode_id("ShareGrant", pk)) for pk in result.revoked_ids
                ],
            )

        return await payload(
            RevokeAccessPayload,
            sharing.revoke_access(info.context, str(input.grant_id), bool(input.cascade)),
            revoked,
        )
