"""A dataset's files: adding or replacing one by name, removing one, and the primary file
and MSI problems copied onto the dataset row (so a card is read in one query)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models import ActivityKind, Dataset, DatasetFile, ResumableUpload, User
from services import access, activity, events, msi, storage
from services.clock import now
from services.datasets import ViewedDataset, find_visible
from services.errors import Forbidden, NotFound
from services.settings import Settings
from services.storage import StoredFile

PROBLEM_SEPARATOR = "\n"


@dataclass(frozen=True)
class NewFile:
    name: str
    content_type: str
    stored: StoredFile


async def owned(
    viewer: User,
    dataset_id: int | None,
    *,
    using_db: BaseDBAsyncClient | None = None,
    for_update: bool = False,
) -> ViewedDataset:
    """The dataset, if the viewer may change its files; `NotFound` or `Forbidden`."""
    viewed = await find_visible(viewer.id, dataset_id, using_db=using_db, for_update=for_update)
    if not access.may_upload(viewer.id, viewed.facts, viewed.viewer_grant_facts):
        raise Forbidden("Only the owner uploads or removes a dataset's files.")
    return viewed


class _AlreadyRecorded(Exception):
    """A finished resumable upload another request has already made a file."""


async def record_file(
    viewer: User,
    dataset_id: int,
    new: NewFile,
    settings: Settings,
    *,
    only_file: bool,
    finished_upload: int | None = None,
) -> None:
    """Add the stored file to the dataset, replacing the file of the same name (or, with
    `only_file`, every file) atomically; with `finished_upload`, that resumable upload's
    row goes in the same transaction. On failure the new bytes are removed; once the
    change is committed, the replaced bytes are."""
    try:
        run_uuid = await msi.run_uuid(settings, new.stored.key, new.name, new.stored.size)
        async with in_transaction() as conn:
            viewed = await owned(viewer, dataset_id, using_db=conn, for_update=True)
            if finished_upload is not None:
                gone = await ResumableUpload.filter(id=finished_upload).using_db(conn).delete()
                if gone == 0:
                    raise _AlreadyRecorded()
            files = DatasetFile.filter(dataset_id=viewed.dataset.id).using_db(conn)
            if only_file:
                replaced = [row.key for row in await files]
                await files.delete()
                existing = None
            else:
                existing = await files.filter(name=new.name).first()
                replaced = [existing.key] if existing else []
            values = {
                "content_type": new.content_type,
                "size": new.stored.size,
                "sha256": new.stored.sha256,
                "key": new.stored.key,
                "run_uuid": run_uuid,
                "uploaded_at": now(),
            }
            if existing:
                # Updated in place: a replaced file keeps its place among the others.
                existing.update_from_dict(values)
                await existing.save(using_db=conn)
            else:
                await DatasetFile.create(
                    using_db=conn, dataset_id=viewed.dataset.id, name=new.name, **values
                )
            await activity.record_by(
                conn,
                viewed.dataset.id,
                ActivityKind.UPLOADED,
                viewer.id,
                filename=new.name,
                bytes=new.stored.size,
                replaced=bool(replaced),
            )
            await refresh(viewed.dataset, conn)
    except _AlreadyRecorded:
        return
    except BaseException:
        await storage.delete_file(settings, new.stored.key)
        raise
    for key in replaced:
        if key != new.stored.key:
            await storage.delete_file(settings, key)


async def delete_file(viewer: User, dataset_id: int | None, name: str, settings: Settings) -> int:
    """Remove one file by name (the owner only); the dataset's pk."""
    async with in_transaction() as conn:
        viewed = await owned(viewer, dataset_id, using_db=conn, for_update=True)
        found = (
            await DatasetFile.filter(dataset_id=viewed.dataset.id, name=name).using_db(conn).first()
        )
        if found is None:
            raise NotFound("This dataset has no file of that name.", field="filename")
        await found.delete(using_db=conn)
        await activity.record_by(
            conn,
            viewed.dataset.id,
            ActivityKind.FILE_DELETED,
            viewer.id,
            filename=found.name,
            bytes=found.size,
        )
        await refresh(viewed.dataset, conn)
    await storage.delete_file(settings, found.key)
    return viewed.dataset.id


async def refresh(dataset: Dataset, conn: BaseDBAsyncClient) -> None:
    """Copy the primary file and the MSI problems onto the dataset row."""
    files = await DatasetFile.filter(dataset_id=dataset.id).using_db(conn).order_by("id")
    primary = primary_of(str(dataset.kind), files)
    dataset.file_name = primary.name if primary else None
    dataset.file_content_type = primary.content_type if primary else None
    dataset.file_size = primary.size if primary else None
    dataset.file_sha256 = primary.sha256 if primary else None
    dataset.file_key = primary.key if primary else None
    dataset.uploaded_at = max((f.uploaded_at for f in files), default=None)
    dataset.file_problems = PROBLEM_SEPARATOR.join(
        msi.problems(str(dataset.kind), [msi.RunFile(f.name, f.run_uuid) for f in files])
    )
    await dataset.save(using_db=conn)
    # Its files changed: live cards hear of it once this commits.
    await events.publish(conn, dataset.id)


def primary_of(kind: str, files: list[DatasetFile]) -> DatasetFile | None:
    """An MSI dataset's first .imzML, otherwise the first file uploaded."""
    if kind == "MSI":
        for found in files:
            if msi.is_imzml(found.name):
                return found
    return files[0] if files else None


def problems_from(text: str) -> list[str]:
    return [line for line in text.split(PROBLEM_SEPARATOR) if line]


async def files_of(dataset_ids: list[int]) -> dict[int, list[DatasetFile]]:
    """The files of each dataset, by name."""
    found: dict[int, list[DatasetFile]] = defaultdict(list)
    for row in await DatasetFile.filter(dataset_id__in=dataset_ids).order_by("name", "id"):
        found[row.dataset_id].append(row)
    return found


async def file_named(dataset_id: int, name: str) -> DatasetFile | None:
    return await DatasetFile.filter(dataset_id=dataset_id, name=name).first()
