"""Datasets in the schema: the card type, the listing, and create/update/delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TypeVar
from urllib.parse import quote, urlencode

import strawberry
from strawberry.types import Info

from models import Dataset as DatasetModel
from models import DatasetKind
from resolvers import datasets as dataset_resolvers
from resolvers.context import Context
from schema.annotations import AnnotationConnection, annotations_of
from schema.enums import described_enum
from schema.errors import Payload, payload, payload_type
from schema.node import Node
from schema.pagination import After, First, PageInfo, checked_first, invalid_cursor, page_info
from schema.scalars import BigInt
from schema.users import User
from services import access
from services.access import Badge, Scope, Visibility
from services.dataset_files import problems_from
from services.datasets import DatasetCard
from services.ids import encode_id
from services.links import DownloadSigner

if TYPE_CHECKING:
    from schema.activity import ActivityConnection
    from schema.links import ShareLink
    from schema.sharing import AccessList, ShareGrant

described_enum(
    DatasetKind,
    name="DatasetKind",
    description="MSI run, or stained image.",
    values={
        DatasetKind.MSI: "A mass-spectrometry imaging run.",
        DatasetKind.IMAGE: "A histologically stained image; it takes annotations.",
    },
)
described_enum(
    Badge,
    name="DatasetBadge",
    description="A status icon of a dataset card.",
    values={
        Badge.OWNER: "The viewer created the dataset.",
        Badge.SHARED_WITH_ME: "The viewer holds an accepted grant on it.",
        Badge.PRIVATE: "Nobody but its owner may see it (never shown to a recipient).",
        Badge.AVAILABLE: "Shared privately: it has at least one grant, pending ones included.",
        Badge.PUBLIC: "Everyone may view and download it.",
    },
)
described_enum(
    Visibility,
    name="Visibility",
    description="Who may see a dataset.",
    values={
        Visibility.PRIVATE: "Its owner alone.",
        Visibility.AVAILABLE: "Its owner and the people it is shared with "
        "(pending invitations count).",
        Visibility.PUBLIC: "Everyone, anonymous visitors included.",
    },
)
described_enum(
    Scope,
    name="DatasetScope",
    description="Which datasets a listing shows.",
    values={
        Scope.MINE: "Owned by the viewer or shared with them.",
        Scope.OWNED: "Owned by the viewer.",
        Scope.SHARED_WITH_ME: "Shared with the viewer by an accepted grant.",
        Scope.PUBLIC: "Every public dataset.",
        Scope.ALL: "Everything the viewer may see: their own, shared with them, and public.",
    },
)


class UploadStatus(Enum):
    PENDING = "PENDING"
    READY = "READY"


described_enum(
    UploadStatus,
    name="UploadStatus",
    description="Whether the dataset's file has arrived.",
    values={
        UploadStatus.PENDING: "No file yet: PUT it to the upload URL.",
        UploadStatus.READY: "The file is stored and may be downloaded.",
    },
)


@strawberry.type(description="What the viewer may do with a dataset.")
class DatasetPermissions:
    can_view: bool = strawberry.field(description="See the dataset.")
    can_download: bool = strawberry.field(description="Download its file.")
    can_share: bool = strawberry.field(description="Share it with more people.")
    can_modify: bool = strawberry.field(description="Add annotations (images only).")
    can_set_public: bool = strawberry.field(description="Make it public or private.")
    can_manage_access: bool = strawberry.field(description="See and change who has access.")
    can_delete: bool = strawberry.field(description="Rename or delete it.")


@strawberry.type(description="A file of a dataset.")
class DataFile:
    filename: str = strawberry.field(description="The name it was uploaded under.")
    content_type: str = strawberry.field(description="Its media type.")
    size_bytes: BigInt = strawberry.field(description="Its size in bytes.")
    sha256: str = strawberry.field(description="SHA-256 of its bytes, hex.")
    download_url: str = strawberry.field(
        description="GET or HEAD it with your session; supports byte ranges."
    )


def download_url(
    info: Info[Context, None],
    dataset_pk: int,
    file_name: str | None = None,
    signer: DownloadSigner | None = None,
) -> str:
    """The primary file's URL, or with `file_name` that file's own; through a reviewer
    link, carrying the link's signed permission for that URL's file."""
    path = f"/files/datasets/{encode_id('Dataset', dataset_pk)}"
    if file_name is not None:
        path += "/" + quote(file_name, safe="")
    url = info.context.settings.url(path)
    if signer is None:
        return url
    permission = signer.permission(file_name or "")
    query = {
        "link": encode_id("ShareLink", permission.link_id),
        "expires": permission.expires,
        "signature": permission.signature,
    }
    return f"{url}?{urlencode(query)}"


def upload_url(info: Info[Context, None], dataset_pk: int) -> str:
    return info.context.settings.url(f"/uploads/datasets/{encode_id('Dataset', dataset_pk)}")


@strawberry.type(description="A dataset, as the viewer sees it: one card of the list.")
class Dataset(Node):
    name: str = strawberry.field(description="Its name.")
    description: str = strawberry.field(description="What it is.")
    kind: DatasetKind = strawberry.field(description="MSI run or stained image.")
    annotatable: bool = strawberry.field(description="True for images: they take annotations.")
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    upload_status: UploadStatus = strawberry.field(
        description="PENDING until a file arrives and, for MSI, while `fileProblems` is not empty."
    )
    file: DataFile | None = strawberry.field(
        description="The primary file (an MSI dataset's .imzML, otherwise the first uploaded); "
        "null until uploaded."
    )
    file_problems: list[str] = strawberry.field(
        description="What keeps the files from being complete, for people: an .imzML without "
        "its .ibd of the same base name or the reverse, or a pair whose run UUIDs differ. "
        "Empty when complete."
    )
    is_public: bool = strawberry.field(description="Everyone may view and download it.")
    visibility: Visibility = strawberry.field(
        description="PUBLIC, AVAILABLE (privately shared, pending invitations included) or PRIVATE."
    )
    badges: list[Badge] = strawberry.field(
        description="The card's status icons from the viewer's side: their relation first, "
        "then the visibility."
    )
    viewer_permissions: DatasetPermissions = strawberry.field(
        description="What the viewer may do with it."
    )
    # Read with the card itself, so a card's fields are plain values.
    owner: User = strawberry.field(
        description="Who created it; the `Anonymous` stand-in through an anonymous reviewer link."
    )
    pk: strawberry.Private[int]
    card: strawberry.Private[DatasetCard]
    # Through a reviewer link: signs the short-lived permissions its download URLs carry.
    link_signer: strawberry.Private[DownloadSigner | None] = None
    shared_at: datetime | None = strawberry.field(
        description="When `viewerGrant` was made; when the viewer reaches the dataset only "
        "through their teams' grants, when the newest of those was made (the order of "
        "`SHARED_WITH_ME`); null otherwise."
    )

    @strawberry.field(
        description="The viewer's own accepted grant on this dataset (revoke it to leave the "
        "dataset); null for the owner, for public viewers, for reviewer-link viewers, and when "
        "the viewer reaches it only through a team (leave the team to leave it)."
    )
    def viewer_grant(self) -> Annotated[ShareGrant, strawberry.lazy("schema.sharing")] | None:
        from schema.sharing import ShareGrant

        own = self.card.own_grant
        return ShareGrant.from_model(own) if own else None

    @strawberry.field(
        description="Who has access and whether it is public; null unless the viewer is the "
        "owner or may share (never through a reviewer link)."
    )
    async def access(
        self, info: Info[Context, None]
    ) -> Annotated[AccessList, strawberry.lazy("schema.sharing")] | None:
        from schema.sharing import access_list_of

        return await access_list_of(info, self)

    @strawberry.field(
        description="Where the viewer sends its files, if they may (the owner): tus 1.0 "
        "resumable uploads at this URL followed by /files, or PUT one file here as with "
        "`createDataset`'s `uploadUrl`. Whoever may upload may also remove files "
        "(`deleteDatasetFile`). Null for everyone else."
    )
    def upload_url(self, info: Info[Context, None]) -> str | None:
        return upload_url(info, self.pk) if self.card.may_upload else None

    @strawberry.field(description="Every file of the dataset, by name.")
    async def files(self, info: Info[Context, None]) -> list[DataFile]:
        return [
            DataFile(
                filename=found.name,
                content_type=found.content_type,
                size_bytes=found.size,
                sha256=found.sha256,
                download_url=download_url(info, self.pk, found.name, self.link_signer),
            )
            for found in await dataset_resolvers.files_of(info.context, self.pk)
        ]

    @strawberry.field(
        description="Its reviewer links, newest first; null unless the viewer is the owner "
        "(and never through a link)."
    )
    async def share_links(
        self, info: Info[Context, None]
    ) -> list[Annotated[ShareLink, strawberry.lazy("schema.links")]] | None:
        from schema.links import share_links_of

        return await share_links_of(info, self.card)

    @strawberry.field(
        description="What happened to it, newest first: changes, shares, downloads, link uses. "
        "Null unless the viewer is the owner (never through a reviewer link)."
    )
    async def activity(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> Annotated[ActivityConnection, strawberry.lazy("schema.activity")] | None:
        from schema.activity import activity_of

        return await activity_of(info, self.card, first, after)

    @strawberry.field(description="Its annotations, oldest first; empty for MSI datasets.")
    async def annotations(
        self,
        info: Info[Context, None],
        first: First = 50,
        after: After = None,
    ) -> AnnotationConnection:
        return await annotations_of(info, self.card, first, after)

    @classmethod
    def from_card(cls, info: Info[Context, None], card: DatasetCard) -> Dataset:
        rights = card.permissions
        file = (
            DataFile(
                filename=card.file_name or "",
                content_type=card.file_content_type or "application/octet-stream",
                size_bytes=card.file_size or 0,
                sha256=card.file_sha256 or "",
                download_url=download_url(info, card.id),
            )
            if card.file_sha256
            else None
        )
        return cls(
            id=strawberry.ID(encode_id("Dataset", card.id)),
            name=card.name,
            description=card.description,
            kind=DatasetKind(card.kind),
            annotatable=card.facts.annotatable,
            created_at=card.created_at,
            updated_at=card.updated_at,
            upload_status=(
                UploadStatus.READY if file and not card.file_problems else UploadStatus.PENDING
            ),
            file=file,
            file_problems=problems_from(card.file_problems),
            is_public=card.is_public,
            visibility=card.visibility,
            badges=card.badges,
            viewer_permissions=DatasetPermissions(
                can_view=rights.can_view,
                can_download=rights.can_download,
                can_share=rights.can_share,
                can_modify=rights.can_modify,
                can_set_public=rights.can_set_public,
                can_manage_access=rights.can_manage_access,
                can_delete=rights.can_delete,
            ),
            owner=(
                User.stand_in()
                if access.link_hides_people(card.link)
                else User.from_values(card.owner_id, card.owner_display_name)
            ),
            pk=card.id,
            card=card,
            shared_at=card.shared_at,
        )


async def visible_dataset(info: Info[Context, None], dataset_pk: int) -> Dataset | None:
    """The dataset as the viewer sees it now, or None if they may not."""
    card = await dataset_resolvers.dataset_card(info.context, dataset_pk)
    return Dataset.from_card(info, card) if card else None


ShowsDataset = TypeVar("ShowsDataset", bound=Payload)


async def showing_dataset(
    kind: Callable[..., ShowsDataset], info: Info[Context, None], dataset_pk: int
) -> ShowsDataset:
    """A payload whose one field is the changed dataset, as the viewer sees it now."""
    return kind(dataset=await visible_dataset(info, dataset_pk))


@strawberry.type(description="A dataset and its cursor.")
class DatasetEdge:
    cursor: str = strawberry.field(description="Pass as `after` to read on from here.")
    node: Dataset = strawberry.field(description="The dataset.")


@strawberry.type(description="A page of datasets, newest first.")
class DatasetConnection:
    edges: list[DatasetEdge] = strawberry.field(description="The datasets of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


@strawberry.type
class DatasetsQuery:
    @strawberry.field(description="A dataset by id; null when missing or not visible.")
    async def dataset(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="The dataset's global id.")],
    ) -> Dataset | None:
        card = await dataset_resolvers.dataset_card_by_id(info.context, str(id))
        return Dataset.from_card(info, card) if card else None

    @strawberry.field(
        description="Dataset cards, newest first: SHARED_WITH_ME by when each was shared with "
        "the viewer (`sharedAt`), every other scope by when the dataset was created. `search` "
        "matches names, ignoring case."
    )
    async def datasets(
        self,
        info: Info[Context, None],
        scope: Annotated[
            Scope | None, strawberry.argument(description="Which datasets to list.")
        ] = Scope.MINE,
        kind: Annotated[
            DatasetKind | None, strawberry.argument(description="Only datasets of this kind.")
        ] = None,
        search: Annotated[
            str | None,
            strawberry.argument(description="Only names containing this text, ignoring case."),
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> DatasetConnection:
        scope = scope or Scope.MINE
        page = await dataset_resolvers.list_datasets(
            info.context,
            scope,
            kind.value if kind else None,
            search,
            checked_first(first, 20),
            after,
        )
        if page is None:
            raise invalid_cursor()
        edges = [
            DatasetEdge(
                cursor=dataset_resolvers.encode_cursor(card, scope),
                node=Dataset.from_card(info, card),
            )
            for card in page.cards
        ]
        return DatasetConnection(
            edges=edges,
            page_info=page_info([edge.cursor for edge in edges], page.has_next, after),
        )


@strawberry.input(description="A new dataset; it starts private.")
class CreateDatasetInput:
    name: str = strawberry.field(description="1 to 200 characters.")
    description: str | None = strawberry.field(default="", description="At most 10,000 characters.")
    kind: DatasetKind = strawberry.field(description="MSI run or stained image.")


@payload_type("The result of `createDataset`.")
class CreateDatasetPayload(Payload):
    dataset: Dataset | None = strawberry.field(default=None, description="The new dataset.")
    upload_url: str | None = strawberry.field(
        default=None,
        description="PUT a file's bytes here, with your session, its Content-Type and "
        'Content-Disposition: attachment; filename="…" (the dataset\'s files become that one '
        "file); or upload files resumably with tus 1.0 at this URL followed by /files.",
    )


@strawberry.input(description="Rename or describe a dataset; omitted fields stay.")
class UpdateDatasetInput:
    id: strawberry.ID = strawberry.field(description="The dataset.")
    name: str | None = strawberry.field(default=None, description="1 to 200 characters.")
    description: str | None = strawberry.field(default=None, description="At most 10,000.")


@payload_type("A dataset after a change.")
class DatasetPayload(Payload):
    dataset: Dataset | None = strawberry.field(default=None, description="The dataset.")


@strawberry.input(description="Delete a dataset with its file, grants and annotations.")
class DeleteDatasetInput:
    id: strawberry.ID = strawberry.field(description="The dataset.")


@payload_type("The result of `deleteDataset`.")
class DeleteDatasetPayload(Payload):
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The id that was deleted."
    )


@strawberry.input(description="Remove one file of a dataset.")
class DeleteDatasetFileInput:
    dataset_id: strawberry.ID = strawberry.field(description="The dataset.")
    filename: str = strawberry.field(description="The name of the file to remove.")


@strawberry.type
class DatasetsMutation:
    @strawberry.mutation(description="Create a private dataset and get the URL to upload to.")
    async def create_dataset(
        self,
        info: Info[Context, None],
        input: Annotated[CreateDatasetInput, strawberry.argument(description="The new dataset.")],
    ) -> CreateDatasetPayload:
        async def created(dataset: DatasetModel) -> CreateDatasetPayload:
            return CreateDatasetPayload(
                dataset=await visible_dataset(info, dataset.id),
                upload_url=upload_url(info, dataset.id),
            )

        return await payload(
            CreateDatasetPayload,
            dataset_resolvers.create_dataset(
                info.context, input.name, input.description or "", input.kind.value
            ),
            created,
        )

    @strawberry.mutation(description="Rename or describe a dataset (owner only).")
    async def update_dataset(
        self,
        info: Info[Context, None],
        input: Annotated[
            UpdateDatasetInput, strawberry.argument(description="The dataset and what changes.")
        ],
    ) -> DatasetPayload:
        return await payload(
            DatasetPayload,
            dataset_resolvers.update_dataset(
                info.context, str(input.id), input.name, input.description
            ),
            lambda pk: showing_dataset(DatasetPayload, info, pk),
        )

    @strawberry.mutation(
        description="Delete a dataset with its file, grants and annotations (owner only)."
    )
    async def delete_dataset(
        self,
        info: Info[Context, None],
        input: Annotated[
            DeleteDatasetInput, strawberry.argument(description="The dataset to delete.")
        ],
    ) -> DeleteDatasetPayload:
        return await payload(
            DeleteDatasetPayload,
            dataset_resolvers.delete_dataset(info.context, str(input.id)),
            lambda pk: DeleteDatasetPayload(deleted_id=strawberry.ID(encode_id("Dataset", pk))),
        )

    @strawberry.mutation(description="Remove one file of a dataset by name (owner only).")
    async def delete_dataset_file(
        self,
        info: Info[Context, None],
        input: Annotated[
            DeleteDatasetFileInput,
            strawberry.argument(description="The dataset and the name of the file to remove."),
        ],
    ) -> DatasetPayload:
        return await payload(
            DatasetPayload,
            dataset_resolvers.delete_dataset_file(
                info.context, str(input.dataset_id), input.filename
            ),
            lambda pk: showing_dataset(DatasetPayload, info, pk),
        )
