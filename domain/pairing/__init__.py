"""Pairing: rounds that introduce people of the cohort to each other, across challenges."""
