"""Cohorts: challenges, members, roles, rosters, the `/cohort` command."""
