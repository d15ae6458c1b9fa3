"""Storage: SQLAlchemy models, engine set-up, migrations and read queries."""
