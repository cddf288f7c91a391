"""cohorts: when a cohort's zone, dates or holidays last changed

Revision ID: 0160
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0160"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rescheduled_at", storage.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.drop_column("rescheduled_at")
