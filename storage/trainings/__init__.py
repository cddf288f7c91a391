"""Peer-to-peer trainings: proposals, sessions, sign-ups, waitlist, reminders, feedback."""
