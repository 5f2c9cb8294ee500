"""Annotation resolvers: read the input, call one annotation service."""

from __future__ import annotations

from typing import Any

from resolvers.context import Context
from services import annotations as annotation_service
from services.annotations import AnnotationChanges, AnnotationPage, ViewedAnnotation
from services.datasets import DatasetCard
from services.ids import decode_pk

UNSET: Any = AnnotationChanges().geometry


async def create_annotation(
    context: Context, dataset_id: str, label: str, geometry: Any, color: str, note: str
) -> ViewedAnnotation:
    viewer = context.require_viewer()
    changes = AnnotationChanges(label=label, geometry=geometry, color=color, note=note)
    return await annotation_service.create_annotation(
        viewer, decode_pk(dataset_id, "Dataset"), changes
    )


async def update_annotation(
    context: Context,
    annotation_id: str,
    label: str | None,
    geometry: Any | None,
    color: str | None,
    note: str | None,
) -> ViewedAnnotation:
    viewer = context.require_viewer()
    changes = AnnotationChanges(
        label=label, geometry=UNSET if geometry is None else geometry, color=color, note=note
    )
    return await annotation_service.update_annotation(
        viewer, decode_pk(annotation_id, "Annotation"), changes
    )


async def delete_annotation(context: Context, annotation_id: str) -> int:
    viewer = context.require_viewer()
    return await annotation_service.delete_annotation(
        viewer, decode_pk(annotation_id, "Annotation")
    )


async def annotation_page(
    context: Context, card: DatasetCard, first: int, after_pk: int | None
) -> AnnotationPage:
    if card.link is not None:
        return await annotation_service.list_annotations_through_link(
            card.facts, card.id, card.link, first, after_pk
        )
    viewer_id = context.viewer.id if context.viewer else None
    return await annotation_service.list_annotations(viewer_id, card.id, first, after_pk)


async def find_annotation(context: Context, annotation_pk: int) -> ViewedAnnotation | None:
    viewer_id = context.viewer.id if context.viewer else None
    return await annotation_service.find_annotation(viewer_id, annotation_pk)
