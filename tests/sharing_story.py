"""Datasets and grants made the way a client makes them, over GraphQL."""

from __future__ import annotations

from typing import Any

from tests.conftest import Service
from tests.story import Person, gql

CARD = """
  id name kind badges visibility isPublic
  viewerPermissions {
    canView canDownload canShare canModify canSetPublic canManageAccess canDelete
  }
  access { isPublic }
"""

GRANT = """
  id recipientEmail pending canShare canModify message
  recipient { displayName } grantedBy { displayName } dataset { id }
"""

ACCESS = """
  isPublic
  entries {
    role email pending canShare canModify viewerCanChange
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


async def update_grant(service: Service, viewer: Person, grant_id: str, **flags: bool) -> Any:
    body = await gql(
        service,
        f"""mutation($i: UpdateGrantInput!) {{ updateGrant(input: $i) {{
              grant {{ {GRANT} }} errors {{ code field message }} }} }}""",
        {"i": {"grantId": grant_id, **flags}},
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
