"""A local stand-in for Slack: its Web API on 127.0.0.1, and the requests Slack sends to a bot.

It lets the bot run without a workspace or a token: `cohortbot demo` plays a program week
against it, and the tests and benchmarks use it as their Slack. It keeps what a workspace
would (users, channels, messages, forms, files), checks Block Kit limits the way Slack does,
and answers errors and rate limits on demand.
"""
