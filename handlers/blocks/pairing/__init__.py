"""Block Kit of the pairing: introductions, follow-ups, replies and the Home section."""
