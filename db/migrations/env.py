"""Alembic environment: migrates the engine handed over by db.engine, or DATABASE_URL."""

from __future__ import annotations

from alembic import context

from db.engine import default_url, make_engine
from db.models import Base

config = context.config
engine = config.attributes.get("engine") or make_engine(default_url())

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
