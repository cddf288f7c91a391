"""peer help: skills, aliases, declared and demonstrated skills, alumni opt-in, help requests, offers, routes

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-28 12:30:00
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

_WHEN = storage.types.UTCDateTime


def _index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def _drop_index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))


def _skills() -> None:
    op.create_table(
        "skill",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_skill")),
    )
    op.create_table(
        "skill_alias",
        sa.Column("alias_key", sa.String(length=60), nullable=False),
        sa.Column("skill_key", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("alias_key", name=op.f("pk_skill_alias")),
    )
    op.create_table(
        "member_skill",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("skill_key", sa.String(length=60), nullable=False),
        sa.Column("added_at", _WHEN(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "skill_key", name=op.f("pk_member_skill")),
    )
    _index("member_skill", "skill_key")


def _skill_evidence() -> None:
    op.create_table(
        "skill_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("skill_key", sa.String(length=60), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("at", _WHEN(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_evidence")),
        sa.UniqueConstraint(
            "user_id",
            "skill_key",
            "source",
            "ref",
            name=op.f("uq_skill_evidence_user_id_skill_key_source_ref"),
        ),
    )
    _index("skill_evidence", "skill_key")
    op.create_table(
        "alumni_opt_in",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("since", _WHEN(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_alumni_opt_in")),
    )


def _request_tables() -> None:
    op.create_table(
        "help_settings",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=True),
        sa.Column("reroute_hours", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_help_settings_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_help_settings")),
    )
    op.create_table(
        "help_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("asker", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=True),
        sa.Column("ts", sa.String(length=32), nullable=True),
        sa.Column("created_at", _WHEN(), nullable=False),
        sa.Column("first_offer_at", _WHEN(), nullable=True),
        sa.Column("ended_at", _WHEN(), nullable=True),
        sa.Column("ended_by", sa.String(length=32), nullable=True),
        sa.Column("thanks", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohort.id"], name=op.f("fk_help_request_cohort_id_cohort"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_request")),
    )
    _index("help_request", "asker", "cohort_id", "status")


def _request_children() -> None:
    op.create_table(
        "help_request_skill",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("skill_key", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["help_request.id"],
            name=op.f("fk_help_request_skill_request_id_help_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("request_id", "skill_key", name=op.f("pk_help_request_skill")),
    )
    op.create_table(
        "help_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("helper", sa.String(length=32), nullable=False),
        sa.Column("offered_at", _WHEN(), nullable=False),
        sa.Column("credited", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["help_request.id"],
            name=op.f("fk_help_offer_request_id_help_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_offer")),
        sa.UniqueConstraint("request_id", "helper", name=op.f("uq_help_offer_request_id_helper")),
    )
    _index("help_offer", "helper")
    op.create_table(
        "help_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("routed_at", _WHEN(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["help_request.id"],
            name=op.f("fk_help_route_request_id_help_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_route")),
        sa.UniqueConstraint("request_id", "user_id", name=op.f("uq_help_route_request_id_user_id")),
    )


def upgrade() -> None:
    _skills()
    _skill_evidence()
    _request_tables()
    _request_children()


def downgrade() -> None:
    op.drop_table("help_route")
    _drop_index("help_offer", "helper")
    op.drop_table("help_offer")
    op.drop_table("help_request_skill")
    _drop_index("help_request", "asker", "cohort_id", "status")
    op.drop_table("help_request")
    op.drop_table("help_settings")
    op.drop_table("alumni_opt_in")
    _drop_index("skill_evidence", "skill_key")
    op.drop_table("skill_evidence")
    _drop_index("member_skill", "skill_key")
    op.drop_table("member_skill")
    op.drop_table("skill_alias")
    op.drop_table("skill")
