"""Delivers outbox messages over SMTP (being written)."""

from __future__ import annotations

from services.settings import Settings


class EmailWorker:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    @classmethod
    async def run_standalone(cls, settings: Settings) -> None:
        raise NotImplementedError
