"""Annotations in the schema: the type, `Dataset.annotations`, and three mutations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers import annotations as annotation_resolvers
from resolvers.context import Context
from schema.errors import Payload, payload, payload_type
from schema.node import Node
from schema.pagination import PageInfo, checked_first, invalid_cursor, page_info
from schema.scalars import JSON
from schema.users import User, user_by_pk
from services.annotations import ViewedAnnotation
from services.datasets import DatasetCard
from services.ids import decode_pk, encode_id

DEFAULT_COLOR = "#ffcc00"


@strawberry.type(description="A shape drawn on a stained image, with a label and a note.")
class Annotation(Node):
    label: str = strawberry.field(description="A short name, at most 200 characters.")
    note: str = strawberry.field(description="Free text, at most 5000 characters.")
    color: str = strawberry.field(description="Display color, #rrggbb.")
    geometry: JSON = strawberry.field(
        description="GeoJSON geometry (Point, MultiPoint, LineString, Polygon, MultiPolygon) "
        "in image pixel coordinates."
    )
    created_at: datetime = strawberry.field(description="When it was drawn.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    viewer_can_edit: bool = strawberry.field(
        description="The viewer may edit or delete it: the owner, or its author while they "
        "may modify the image."
    )
    author_pk: strawberry.Private[int]
    author_hidden: strawberry.Private[bool] = False

    @strawberry.field(
        description="Who drew it; the `Anonymous` stand-in through an anonymous reviewer link."
    )
    async def author(self, info: Info[Context, None]) -> User:
        if self.author_hidden:
            return User.stand_in()
        found = await user_by_pk(info, self.author_pk)
        assert found is not None, "author is a required foreign key"
        return found

    @classmethod
    def from_viewed(cls, viewed: ViewedAnnotation) -> Annotation:
        annotation = viewed.annotation
        return cls(
            id=strawberry.ID(encode_id("Annotation", annotation.id)),
            label=annotation.label,
            note=annotation.note,
            color=annotation.color,
            geometry=JSON(annotation.geometry),
            created_at=annotation.created_at,
            updated_at=annotation.updated_at,
            viewer_can_edit=viewed.viewer_can_edit,
            author_pk=annotation.author_id,
            author_hidden=viewed.author_hidden,
        )


@strawberry.type(description="An annotation and its cursor.")
class AnnotationEdge:
    cursor: str = strawberry.field(description="Pass as `after` to read on from here.")
    node: Annotation = strawberry.field(description="The annotation.")


@strawberry.type(description="A page of a dataset's annotations, oldest first.")
class AnnotationConnection:
    edges: list[AnnotationEdge] = strawberry.field(description="The annotations of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


async def annotations_of(
    info: Info[Context, None], card: DatasetCard, first: int | None, after: str | None
) -> AnnotationConnection:
    """`Dataset.annotations`: empty for MSI datasets."""
    after_pk = decode_pk(after, "Annotation") if after else None
    if after and after_pk is None:
        raise invalid_cursor()
    page = await annotation_resolvers.annotation_page(
        info.context, card, checked_first(first, 50), after_pk
    )
    edges = []
    for row in page.annotations:
        node = Annotation.from_viewed(row)
        edges.append(AnnotationEdge(cursor=str(node.id), node=node))
    return AnnotationConnection(
        edges=edges,
        page_info=page_info([edge.cursor for edge in edges], page.has_next, after),
    )


async def annotation_node(info: Info[Context, None], pk: int) -> Annotation | None:
    found = await annotation_resolvers.find_annotation(info.context, pk)
    return Annotation.from_viewed(found) if found else None


@strawberry.input(description="Draw an annotation on an image.")
class CreateAnnotationInput:
    dataset_id: strawberry.ID = strawberry.field(description="The IMAGE dataset.")
    label: str = strawberry.field(description="1 to 200 characters.")
    geometry: JSON = strawberry.field(description="GeoJSON geometry in image pixels.")
    color: str | None = strawberry.field(default=DEFAULT_COLOR, description="#rrggbb.")
    note: str | None = strawberry.field(default="", description="At most 5000 characters.")


@strawberry.input(description="Change an annotation; omitted fields stay as they are.")
class UpdateAnnotationInput:
    id: strawberry.ID = strawberry.field(description="The annotation.")
    label: str | None = strawberry.field(default=None, description="1 to 200 characters.")
    geometry: JSON | None = strawberry.field(default=None, description="GeoJSON geometry.")
    color: str | None = strawberry.field(default=None, description="#rrggbb.")
    note: str | None = strawberry.field(default=None, description="At most 5000 characters.")


@payload_type("The result of creating or updating an annotation.")
class AnnotationPayload(Payload):
    annotation: Annotation | None = strawberry.field(
        default=None, description="The annotation as saved."
    )


@strawberry.input(description="Delete an annotation.")
class DeleteAnnotationInput:
    id: strawberry.ID = strawberry.field(description="The annotation.")


@payload_type("The result of `deleteAnnotation`.")
class DeleteAnnotationPayload(Payload):
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The id that was deleted."
    )


def _saved(viewed: ViewedAnnotation) -> AnnotationPayload:
    return AnnotationPayload(annotation=Annotation.from_viewed(viewed))


@strawberry.type
class AnnotationsMutation:
    @strawberry.mutation(
        description="Draw an annotation on an image (owner, or a recipient who may modify)."
    )
    async def create_annotation(
        self,
        info: Info[Context, None],
        input: Annotated[
            CreateAnnotationInput,
            strawberry.argument(description="The image and the annotation to draw on it."),
        ],
    ) -> AnnotationPayload:
        return await payload(
            AnnotationPayload,
            annotation_resolvers.create_annotation(
                info.context,
                str(input.dataset_id),
                input.label,
                input.geometry,
                input.color or DEFAULT_COLOR,
                input.note or "",
            ),
            _saved,
        )

    @strawberry.mutation(description="Change an annotation (the owner, or its author).")
    async def update_annotation(
        self,
        info: Info[Context, None],
        input: Annotated[
            UpdateAnnotationInput,
            strawberry.argument(description="The annotation and what changes."),
        ],
    ) -> AnnotationPayload:
        return await payload(
            AnnotationPayload,
            annotation_resolvers.update_annotation(
                info.context, str(input.id), input.label, input.geometry, input.color, input.note
            ),
            _saved,
        )

    @strawberry.mutation(description="Delete an annotation (the owner, or its author).")
    async def delete_annotation(
        self,
        info: Info[Context, None],
        input: Annotated[
            DeleteAnnotationInput, strawberry.argument(description="The annotation to delete.")
        ],
    ) -> DeleteAnnotationPayload:
        return await payload(
            DeleteAnnotationPayload,
            annotation_resolvers.delete_annotation(info.context, str(input.id)),
            lambda pk: DeleteAnnotationPayload(
                deleted_id=strawberry.ID(encode_id("Annotation", pk))
            ),
        )
