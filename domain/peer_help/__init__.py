"""Peer help: skills directory, help requests, routing, offers, resolution."""
