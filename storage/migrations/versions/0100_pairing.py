"""pairing: settings, the rounds' groups and their answers, pauses and never-pairs

Revision ID: 0100
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0100"
down_revision = "0002"
branch_labels = None
depends_on = None


def _cohort_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["cohort_id"], ["cohort.id"], name=op.f(f"fk_{table}_cohort_id_cohort"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "pairing_settings",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("every", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=3), nullable=False),
        sa.Column("time", sa.String(length=5), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=16), nullable=False),
        sa.Column("first_round", sa.Date(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        _cohort_key("pairing_settings"),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_pairing_settings")),
    )
    op.create_table(
        "pairing_pair",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("round_date", sa.Date(), nullable=False),
        sa.Column("members", sa.String(length=120), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("answered_by", sa.String(length=32), nullable=True),
        sa.Column("answered_at", storage.types.UTCDateTime(), nullable=True),
        _cohort_key("pairing_pair"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_pair")),
        sa.UniqueConstraint(
            "cohort_id", "round_date", "members", name=op.f("uq_pairing_pair_cohort_id_round_date_members")
        ),
    )
    with op.batch_alter_table("pairing_pair", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pairing_pair_cohort_id"), ["cohort_id"], unique=False)
    op.create_table(
        "pairing_pause",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("off", sa.Boolean(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_pairing_pause")),
    )
    op.create_table(
        "pairing_never",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("first", sa.String(length=32), nullable=False),
        sa.Column("second", sa.String(length=32), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        _cohort_key("pairing_never"),
        sa.PrimaryKeyConstraint("cohort_id", "first", "second", name=op.f("pk_pairing_never")),
    )


def downgrade() -> None:
    op.drop_table("pairing_never")
    op.drop_table("pairing_pause")
    with op.batch_alter_table("pairing_pair", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pairing_pair_cohort_id"))
    op.drop_table("pairing_pair")
    op.drop_table("pairing_settings")
