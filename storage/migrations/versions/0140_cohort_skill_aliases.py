"""cohort skill aliases: a cohort's admins map names onto a skill for their cohort only

Revision ID: 0140
Revises: 0004
Create Date: 2026-12-04 23:15:00
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0140"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort_skill_alias",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("alias_key", sa.String(length=60), nullable=False),
        sa.Column("skill_key", sa.String(length=60), nullable=False),
        sa.Column("added_by", sa.String(length=32), nullable=False),
        sa.Column("added_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohort.id"],
            name=op.f("fk_cohort_skill_alias_cohort_id_cohort"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cohort_id", "alias_key", name=op.f("pk_cohort_skill_alias")),
    )


def downgrade() -> None:
    op.drop_table("cohort_skill_alias")
