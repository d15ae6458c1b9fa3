"""Helpers for cli.py, the command-line entry point."""
