"""stand-ups: whether the summary mentions who did not answer (off: names without a notification)

Revision ID: 0150
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0150"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("standup_schedule") as batch:
        batch.add_column(sa.Column("mention", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("standup_schedule") as batch:
        batch.alter_column("mention", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("standup_schedule") as batch:
        batch.drop_column("mention")
