"""Mentor check-ins, and the check-in and digest schedules."""
