"""The rules and the I/O of datashare; nothing here knows about GraphQL."""
