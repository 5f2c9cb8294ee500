"""Complete MSI runs (SPEC section 15): an .imzML needs its .ibd and the reverse, and the UUID
in the imzML header must be the first 16 bytes of the .ibd. Small generated runs, sent
with tus and PUT, on local files and on S3."""

from __future__ import annotations

import os
import uuid

import pytest

from services import msi
from tests.conftest import Service
from tests.story import Person, create_dataset, gql, signed_up
from tests.web.test_tus import MIB, tus_upload

STATE = """query($id: ID!) { dataset(id: $id) {
  uploadStatus fileProblems file { filename } files { filename } } }"""
CARDS = "{ datasets(scope: OWNED) { edges { node { name uploadStatus fileProblems } } } }"


@pytest.fixture
def storage_settings(both_storages: dict[str, str]) -> dict[str, str]:
    return both_storages


def imzml(run: uuid.UUID | None, spectra_bytes: int = 0) -> bytes:
    """A small imzML document; the UUID in braces as instruments write it."""
    uuid_param = (
        f'<cvParam cvRef="IMS" accession="IMS:1000080" name="universally unique identifier" '
        f'value="{{{run}}}"/>'
        if run
        else ""
    )
    spectra = "".join(
        f'<spectrum id="s{i}" index="{i}"><cvParam cvRef="MS" accession="MS:1000511" '
        f'value="1"/></spectrum>'
        for i in range(spectra_bytes // 90)
    )
    return (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<mzML xmlns="http://psi.hupo.org/ms/mzml" version="1.1">'
        '<cvList count="2"/><fileDescription><fileContent>'
        '<cvParam cvRef="MS" accession="MS:1000579" name="MS1 spectrum" value=""/>'
        f"{uuid_param}"
        '<cvParam cvRef="IMS" accession="IMS:1000030" name="continuous" value=""/>'
        "</fileContent></fileDescription>"
        f'<run id="r"><spectrumList count="1">{spectra}</spectrumList></run></mzML>'
    ).encode("latin-1")


def ibd(run: uuid.UUID, size: int = 4096) -> bytes:
    return run.bytes + os.urandom(size)


async def state_of(service: Service, person: Person, dataset_id: str) -> dict:
    return (await gql(service, STATE, {"id": dataset_id}, token=person.token))["data"]["dataset"]


async def test_a_run_is_ready_once_both_files_of_one_run_are_there(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    run = await create_dataset(service, alice, "Brain run", "MSI")
    first = uuid.uuid4()

    await tus_upload(service, alice, run, ibd(first), "brain.ibd")
    seen = await state_of(service, alice, run)
    assert seen["uploadStatus"] == "PENDING"
    assert seen["fileProblems"] == ["brain.ibd needs its metadata file, brain.imzML."]

    await tus_upload(service, alice, run, imzml(first), "brain.imzML")
    seen = await state_of(service, alice, run)
    assert seen == {
        "uploadStatus": "READY",
        "fileProblems": [],
        "file": {"filename": "brain.imzML"},  # the primary file, though uploaded second
        "files": [{"filename": "brain.ibd"}, {"filename": "brain.imzML"}],
    }
    cards = (await gql(service, CARDS, token=alice.token))["data"]["datasets"]["edges"]
    assert cards == [{"node": {"name": "Brain run", "uploadStatus": "READY", "fileProblems": []}}]


async def test_mismatched_and_missing_halves_are_said_for_people(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    run = await create_dataset(service, alice, "Kidney run", "MSI")
    first, other = uuid.uuid4(), uuid.uuid4()

    await tus_upload(service, alice, run, imzml(first), "kidney.imzML")
    seen = await state_of(service, alice, run)
    assert seen["uploadStatus"] == "PENDING"
    assert seen["fileProblems"] == ["kidney.imzML needs its binary data file, kidney.ibd."]
    assert seen["file"] == {"filename": "kidney.imzML"}

    await tus_upload(service, alice, run, ibd(other), "kidney.ibd")
    [problem] = (await state_of(service, alice, run))["fileProblems"]
    assert "not of the same run" in problem
    assert first.hex in problem and other.hex in problem

    await tus_upload(service, alice, run, ibd(first), "kidney.ibd")  # the right one replaces it
    assert (await state_of(service, alice, run))["uploadStatus"] == "READY"

    delete = """mutation($i: DeleteDatasetFileInput!) { deleteDatasetFile(input: $i) {
      dataset { uploadStatus fileProblems } errors { code } } }"""
    gone = await gql(
        service, delete, {"i": {"datasetId": run, "filename": "kidney.ibd"}}, token=alice.token
    )
    assert gone["data"]["deleteDatasetFile"]["dataset"] == {
        "uploadStatus": "PENDING",
        "fileProblems": ["kidney.imzML needs its binary data file, kidney.ibd."],
    }


async def test_a_header_without_a_uuid(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    run = await create_dataset(service, alice, "Liver run", "MSI")
    await tus_upload(service, alice, run, imzml(None), "liver.imzML")
    await tus_upload(service, alice, run, ibd(uuid.uuid4()), "liver.ibd")
    assert (await state_of(service, alice, run))["fileProblems"] == [
        "liver.imzML names no run UUID (IMS:1000080) in its header."
    ]


async def test_the_header_is_read_from_the_start_of_a_large_imzml(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    run = await create_dataset(service, alice, "Large run", "MSI")
    first = uuid.uuid4()
    document = imzml(first, spectra_bytes=6 * MIB)
    assert len(document) > msi.HEADER_LIMIT
    await tus_upload(service, alice, run, document, "large.imzML", chunk_size=2 * MIB)
    await tus_upload(service, alice, run, ibd(first), "large.ibd")
    assert (await state_of(service, alice, run))["uploadStatus"] == "READY"


async def test_other_files_and_images_have_no_problems(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    run = await create_dataset(service, alice, "Zipped run", "MSI")
    image = await create_dataset(service, alice, "Section", "IMAGE")
    await tus_upload(service, alice, run, b"PK\x03\x04 zipped", "run.zip")
    await tus_upload(service, alice, image, ibd(uuid.uuid4()), "odd.ibd")
    assert (await state_of(service, alice, run))["uploadStatus"] == "READY"
    assert (await state_of(service, alice, image))["fileProblems"] == []


def test_problems_pair_by_base_name_ignoring_case() -> None:
    same = uuid.uuid4().hex
    files = [msi.RunFile("A.IMZML", same), msi.RunFile("a.ibd", same)]
    assert msi.problems("MSI", files) == []
    assert msi.problems("IMAGE", [msi.RunFile("a.ibd", same)]) == []
    assert msi.normalised_uuid("{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}") == (
        "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    )
    assert msi.normalised_uuid("not a uuid") is None
