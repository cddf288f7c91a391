"""peer-to-peer trainings: sessions, sign-ups, feedback and the per-cohort approval setting

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-28 12:40:00
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

_WHEN = storage.types.UTCDateTime


def _index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "training_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("facilitator", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_at", _WHEN(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("seats_taken", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", _WHEN(), nullable=False),
        sa.Column("announced_at", _WHEN(), nullable=True),
        sa.Column("announce_channel", sa.String(length=32), nullable=True),
        sa.Column("announce_ts", sa.String(length=32), nullable=True),
        sa.Column("summary_channel", sa.String(length=32), nullable=True),
        sa.Column("summary_ts", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "seats_taken >= 0 AND seats_taken <= capacity", name=op.f("ck_training_session_seats")
        ),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohort.id"],
            name=op.f("fk_training_session_cohort_id_cohort"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session")),
    )
    _index("training_session", "cohort_id", "facilitator", "starts_at")

    op.create_table(
        "training_signup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("queue_no", sa.Integer(), nullable=False),
        sa.Column("queued_at", _WHEN(), nullable=False),
        sa.Column("updated_at", _WHEN(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_session.id"],
            name=op.f("fk_training_signup_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_signup")),
        sa.UniqueConstraint("session_id", "user_id", name=op.f("uq_training_signup_session_id_user_id")),
    )
    _index("training_signup", "session_id", "user_id")

    op.create_table(
        "training_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("submitted_at", _WHEN(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_session.id"],
            name=op.f("fk_training_feedback_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_feedback")),
        sa.UniqueConstraint("session_id", "user_id", name=op.f("uq_training_feedback_session_id_user_id")),
    )
    _index("training_feedback", "session_id")

    op.create_table(
        "training_setting",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("approval_required", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohort.id"],
            name=op.f("fk_training_setting_cohort_id_cohort"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_training_setting")),
    )


def downgrade() -> None:
    op.drop_table("training_setting")
    op.drop_table("training_feedback")
    op.drop_table("training_signup")
    op.drop_table("training_session")
