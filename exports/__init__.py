"""Exports: pure functions that turn an owner's data into files (bytes)."""
