"""The role catalog: models, checks across them, loading, caching and lookups."""
