"""deliveries: when the current claim was first posted, so a claim never attempted is resent at once

Revision ID: 0120
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0120"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("delivery") as batch:
        batch.add_column(sa.Column("attempted_at", storage.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("delivery") as batch:
        batch.drop_column("attempted_at")
