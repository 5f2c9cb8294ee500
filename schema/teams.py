"""Teams in the schema (SPEC section 14): the types, `Query.teams` and the six mutations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from models import TeamMember as TeamMemberModel
from models import TeamRole
from resolvers import teams
from resolvers.context import Context
from schema.enums import described_enum
from schema.errors import Payload, payload, payload_type
from schema.node import Node
from schema.users import User, user_by_pk
from services.ids import encode_id
from services.teams import TeamView

described_enum(
    TeamRole,
    name="TeamRole",
    description="What a member may do in a team.",
    values={
        TeamRole.MANAGER: "Renames the team, adds and removes members, changes roles, "
        "deletes the team.",
        TeamRole.MEMBER: "Holds the team's grants; may leave.",
    },
)


@strawberry.type(description="One address in a team.")
class TeamMember:
    email: str = strawberry.field(description="The member's address.")
    role: TeamRole = strawberry.field(description="Manager or member.")
    pending: bool = strawberry.field(
        description="True until an account with this address is confirmed; a pending member "
        "holds none of the team's grants."
    )
    joined_at: datetime | None = strawberry.field(
        description="When the membership was accepted; null while pending."
    )
    user_pk: strawberry.Private[int | None]

    @strawberry.field(description="The member's account; null while pending.")
    async def user(self, info: Info[Context, None]) -> User | None:
        return await user_by_pk(info, self.user_pk) if self.user_pk else None

    @classmethod
    def from_model(cls, member: TeamMemberModel) -> TeamMember:
        return cls(
            email=member.email,
            role=TeamRole(member.role),
            pending=member.pending,
            joined_at=member.joined_at,
            user_pk=member.user_id,
        )


@strawberry.type(
    description="A group of people a dataset can be shared with as one recipient: every "
    "confirmed member holds the team's grants while a member. Visible only to its members "
    "(an access list shows a team's id and name to those who may see the list)."
)
class Team(Node):
    name: str = strawberry.field(description="The team's name.")
    description: str = strawberry.field(description="What the team is, for its members.")
    created_at: datetime = strawberry.field(description="When the team was created.")
    members: list[TeamMember] = strawberry.field(
        description="Oldest first; empty for anyone who is not a member."
    )
    viewer_role: TeamRole | None = strawberry.field(
        description="The viewer's role; null when the viewer is not a member."
    )

    @classmethod
    def from_view(cls, view: TeamView) -> Team:
        return cls(
            id=strawberry.ID(encode_id("Team", view.team.id)),
            name=view.team.name,
            description=view.team.description,
            created_at=view.team.created_at,
            members=[TeamMember.from_model(member) for member in view.members],
            viewer_role=view.viewer_role,
        )


def team_or_none(view: TeamView | None) -> Team | None:
    return Team.from_view(view) if view else None


@strawberry.type
class TeamsQuery:
    @strawberry.field(description="The viewer's teams (confirmed memberships), oldest first.")
    async def teams(self, info: Info[Context, None]) -> list[Team]:
        return [Team.from_view(view) for view in await teams.my_teams(info.context)]


@strawberry.input(description="Create a team; its creator is its first manager.")
class CreateTeamInput:
    name: str = strawberry.field(description="1 to 200 characters.")
    description: str | None = strawberry.field(default="", description="What the team is.")


@strawberry.input(description="Rename or describe a team (managers); omitted fields stay.")
class UpdateTeamInput:
    id: strawberry.ID = strawberry.field(description="The team.")
    name: str | None = strawberry.field(default=None, description="The new name.")
    description: str | None = strawberry.field(default=None, description="The new description.")


@strawberry.input(description="Delete a team (managers): its grants are revoked.")
class DeleteTeamInput:
    id: strawberry.ID = strawberry.field(description="The team.")


@strawberry.input(description="Add people to a team by address (managers); all or none.")
class AddTeamMembersInput:
    team_id: strawberry.ID = strawberry.field(description="The team.")
    emails: list[str] = strawberry.field(
        description="1 to 50 addresses; addresses without a confirmed account become pending "
        "members, accepted when the address is confirmed."
    )
    role: TeamRole | None = strawberry.field(
        default=TeamRole.MEMBER, description="The role of every address added."
    )
    notify: bool | None = strawberry.field(
        default=True, description="Send each added member an email."
    )


@strawberry.input(description="Change a member's role (managers).")
class UpdateTeamMemberInput:
    team_id: strawberry.ID = strawberry.field(description="The team.")
    email: str = strawberry.field(description="The member's address.")
    role: TeamRole = strawberry.field(description="The new role.")


@strawberry.input(
    description="Remove a member (managers), or leave (anyone, with their own address)."
)
class RemoveTeamMemberInput:
    team_id: strawberry.ID = strawberry.field(description="The team.")
    email: str = strawberry.field(description="The member's address.")


@payload_type("The result of a change to a team.")
class TeamPayload(Payload):
    team: Team | None = strawberry.field(
        default=None,
        description="The team after the change; null once the viewer is no longer a member.",
    )


@payload_type("The result of `deleteTeam`.")
class DeleteTeamPayload(Payload):
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The id of the deleted team."
    )


def _team_payload(view: TeamView | None) -> TeamPayload:
    return TeamPayload(team=team_or_none(view))


@strawberry.type
class TeamsMutation:
    @strawberry.mutation(description="Create a team; the viewer becomes its first manager.")
    async def create_team(
        self,
        info: Info[Context, None],
        input: Annotated[CreateTeamInput, strawberry.argument(description="Name, description.")],
    ) -> TeamPayload:
        return await payload(
            TeamPayload,
            teams.create_team(info.context, input.name, input.description or ""),
            _team_payload,
        )

    @strawberry.mutation(description="Rename or describe a team (managers).")
    async def update_team(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateTeamInput, strawberry.argument(description="The changes.")],
    ) -> TeamPayload:
        return await payload(
            TeamPayload,
            teams.update_team(info.context, str(input.id), input.name, input.description),
            _team_payload,
        )

    @strawberry.mutation(description="Delete a team (managers); its grants are revoked.")
    async def delete_team(
        self,
        info: Info[Context, None],
        input: Annotated[DeleteTeamInput, strawberry.argument(description="The team.")],
    ) -> DeleteTeamPayload:
        return await payload(
            DeleteTeamPayload,
            teams.delete_team(info.context, str(input.id)),
            lambda pk: DeleteTeamPayload(deleted_id=strawberry.ID(encode_id("Team", pk))),
        )

    @strawberry.mutation(
        description="Add people to a team by address (managers): one bad address and nothing "
        "is added, each bad one its own error (`emails.N`)."
    )
    async def add_team_members(
        self,
        info: Info[Context, None],
        input: Annotated[
            AddTeamMembersInput, strawberry.argument(description="The team and the addresses.")
        ],
    ) -> TeamPayload:
        return await payload(
            TeamPayload,
            teams.add_team_members(
                info.context,
                str(input.team_id),
                input.emails,
                input.role or TeamRole.MEMBER,
                input.notify is not False,
            ),
            _team_payload,
        )

    @strawberry.mutation(
        description="Change a member's role (managers); the last manager cannot step down."
    )
    async def update_team_member(
        self,
        info: Info[Context, None],
        input: Annotated[
            UpdateTeamMemberInput, strawberry.argument(description="The member and the role.")
        ],
    ) -> TeamPayload:
        return await payload(
            TeamPayload,
            teams.update_team_member(info.context, str(input.team_id), input.email, input.role),
            _team_payload,
        )

    @strawberry.mutation(
        description="Remove a member (managers) or leave (with one's own address): access "
        "through the team ends at once. The last manager cannot leave while others remain."
    )
    async def remove_team_member(
        self,
        info: Info[Context, None],
        input: Annotated[
            RemoveTeamMemberInput, strawberry.argument(description="The team and the address.")
        ],
    ) -> TeamPayload:
        return await payload(
            TeamPayload,
            teams.remove_team_member(info.context, str(input.team_id), input.email),
            _team_payload,
        )
