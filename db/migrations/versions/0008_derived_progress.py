"""Derived Progress data per owner and the triggers that mark it stale (revision 0008, after 0007).

The table starts empty: each owner's payload is built after their next write (services/derived.py); until then
the Progress page reads the records as before.
"""

import sqlalchemy as sa
from alembic import op

from db.derived_triggers import create_statements, drop_statements

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create derived_progress and its triggers."""
    op.create_table(
        "derived_progress",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("built", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["profiles.id"], name=op.f("fk_derived_progress_owner_id_profiles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_derived_progress")),
    )
    for statement in create_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    """Drop the triggers and the table."""
    for statement in drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("derived_progress")
