"""Data version per owner (revision 0005, after 0004): app servers key their cached reads on it."""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add profiles.data_version, empty for existing owners until their next write."""
    with op.batch_alter_table("profiles") as batch_op:
        batch_op.add_column(sa.Column("data_version", sa.String(length=32), server_default="", nullable=False))


def downgrade() -> None:
    """Drop profiles.data_version."""
    with op.batch_alter_table("profiles") as batch_op:
        batch_op.drop_column("data_version")
