"""The story, made the way a client makes it over GraphQL: people and their sessions
(SPEC section 1), then datasets and grants."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tests.conftest import Service

PASSWORD = "correct horse battery staple"

SIGN_UP = """mutation($i: SignUpInput!) { signUp(input: $i) { errors { code field message } } }"""
VERIFY = """mutation($i: VerifyEmailInput!) {
  verifyEmail(input: $i) { token user { id displayName email } errors { code message } } }"""
LOG_IN = """mutation($i: LogInInput!) {
  logIn(input: $i) { token user { id email } errors { code field message } } }"""


@dataclass
class Person:
    email: str
    display_name: str
    password: str
    token: str
    id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def gql(
    service: Service,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
) -> Any:
    """POST a GraphQL document; the answer must be HTTP 200 without GraphQL errors."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # Who is asking is the token alone: drop the cookie the last log-in left behind.
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body


def token_in(text: str, path: str) -> str:
    """The `?token=` of the link to `path` in an email."""
    found = re.search(re.escape(path) + r"\?token=([A-Za-z0-9_\-]+)", text)
    assert found, f"no {path} link in:\n{text}"
    return found.group(1)


async def sign_up(
    service: Service, email: str, password: str = PASSWORD, display_name: str | None = None
) -> Any:
    body = await gql(
        service,
        SIGN_UP,
        {
            "i": {
                "email": email,
                "password": password,
                "displayName": display_name or email.split("@")[0],
            }
        },
    )
    return body["data"]["signUp"]


async def confirmation_token(service: Service, email: str) -> str:
    """The token of the newest confirmation link sent to `email` (waiting for one)."""
    count = 1
    while True:
        messages = await service.mailbox.wait_for(count, to=email)
        confirmations = [m for m in messages if "/verify-email?token=" in m.text]
        if confirmations:
            return token_in(confirmations[-1].text, "/verify-email")
        count = len(messages) + 1


async def signed_up(
    service: Service, email: str, display_name: str | None = None, password: str | None = None
) -> Person:
    """Sign up, confirm by the emailed link, and hold the session it opens."""
    password = password or PASSWORD
    address = email.strip().lower()
    name = display_name or address.split("@")[0]
    assert (await sign_up(service, email, password, name))["errors"] == []
    token = await confirmation_token(service, address)
    verified = (await gql(service, VERIFY, {"i": {"token": token}}))["data"]["verifyEmail"]
    assert verified["errors"] == [], verified["errors"]
    user = verified["user"]
    return Person(address, name, password, verified["token"], user["id"])


async def log_in(service: Service, email: str, password: str = PASSWORD) -> Any:
    return (await gql(service, LOG_IN, {"i": {"email": email, "password": password}}))["data"][
        "logIn"
    ]


async def people(service: Service, *names: str) -> list[Person]:
    """Confirmed people with sessions, one per name, at `name@lab.example`."""
    return [await signed_up(service, f"{name}@lab.example") for name in names]


# --- datasets and grants ------------------------------------------------------------------

CARD = """
  id name kind badges visibility isPublic
  viewerPermissions {
    canView canDownload canShare canModify canSetPublic canManageAccess canDelete
  }
  access { isPublic }
"""

GRANT = """
  id recipientEmail pending canShare canModify message expiresAt expired
  recipient { displayName } grantedBy { displayName } dataset { id }
"""

ACCESS = """
  isPublic
  entries {
    role email pending canShare canModify viewerCanChange expiresAt expired
    user { displayName email } grant { id }
  }
"""


def _token(person: Person | None) -> str | None:
    return person.token if person else None


async def create_dataset(service: Service, owner: Person, name: str, kind: str) -> str:
    body = await gql(
        service,
        """mutation($i: CreateDatasetInput!) {
             createDataset(input: $i) { dataset { id } errors { code message } } }""",
        {"i": {"name": name, "kind": kind}},
        token=owner.token,
    )
    payload = body["data"]["createDataset"]
    assert payload["errors"] == [], payload["errors"]
    return str(payload["dataset"]["id"])


async def card(service: Service, viewer: Person | None, dataset_id: str) -> Any:
    body = await gql(
        service,
        f"query($id: ID!) {{ dataset(id: $id) {{ {CARD} }} }}",
        {"id": dataset_id},
        token=_token(viewer),
    )
    return body["data"]["dataset"]


async def access_list(service: Service, viewer: Person | None, dataset_id: str) -> Any:
    body = await gql(
        service,
        f"query($id: ID!) {{ dataset(id: $id) {{ access {{ {ACCESS} }} }} }}",
        {"id": dataset_id},
        token=_token(viewer),
    )
    return body["data"]["dataset"]["access"]


async def share(
    service: Service, sharer: Person, dataset_id: str, emails: list[str], **options: Any
) -> Any:
    body = await gql(
        service,
        f"""mutation($i: ShareDatasetInput!) {{ shareDataset(input: $i) {{
              dataset {{ {CARD} }} grants {{ {GRANT} }} errors {{ code field message }} }} }}""",
        {"i": {"datasetId": dataset_id, "emails": emails, **options}},
        token=sharer.token,
    )
    return body["data"]["shareDataset"]


async def set_public(service: Service, viewer: Person, dataset_id: str, public: bool) -> Any:
    body = await gql(
        service,
        f"""mutation($i: SetPublicInput!) {{ setPublic(input: $i) {{
              dataset {{ {CARD} }} errors {{ code field message }} }} }}""",
        {"i": {"datasetId": dataset_id, "public": public}},
        token=viewer.token,
    )
    return body["data"]["setPublic"]


