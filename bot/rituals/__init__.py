"""One `Feature` record per feature: what it adds to the bot. The list is in bot/features.py."""
