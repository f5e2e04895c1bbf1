"""Roadcase's public REST API (versioned under /api/v1/)."""
