"""Thin resolvers: read input, call one service, hand back the result or a domain error."""
