"""The person's data, uploaded to their DM as two files: JSON, and the same as readable text."""

from __future__ import annotations

from domain.privacy.access import PersonalFile
from handlers.blocks.kit import message, section
from handlers.blocks.privacy.replies import mydata_comment, mydata_json, mydata_text
from handlers.context import Context
from handlers.slack_out import send_dm


def send_personal_file(ctx: Context, data: PersonalFile, tz: str) -> bool:
    """False when Slack will not let the bot write to the person."""
    comment = mydata_comment(data, tz)
    channel = send_dm(ctx, data.user_id, message(comment, [section(comment)]))
    if channel is None:
        return False
    stamp = data.made_at.strftime("%Y%m%d-%H%M")
    ctx.slack.files_upload_v2(
        channel=channel,
        file_uploads=[
            {"content": mydata_json(data), "filename": f"cohortbot-{stamp}.json", "title": "JSON"},
            {"content": mydata_text(data, tz), "filename": f"cohortbot-{stamp}.txt", "title": "Text"},
        ],
    )
    return True