async def update_grant(service: Service, viewer: Person, grant_id: str, **change: Any) -> Any:
    """Change a grant's flags or its end (`expiresAt`, `clearExpiry`)."""
    body = await gql(
        service,
        f"""mutation($i: UpdateGrantInput!) {{ updateGrant(input: $i) {{
              grant {{ {GRANT} }} errors {{ code field message }} }} }}""",
        {"i": {"grantId": grant_id, **change}},
        token=viewer.token,
    )
    return body["data"]["updateGrant"]


async def revoke(service: Service, viewer: Person, grant_id: str, cascade: bool = False) -> Any:
    body = await gql(
        service,
        """mutation($i: RevokeAccessInput!) { revokeAccess(input: $i) {
              dataset { id } revokedGrantIds errors { code field } } }""",
        {"i": {"grantId": grant_id, "cascade": cascade}},
        token=viewer.token,
    )
    return body["data"]["revokeAccess"]


async def delete_dataset(service: Service, owner: Person, dataset_id: str) -> Any:
    body = await gql(
        service,
        """mutation($i: DeleteDatasetInput!) {
             deleteDataset(input: $i) { deletedId errors { code field } } }""",
        {"i": {"id": dataset_id}},
        token=owner.token,
    )
    return body["data"]["deleteDataset"]


# --- reviewer links -----------------------------------------------------------------------

LINK = "id label anonymous allowDownload expiresAt createdAt revokedAt active useCount lastUsedAt"


async def create_link(
    service: Service, owner: Person | None, dataset_id: str, **options: Any
) -> Any:
    body = await gql(
        service,
        f"""mutation($i: CreateShareLinkInput!) {{ createShareLink(input: $i) {{
              shareLink {{ {LINK} }} url errors {{ code field message }} }} }}""",
        {"i": {"datasetId": dataset_id, **options}},
        token=_token(owner),
    )
    return body["data"]["createShareLink"]


async def revoke_link(service: Service, viewer: Person, link_id: str) -> Any:
    body = await gql(
        service,
        f"""mutation($i: RevokeShareLinkInput!) {{ revokeShareLink(input: $i) {{
              shareLink {{ {LINK} }} errors {{ code field message }} }} }}""",
        {"i": {"id": link_id}},
        token=viewer.token,
    )
    return body["data"]["revokeShareLink"]


def link_token(url: str) -> str:
    """The token at the end of a link's URL."""
    return url.rsplit("/l/", 1)[1]


async def by_link(
    service: Service, token: str, selection: str = CARD, viewer: Person | None = None
) -> Any:
    body = await gql(
        service,
        f"query($t: String!) {{ datasetByLink(token: $t) {{ {selection} }} }}",
        {"t": token},
        token=_token(viewer),
    )
    return body["data"]["datasetByLink"]


# --- teams (SPEC section 14) ----------------------------------------------------------------

TEAM = """
  id name description viewerRole
  members { email role pending joinedAt user { displayName } }
"""


async def team_mutation(
    service: Service, viewer: Person, mutation: str, input_type: str, values: dict[str, Any]
) -> Any:
    """Run one of the team mutations that answer a `TeamPayload`."""
    body = await gql(
        service,
        f"""mutation($i: {input_type}!) {{ {mutation}(input: $i) {{
              team {{ {TEAM} }} errors {{ code field message }} }} }}""",
        {"i": values},
        token=viewer.token,
    )
    return body["data"][mutation]


async def create_team(service: Service, manager: Person, name: str, *members: str) -> str:
    """A team made by `manager`, with `members` (addresses) added without emails."""
    made = await team_mutation(service, manager, "createTeam", "CreateTeamInput", {"name": name})
    assert made["errors"] == [], made["errors"]
    team_id = str(made["team"]["id"])
    if members:
        added = await add_members(service, manager, team_id, list(members), notify=False)
        assert added["errors"] == [], added["errors"]
    return team_id


async def add_members(
    service: Service, manager: Person, team_id: str, emails: list[str], **options: Any
) -> Any:
    return await team_mutation(
        service,
        manager,
        "addTeamMembers",
        "AddTeamMembersInput",
        {"teamId": team_id, "emails": emails, **options},
    )


async def remove_member(service: Service, viewer: Person, team_id: str, email: str) -> Any:
    return await team_mutation(
        service,
        viewer,
        "removeTeamMember",
        "RemoveTeamMemberInput",
        {"teamId": team_id, "email": email},
    )


async def share_with_teams(
    service: Service, sharer: Person, dataset_id: str, team_ids: list[str], **options: Any
) -> Any:
    return await share(service, sharer, dataset_id, [], teamIds=team_ids, **options)


# --- activity (SPEC section 16) -------------------------------------------------------------

ACTIVITY = """
  edges { cursor node { id kind at actor { id displayName } subjectEmail details } }
  pageInfo { hasNextPage endCursor }
"""


async def activity(
    service: Service,
    viewer: Person | None,
    dataset_id: str,
    first: int | None = None,
    after: str | None = None,
) -> Any:
    """The dataset's activity as the viewer reads it (null unless they own it)."""
    body = await gql(
        service,
        f"""query($id: ID!, $first: Int, $after: String) {{ dataset(id: $id) {{
              activity(first: $first, after: $after) {{ {ACTIVITY} }} }} }}""",
        {"id": dataset_id, "first": first, "after": after},
        token=_token(viewer),
    )
    dataset = body["data"]["dataset"]
    return None if dataset is None else dataset["activity"]


async def activity_kinds(service: Service, owner: Person, dataset_id: str) -> list[str]:
    """The kinds of the dataset's activity, newest first (one page of 100)."""
    page = await activity(service, owner, dataset_id, first=100)
    return [edge["node"]["kind"] for edge in page["edges"]]
