"""stand-ups: schedules, entries (answers and skips) and absences

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standup_schedule",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("days", sa.String(length=40), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("remind_minutes", sa.Integer(), nullable=True),
        sa.Column("close", sa.String(length=5), nullable=True),
        sa.Column("zone_mode", sa.String(length=8), nullable=False),
        sa.Column("share", sa.String(length=8), nullable=False),
        sa.Column("mood", sa.Boolean(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=True),
        sa.Column("blocker_question", sa.Integer(), nullable=True),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohort.id"],
            name=op.f("fk_standup_schedule_cohort_id_cohort"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_standup_schedule")),
    )
    op.create_table(
        "standup_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("submitted_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("post_channel", sa.String(length=32), nullable=True),
        sa.Column("post_ts", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_standup_entry_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standup_entry")),
        sa.UniqueConstraint(
            "cohort_id", "local_date", "user_id", name=op.f("uq_standup_entry_cohort_id_local_date_user_id")
        ),
    )
    with op.batch_alter_table("standup_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_standup_entry_user_id"), ["user_id"], unique=False)

    op.create_table(
        "standup_absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("set_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standup_absence")),
    )
    with op.batch_alter_table("standup_absence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_standup_absence_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("standup_absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standup_absence_user_id"))
    op.drop_table("standup_absence")
    with op.batch_alter_table("standup_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standup_entry_user_id"))
    op.drop_table("standup_entry")
    op.drop_table("standup_schedule")
