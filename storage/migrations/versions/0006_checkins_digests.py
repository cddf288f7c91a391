"""mentor check-ins and digests: their schedules, the check-ins, and what fellows share

Revision ID: 0006
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None


def _cohort_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["cohort_id"], ["cohort.id"], name=op.f(f"fk_{table}_cohort_id_cohort"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "checkin_schedule",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("every", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=3), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("first_round", sa.Date(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        _cohort_key("checkin_schedule"),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_checkin_schedule")),
    )
    op.create_table(
        "digest_schedule",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("day", sa.String(length=3), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("isolation_days", sa.Integer(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        _cohort_key("digest_schedule"),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_digest_schedule")),
    )
    op.create_table(
        "mentor_checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("mentor", sa.String(length=32), nullable=False),
        sa.Column("round_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("going_well", sa.Text(), nullable=False),
        sa.Column("blockers", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("answered_at", storage.types.UTCDateTime(), nullable=True),
        sa.Column("missed_at_round", sa.Date(), nullable=True),
        _cohort_key("mentor_checkin"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_checkin")),
        sa.UniqueConstraint(
            "cohort_id", "round_date", "mentor", name=op.f("uq_mentor_checkin_cohort_id_round_date_mentor")
        ),
    )
    with op.batch_alter_table("mentor_checkin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentor_checkin_mentor"), ["mentor"], unique=False)
    op.create_table(
        "digest_share",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("share", sa.String(length=8), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_digest_share")),
    )


def downgrade() -> None:
    op.drop_table("digest_share")
    with op.batch_alter_table("mentor_checkin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentor_checkin_mentor"))
    op.drop_table("mentor_checkin")
    op.drop_table("digest_schedule")
    op.drop_table("checkin_schedule")
