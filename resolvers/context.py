"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import HTTPConnection

from models import Session, User
from resolvers.loaders import Loaders
from services.errors import Unauthenticated
from services.live import LiveConnection, LiveHub
from services.settings import Settings


@dataclass
class Context:
    request: HTTPConnection
    settings: Settings
    viewer: User | None
    session: Session | None
    loaders: Loaders = field(init=False)
    # Set by log-in / log-out resolvers; the HTTP layer turns it into Set-Cookie.
    new_session_token: str | None = None
    clear_session_cookie: bool = False
    # Over WebSocket: the `connection_init` payload, this process's live hub and the
    # connection as the hub knows it (set once the connection is initialised).
    connection_params: dict[str, object] | None = None
    hub: LiveHub | None = None
    live: LiveConnection | None = None

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.viewer.id if self.viewer else None)

    def require_viewer(self) -> User:
        if self.viewer is None:
            raise Unauthenticated()
        return self.viewer

    def fresh_loaders(self) -> None:
        """New DataLoaders: each event of a subscription is read afresh, like a request."""
        self.loaders = Loaders(self.viewer.id if self.viewer else None)
