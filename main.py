"""datashare: the command line (serve | migrate | worker) and the Starlette app."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from schema import build_schema
from services import database, storage
from services.notifications.worker import EmailWorker
from services.settings import Settings, load_settings
from web import files, tus
from web.graphql_http import graphql_endpoint

log = logging.getLogger("datashare")


async def healthz(request: Request) -> JSONResponse:
    try:
        await database.ping()
    except Exception:
        log.exception("health check: the database does not answer")
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.storage_url.startswith("file://"):
            settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        await database.open_database(settings)
        worker = EmailWorker(settings) if settings.email_worker else None
        if worker:
            worker.start()
        try:
            yield
        finally:
            if worker:
                await worker.stop()
            await storage.close_backends()
            await database.close_database()

    app = Starlette(
        routes=[
            Route("/graphql", graphql_endpoint, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/uploads/datasets/{dataset_id}", files.upload, methods=["PUT"]),
            Route(
                "/uploads/datasets/{dataset_id}/files", tus.creation, methods=["POST", "OPTIONS"]
            ),
            Route(
                "/uploads/datasets/{dataset_id}/files/{token}",
                tus.upload,
                methods=["HEAD", "PATCH", "DELETE", "OPTIONS"],
            ),
            Route("/files/datasets/{dataset_id}", files.download, methods=["GET", "HEAD"]),
            Route(
                "/files/datasets/{dataset_id}/{filename}", files.download, methods=["GET", "HEAD"]
            ),
        ],
        lifespan=lifespan,
    )
    public = urlsplit(settings.public_url)
    app.state.settings = settings
    app.state.public_origin = f"{public.scheme}://{public.netloc}"
    app.state.schema = build_schema(settings)
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="datashare", description=__doc__)
    parser.add_argument("command", choices=["serve", "migrate", "worker"])
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings()
    if args.command == "migrate":
        asyncio.run(database.migrate(settings))
    elif args.command == "worker":
        asyncio.run(EmailWorker.run_standalone(settings))
    else:
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


if __name__ == "__main__":
    main()
