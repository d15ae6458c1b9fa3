"""Benchmarks and the synthetic-history command line (run from the repository root)."""
