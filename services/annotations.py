"""Annotations on stained images: drawn by the owner and by recipients who may modify."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from models import ActivityKind, Annotation, User
from services import access, activity, events
from services.access import DatasetFacts
from services.datasets import ViewedDataset, find_visible
from services.errors import DomainError, Forbidden, InvalidInput, NotFound, collect
from services.geometry import validate_geometry

MAX_LABEL = 200
MAX_NOTE = 5000
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_UNSET: Any = object()


@dataclass(frozen=True)
class AnnotationChanges:
    """Fields to set; anything left as None stays as it is."""

    label: str | None = None
    geometry: Any = _UNSET
    color: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ViewedAnnotation:
    """An annotation with whether the viewer may edit or delete it."""

    annotation: Annotation
    viewer_can_edit: bool
    # Seen through an anonymous reviewer link: its author is shown as a stand-in.
    author_hidden: bool = False


@dataclass
class AnnotationPage:
    annotations: list[ViewedAnnotation]
    has_next: bool


def _validated(changes: AnnotationChanges) -> dict[str, Any]:
    """Every field checked at once; nothing is written if any is wrong."""
    values: dict[str, Any] = {}
    errors: list[DomainError] = []
    if changes.label is not None:
        label = changes.label.strip()
        if not 1 <= len(label) <= MAX_LABEL:
            errors.append(InvalidInput(f"A label has 1 to {MAX_LABEL} characters.", field="label"))
        values["label"] = label
    if changes.geometry is not _UNSET:
        try:
            values["geometry"] = validate_geometry(changes.geometry)
        except InvalidInput as error:
            errors.append(error)
    if changes.color is not None:
        if not _COLOR.match(changes.color):
            errors.append(InvalidInput("A color is written #rrggbb.", field="color"))
        values["color"] = changes.color.lower()
    if changes.note is not None:
        if len(changes.note) > MAX_NOTE:
            errors.append(InvalidInput(f"A note has at most {MAX_NOTE} characters.", field="note"))
        values["note"] = changes.note
    collect(errors)
    return values


async def create_annotation(
    viewer: User, dataset_id: int | None, changes: AnnotationChanges
) -> ViewedAnnotation:
    if changes.label is None or changes.geometry is _UNSET:
        raise InvalidInput("An annotation needs a label and a geometry.")
    async with in_transaction() as conn:
        viewed = await find_visible(viewer.id, dataset_id, using_db=conn)
        access.check_annotate(viewer.id, viewed.facts, viewed.viewer_grant_facts)
        values = _validated(changes)
        values.setdefault("color", "#ffcc00")
        values.setdefault("note", "")
        created = await Annotation.create(
            dataset_id=viewed.dataset.id, author_id=viewer.id, using_db=conn, **values
        )
        await _record(conn, viewer, created, "added")
        await events.publish(conn, viewed.dataset.id)
        return _as_viewed(viewer.id, viewed, created)


async def _record(conn: Any, viewer: User, annotation: Annotation, action: str) -> None:
    """ANNOTATED, saying what was done to which annotation."""
    await activity.record_by(
        conn,
        annotation.dataset_id,
        ActivityKind.ANNOTATED,
        viewer.id,
        action=action,
        label=annotation.label,
    )


async def _editable(
    viewer: User, annotation_id: int | None, conn: Any
) -> tuple[Annotation, ViewedDataset]:
    annotation = (
        await Annotation.filter(id=annotation_id).using_db(conn).first() if annotation_id else None
    )
    if annotation is None:
        raise NotFound("No such annotation.")
    try:
        viewed = await find_visible(viewer.id, annotation.dataset_id, using_db=conn)
    except NotFound:
        raise NotFound("No such annotation.") from None
    if not access.may_edit_annotation(
        viewer.id, viewed.facts, viewed.viewer_grant_facts, annotation.author_id
    ):
        raise Forbidden("You may not change this annotation.")
    return annotation, viewed


async def update_annotation(
    viewer: User, annotation_id: int | None, changes: AnnotationChanges
) -> ViewedAnnotation:
    async with in_transaction() as conn:
        annotation, viewed = await _editable(viewer, annotation_id, conn)
        values = _validated(changes)
        if values:
            annotation.update_from_dict(values)
            await annotation.save(using_db=conn)
            await _record(conn, viewer, annotation, "changed")
            await events.publish(conn, annotation.dataset_id)
        return _as_viewed(viewer.id, viewed, annotation)


async def delete_annotation(viewer: User, annotation_id: int | None) -> int:
    async with in_transaction() as conn:
        annotation, _ = await _editable(viewer, annotation_id, conn)
        await annotation.delete(using_db=conn)
        await _record(conn, viewer, annotation, "removed")
        await events.publish(conn, annotation.dataset_id)
        return annotation.id


async def list_annotations(
    viewer_id: int | None, dataset_id: int, first: int, after_id: int | None
) -> AnnotationPage:
    """A page of a dataset's annotations, oldest first (ids grow with time)."""
    try:
        viewed = await find_visible(viewer_id, dataset_id)
    except NotFound:
        return AnnotationPage([], False)
    if not viewed.facts.annotatable:
        return AnnotationPage([], False)
    rows = await _page_rows(dataset_id, first, after_id)
    return AnnotationPage(
        [_as_viewed(viewer_id, viewed, row) for row in rows[:first]], len(rows) > first
    )


async def list_annotations_through_link(
    dataset: DatasetFacts, dataset_id: int, link: access.LinkFacts, first: int, after_id: int | None
) -> AnnotationPage:
    """A page of annotations as a reviewer link shows them: visible, never editable, and
    their authors hidden if the link is anonymous."""
    if not dataset.annotatable:
        return AnnotationPage([], False)
    rows = await _page_rows(dataset_id, first, after_id)
    hidden = access.link_hides_people(link)
    return AnnotationPage(
        [
            ViewedAnnotation(row, viewer_can_edit=False, author_hidden=hidden)
            for row in rows[:first]
        ],
        len(rows) > first,
    )


async def _page_rows(dataset_id: int, first: int, after_id: int | None) -> list[Annotation]:
    """Oldest first (ids grow with time), one more than the page to tell if more follow."""
    query = Annotation.filter(dataset_id=dataset_id)
    if after_id is not None:
        query = query.filter(id__gt=after_id)
    return await query.order_by("id").limit(first + 1)


async def find_annotation(viewer_id: int | None, annotation_id: int) -> ViewedAnnotation | None:
    """An annotation and whether the viewer may edit it, if they can see its dataset."""
    annotation = await Annotation.filter(id=annotation_id).first()
    if annotation is None:
        return None
    try:
        viewed = await find_visible(viewer_id, annotation.dataset_id)
    except NotFound:
        return None
    return _as_viewed(viewer_id, viewed, annotation)


def _as_viewed(
    viewer_id: int | None, viewed: ViewedDataset, annotation: Annotation
) -> ViewedAnnotation:
    editable = access.may_edit_annotation(
        viewer_id, viewed.facts, viewed.viewer_grant_facts, annotation.author_id
    )
    return ViewedAnnotation(annotation, editable)
