"""Composition root: settings, clock, app factory, scheduler and command line."""
