"""scheduling core and processed events

Revision ID: 0001
Revises:
Create Date: 2026-11-28 11:44:38.829913
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "direct_channel",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_direct_channel")),
    )
    op.create_table(
        "occurrence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("due_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("grace_until", storage.types.UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occurrence")),
        sa.UniqueConstraint(
            "kind", "subject", "local_date", name=op.f("uq_occurrence_kind_subject_local_date")
        ),
    )
    with op.batch_alter_table("occurrence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_occurrence_status"), ["status"], unique=False)

    op.create_table(
        "processed_event",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("received_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_processed_event")),
    )
    with op.batch_alter_table("processed_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_processed_event_received_at"), ["received_at"], unique=False)

    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claim_token", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", storage.types.UTCDateTime(), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("ts", sa.String(length=32), nullable=True),
        sa.Column("sent_at", storage.types.UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["occurrence.id"],
            name=op.f("fk_delivery_occurrence_id_occurrence"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
        sa.UniqueConstraint("occurrence_id", "recipient", name=op.f("uq_delivery_occurrence_id_recipient")),
    )
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delivery_occurrence_id"), ["occurrence_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_delivery_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_status"))
        batch_op.drop_index(batch_op.f("ix_delivery_occurrence_id"))

    op.drop_table("delivery")
    with op.batch_alter_table("processed_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_event_received_at"))

    op.drop_table("processed_event")
    with op.batch_alter_table("occurrence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occurrence_status"))

    op.drop_table("occurrence")
    op.drop_table("direct_channel")
