"""Session starts in one text form on SQLite (revision 0007, after 0006).

Imports and the demo wrote a session's start through the driver, which leaves out the microseconds when they are
zero ('2026-11-02 00:00:00'), while the app writes them ('2026-11-02 00:00:00.000000'). SQLite compares the text,
so a session imported at midnight (a file with dates but no times) fell on the day before in every date range.
This writes the long form for every such start. PostgreSQL stores real timestamps and has nothing to change.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SHORT_FORM = len("2026-11-02 00:00:00")


def upgrade() -> None:
    """Add the zero microseconds to session starts (and bin times) stored without them."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for column in ("started_at", "deleted_at"):
        op.execute(f"UPDATE sessions SET {column} = {column} || '.000000' WHERE length({column}) = {SHORT_FORM}")


def downgrade() -> None:
    """Nothing to undo: the long form is what revision 0006's app writes too."""
