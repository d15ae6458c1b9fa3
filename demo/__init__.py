"""The made-up history behind "Try with demo data" and the benchmarks (not domain: it imitates a person)."""
