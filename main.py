"""datashare: the command line (serve | migrate | worker) and the Starlette app."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import strawberry
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

from schema import build_schema
from services import database, storage
from services.background import Worker
from services.logs import configure_logging
from services.metrics import process_ended
from services.settings import Settings, load_settings
from web import files, server, tus
from web.auth import authenticated
from web.connection import OneConnection
from web.errors import UnexpectedErrors
from web.graphql_http import graphql_endpoint
from web.graphql_ws import GraphQLWebSocket
from web.metrics import metrics
from web.state import STATE_KEY, AppState
from web.static import WebAppRoute
from web.telemetry import REQUEST_ID_HEADER, RequestTelemetry

log = logging.getLogger("datashare")


async def healthz(request: Request) -> JSONResponse:
    try:
        await database.ping()
    except Exception:
        log.exception("health check: the database does not answer")
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def cors(settings: Settings) -> list[Middleware]:
    """Web apps on `CORS_ORIGINS` may call the API with a Bearer token: never with
    credentials (cookies are not honoured from another origin anyway, see web/auth.py)."""
    if not settings.cors_origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "POST", "PUT"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "Content-Disposition",
                "Range",
                "If-Range",
                "If-None-Match",
            ],
            expose_headers=[
                "Content-Disposition",
                "Content-Length",
                "Content-Range",
                "Accept-Ranges",
                "ETag",
                REQUEST_ID_HEADER,
            ],
            allow_credentials=False,
            max_age=600,
        )
    ]


def create_app(settings: Settings, schema: strawberry.Schema | None = None) -> Starlette:
    """The app; `schema` replaces datashare's own (tests of the HTTP layer)."""
    state = AppState.create(settings, schema or build_schema(settings))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, AppState]]:
        if settings.storage_url.startswith("file://"):
            settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        await database.open_database(settings)
        worker = Worker(settings) if settings.email_worker else None
        if worker:
            worker.start()
        await state.hub.start()
        try:
            yield {STATE_KEY: state}
        finally:
            await state.hub.stop()
            if worker:
                await worker.stop()
            await storage.close_backends()
            await database.close_database()
            process_ended()

    graphql_methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]
    return Starlette(
        routes=[
            Route(
                "/graphql",
                graphql_endpoint,
                methods=graphql_methods,
                middleware=[Middleware(OneConnection), *authenticated()],
            ),
            WebSocketRoute("/graphql", GraphQLWebSocket(state.schema, settings)),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Route(
                "/uploads/datasets/{dataset_id}",
                files.upload,
                methods=["PUT"],
                middleware=authenticated(),
            ),
            Route(
                "/uploads/datasets/{dataset_id}/files",
                tus.creation,
                methods=["POST", "OPTIONS"],
                middleware=authenticated(),
            ),
            Route(
                "/uploads/datasets/{dataset_id}/files/{token}",
                tus.upload,
                methods=["HEAD", "PATCH", "DELETE", "OPTIONS"],
                middleware=authenticated(),
            ),
            Route(
                "/files/datasets/{dataset_id}",
                files.download,
                methods=["GET", "HEAD"],
                middleware=authenticated(),
            ),
            Route(
                "/files/datasets/{dataset_id}/{filename}",
                files.download,
                methods=["GET", "HEAD"],
                middleware=authenticated(),
            ),
            # Last: every other GET path belongs to the web app.
            WebAppRoute(state.webapp),
        ],
        # Telemetry outermost, seeing every answer; then CORS, so that even a 500 reaches
        # the web app that asked.
        middleware=[Middleware(RequestTelemetry), *cors(settings), Middleware(UnexpectedErrors)],
        lifespan=lifespan,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="datashare", description=__doc__)
    parser.add_argument("command", choices=["serve", "migrate", "worker"])
    args = parser.parse_args(argv)
    settings = load_settings()
    configure_logging(settings.log_format)
    if args.command == "migrate":
        asyncio.run(database.migrate(settings))
    elif args.command == "worker":
        asyncio.run(Worker.run_standalone(settings))
    else:
        # uvicorn's own lines go through the same handler; the access lines are ours.
        served = server.config(
            create_app(settings),
            settings.host,
            settings.port,
            log_level="info",
            log_config=None,
            access_log=False,
        )
        uvicorn.Server(served).run()


if __name__ == "__main__":
    main()
