"""Email: written to the outbox with the change that causes it, delivered by a worker."""
