"""cohorts, challenges, memberships, member profiles, cohort holidays and the audit log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 11:58:12.281046
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("archived_at", storage.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort")),
        sa.UniqueConstraint("name_key", name=op.f("uq_cohort_name_key")),
    )
    op.create_table(
        "member_profile",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("slack_timezone", sa.String(length=64), nullable=True),
        sa.Column("timezone_override", sa.String(length=64), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=True),
        sa.Column("deactivated", sa.Boolean(), nullable=False),
        sa.Column("is_bot", sa.Boolean(), nullable=False),
        sa.Column("fetched_at", storage.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_member_profile")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_audit_entry_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_cohort_id"), ["cohort_id"], unique=False)

    op.create_table(
        "challenge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_challenge_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenge")),
        sa.UniqueConstraint("cohort_id", "slug", name=op.f("uq_challenge_cohort_id_slug")),
    )
    op.create_table(
        "cohort_holiday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_cohort_holiday_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort_holiday")),
        sa.UniqueConstraint(
            "cohort_id", "first_day", "last_day", name=op.f("uq_cohort_holiday_cohort_id_first_day_last_day")
        ),
    )
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("challenge_slug", sa.String(length=40), nullable=False),
        sa.Column("added_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_membership_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
        sa.UniqueConstraint(
            "cohort_id",
            "user_id",
            "role",
            "challenge_slug",
            name=op.f("uq_membership_cohort_id_user_id_role_challenge_slug"),
        ),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_membership_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_user_id"))

    op.drop_table("membership")
    op.drop_table("cohort_holiday")
    op.drop_table("challenge")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_cohort_id"))

    op.drop_table("audit_entry")
    op.drop_table("member_profile")
    op.drop_table("cohort")
