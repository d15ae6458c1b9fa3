"""Function goals (PSFS), global impression of change (PGIC), medication and sleep (revision 0006, after 0005)."""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _owned_table(name: str, *columns: sa.Column | sa.UniqueConstraint) -> None:
    """Create a table with an id, an indexed owner (its rows go when the profile goes) and the given columns."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["owner_id"], ["profiles.id"], name=op.f(f"fk_{name}_owner_id_profiles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name) as batch_op:
        batch_op.create_index(op.f(f"ix_{name}_owner_id"), ["owner_id"])


def upgrade() -> None:
    """Add the five new tables and the optional sleep rating on morning check-ins."""
    _owned_table(
        "function_goals",
        sa.Column("activity", sa.String(length=80), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    _owned_table(
        "psfs_ratings",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["function_goals.id"], name=op.f("fk_psfs_ratings_goal_id_function_goals"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("goal_id", "day", name=op.f("uq_psfs_ratings_goal_id")),
    )
    with op.batch_alter_table("psfs_ratings") as batch_op:
        batch_op.create_index(op.f("ix_psfs_ratings_goal_id"), ["goal_id"])
    _owned_table(
        "pgic_answers",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.UniqueConstraint("owner_id", "day", name=op.f("uq_pgic_answers_owner_id")),
    )
    _owned_table(
        "medications",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("dose", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("start_day", sa.Date(), nullable=False),
        sa.Column("end_day", sa.Date(), nullable=True),
    )
    _owned_table(
        "as_needed_doses",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("dose", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("as_needed_doses") as batch_op:
        batch_op.create_index(op.f("ix_as_needed_doses_taken_at"), ["taken_at"])
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.add_column(sa.Column("sleep_quality", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the sleep rating and the five tables."""
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.drop_column("sleep_quality")
    for name in ("as_needed_doses", "medications", "pgic_answers", "psfs_ratings", "function_goals"):
        op.drop_table(name)
