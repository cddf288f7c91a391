"""Slack in: thin listeners, one package per feature; the feature registry in bot/ registers them."""
