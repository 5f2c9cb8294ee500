"""The HTTP surface: GraphQL over HTTP, file transfer, health."""
