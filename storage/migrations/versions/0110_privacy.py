"""privacy: each cohort's retention periods and the erasure tombstones

Revision ID: 0110
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0110"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retention",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("text_months", sa.Integer(), nullable=False),
        sa.Column("figures_months", sa.Integer(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_retention_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_retention")),
    )
    op.create_table(
        "erasure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_hash", sa.String(length=64), nullable=False),
        sa.Column("pseudonym", sa.String(length=16), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("erased_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
    )
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erasure_user_hash"), ["user_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_user_hash"))
    op.drop_table("erasure")
    op.drop_table("retention")
