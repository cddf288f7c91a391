"""trainings: the facilitator's feedback summary is sent once, when feedback closes, by the
scheduling core; the session no longer keeps a message to redraw

Revision ID: 0170
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0170"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.drop_column("summary_ts")
        batch_op.drop_column("summary_channel")


def downgrade() -> None:
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary_channel", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("summary_ts", sa.String(length=32), nullable=True))
