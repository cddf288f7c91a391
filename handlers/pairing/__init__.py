"""Pairing in Slack: `/pairing`, `/cohort pairing` and the introduction buttons."""
