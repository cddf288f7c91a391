"""Pairing tables and repository."""
