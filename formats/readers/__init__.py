"""Uploaded files read into raw input: Threshold's own export, Strong, Hevy and Apple Health (no database)."""
