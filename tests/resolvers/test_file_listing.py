"""Listing datasets with their files costs a constant number of SQL statements."""

from __future__ import annotations

from models import DatasetFile
from services.clock import now
from services.ids import decode_pk
from tests.conftest import Service
from tests.sql_counter import count_statements
from tests.story import create_dataset, gql, signed_up

PAGE = """{ datasets(scope: OWNED, first: 50) { edges { node {
  uploadStatus fileProblems file { filename } files { filename sizeBytes downloadUrl } } } } }"""


async def test_a_page_with_files_costs_the_same_for_2_and_12_datasets(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    counts = []
    for total in (2, 12):
        while len(created := await DatasetFile.all().distinct().values_list("dataset_id")) < total:
            dataset = await create_dataset(service, alice, f"Run {len(created)}", "MSI")
            await DatasetFile.bulk_create(
                [
                    DatasetFile(
                        dataset_id=decode_pk(dataset, "Dataset"),
                        name=f"part{n}.bin",
                        content_type="application/octet-stream",
                        size=n,
                        sha256="0" * 64,
                        key=f"k{total}x{len(created)}x{n}".ljust(20, "x"),
                        uploaded_at=now(),
                    )
                    for n in range(3)
                ]
            )
        with count_statements() as statements:
            body = await gql(service, PAGE, token=alice.token)
        assert len(body["data"]["datasets"]["edges"]) == total
        assert all(len(e["node"]["files"]) == 3 for e in body["data"]["datasets"]["edges"])
        counts.append(len(statements))
    assert counts[0] == counts[1]
