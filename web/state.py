"""What every request of the app shares, made once and handed out by the lifespan."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import strawberry
from starlette.requests import HTTPConnection

from services.live import LiveHub
from services.settings import Settings
from web.static import WebApp

STATE_KEY = "datashare"


@dataclass(frozen=True)
class AppState:
    settings: Settings
    schema: strawberry.Schema
    # `PUBLIC_URL`'s origin: the one origin whose pages the session cookie may act for.
    public_origin: str
    # The built web app and GraphiQL (`WEBAPP_DIR`).
    webapp: WebApp
    # This process's live subscriptions (started and stopped by the lifespan).
    hub: LiveHub

    @classmethod
    def create(cls, settings: Settings, schema: strawberry.Schema) -> AppState:
        public = urlsplit(settings.public_url)
        return cls(
            settings,
            schema,
            f"{public.scheme}://{public.netloc}",
            WebApp(settings.webapp_dir),
            LiveHub(settings.database_url, settings.live_queue_size),
        )


def state_of(connection: HTTPConnection) -> AppState:
    """The app's state as the lifespan gave it (Starlette copies it into each request)."""
    state = getattr(connection.state, STATE_KEY)
    assert isinstance(state, AppState)
    return state
