"""Errors the domain raises, with messages a user can act on."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input that cannot be saved; `errors` maps each field to what to fix."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFoundError(LookupError):
    """The record does not exist, or belongs to someone else (the two are not told apart)."""
