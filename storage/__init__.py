"""Persistence: SQLAlchemy 2.0 typed models, repositories, unit of work and Alembic migrations."""
