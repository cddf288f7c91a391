"""The Home tab: someone's cohorts and what waits for them, or a welcome for someone in no cohort."""

from __future__ import annotations

from domain.checkins.model import Share
from domain.home.overview import Home, StandupState, StandupToday
from domain.messages import N_
from domain.trainings.model import SignupStatus
from handlers import ids
from handlers.blocks.checkins.messages import OPEN_BUTTON as CHECKIN_BUTTON
from handlers.blocks.checkins.replies import SHARE_FIGURES, SHARE_TEXT
from handlers.blocks.cohorts.show import ROLE_IN_CHALLENGE, ROLE_NAMES
from handlers.blocks.kit import Block, button, context, divider, escape, header, section
from handlers.blocks.standups.form import standup_value
from handlers.blocks.standups.messages import ANSWER_BUTTON
from handlers.i18n import format_date, format_datetime, gettext, ngettext

HOME_BLOCKS_MAX = 100

WELCOME_TITLE = N_("Welcome to cohortbot")
WELCOME_BODY = N_(
    "cohortbot runs the daily life of a fellowship cohort in Slack: the fellows' stand-ups, "
    "peer help, peer trainings and the mentors' check-ins."
)
WELCOME_NOT_YET = N_("You are not in a cohort yet. A program admin adds people with /cohort add.")
YOUR_COHORTS = N_("Your cohorts")
COHORT_LINE = N_("*{cohort}* · {role}")
STANDUP_TITLE = N_("Today's stand-up")
STANDUP_TO_ANSWER = N_("*{cohort}* · the stand-up of {day} waits for your answer.")
STANDUP_ANSWERED = N_("*{cohort}* · answered, thank you.")
STANDUP_SKIPPED = N_("*{cohort}* · skipped today.")
STANDUP_NONE_OPEN = N_("*{cohort}* · no stand-up open right now.")
HELP_TITLE = N_("Your help requests")
HELP_LINE = N_("• {title}")
TRAININGS_TITLE = N_("Your peer training sign-ups")
TRAINING_SEAT = N_("• *{title}* · {when}")
TRAINING_WAITLIST = N_("• *{title}* · {when} (waitlist)")
SHARE_TITLE = N_("What the digests show of your stand-up")
SHARE_FIGURES_BUTTON = N_("Figures only")
SHARE_TEXT_BUTTON = N_("Figures and text")
CHECKINS_TITLE = N_("Your mentor check-ins")
CHECKIN_WAITING = N_("*{cohort}* · a check-in waits for your answer.")
CHECKIN_DONE = N_("*{cohort}* · no check-in waiting.")


def _actions(*elements: dict) -> Block:
    return {"type": "actions", "elements": list(elements)}


def _with_button(text: str, element: dict) -> Block:
    return section(text) | {"accessory": element}


def _memberships(home: Home) -> list[Block]:
    lines = []
    for m in home.memberships:
        role = gettext(ROLE_NAMES[m.role], home.lang)
        if m.challenge:
            role = gettext(ROLE_IN_CHALLENGE, home.lang, role=role, challenge=escape(m.challenge))
        lines.append(gettext(COHORT_LINE, home.lang, cohort=escape(m.cohort.name), role=role))
    return [header(gettext(YOUR_COHORTS, home.lang)), section("\n".join(lines))]


def _standup(standup: StandupToday, lang: str) -> Block:
    cohort = escape(standup.cohort.name)
    if standup.state is StandupState.TO_ANSWER and standup.day is not None:
        text = gettext(STANDUP_TO_ANSWER, lang, cohort=cohort, day=format_date(standup.day, lang, "full"))
        return _with_button(
            text,
            button(
                gettext(ANSWER_BUTTON, lang),
                ids.STANDUP_OPEN,
                standup_value(standup.cohort.id, standup.day),
                "primary",
            ),
        )
    texts = {StandupState.ANSWERED: STANDUP_ANSWERED, StandupState.SKIPPED: STANDUP_SKIPPED}
    return section(gettext(texts.get(standup.state, STANDUP_NONE_OPEN), lang, cohort=cohort))


def _standups(home: Home) -> list[Block]:
    if not home.standups:
        return []
    return [header(gettext(STANDUP_TITLE, home.lang)), *(_standup(s, home.lang) for s in home.standups)]


def _help(home: Home) -> list[Block]:
    if not home.help_open:
        return []
    lines = [
        ngettext(
            "You have {count} open help request.",
            "You have {count} open help requests.",
            home.help_open,
            home.lang,
        )
    ]
    lines += [gettext(HELP_LINE, home.lang, title=escape(r.title)) for r in home.help_requests]
    return [header(gettext(HELP_TITLE, home.lang)), section("\n".join(lines))]


def _trainings(home: Home) -> list[Block]:
    if not home.trainings:
        return []
    lines = []
    for listed in home.trainings:
        session, tz = listed.session, listed.cohort.timezone
        line = TRAINING_WAITLIST if listed.my_status is SignupStatus.WAITLISTED else TRAINING_SEAT
        when = format_datetime(session.starts_at, home.lang, tz)
        lines.append(gettext(line, home.lang, title=escape(session.title), when=when))
    return [header(gettext(TRAININGS_TITLE, home.lang)), section("\n".join(lines))]


def _share(home: Home) -> list[Block]:
    if home.share is None:
        return []
    lang = home.lang
    chosen = SHARE_TEXT if home.share is Share.TEXT else SHARE_FIGURES
    figures = button(
        gettext(SHARE_FIGURES_BUTTON, lang),
        ids.HOME_SHARE_FIGURES,
        Share.FIGURES.value,
        "primary" if home.share is Share.FIGURES else None,
    )
    text = button(
        gettext(SHARE_TEXT_BUTTON, lang),
        ids.HOME_SHARE_TEXT,
        Share.TEXT.value,
        "primary" if home.share is Share.TEXT else None,
    )
    return [header(gettext(SHARE_TITLE, lang)), section(gettext(chosen, lang)), _actions(figures, text)]


def _checkins(home: Home) -> list[Block]:
    if not home.checkins:
        return []
    blocks: list[Block] = [header(gettext(CHECKINS_TITLE, home.lang))]
    for checkin in home.checkins:
        cohort = escape(checkin.cohort.name)
        if checkin.waiting:
            blocks.append(
                _with_button(
                    gettext(CHECKIN_WAITING, home.lang, cohort=cohort),
                    button(
                        gettext(CHECKIN_BUTTON, home.lang),
                        ids.CHECKIN_OPEN,
                        str(checkin.cohort.id),
                        "primary",
                    ),
                )
            )
        else:
            blocks.append(section(gettext(CHECKIN_DONE, home.lang, cohort=cohort)))
    return blocks


def _welcome(lang: str) -> list[Block]:
    return [
        header(gettext(WELCOME_TITLE, lang)),
        section(gettext(WELCOME_BODY, lang)),
        context(gettext(WELCOME_NOT_YET, lang)),
    ]


def home_view(home: Home) -> dict:
    """The Home view to publish: sections with nothing to show are left out."""
    if not home.memberships:
        blocks = _welcome(home.lang)
    else:
        blocks = _memberships(home)
        for part in (_standups, _checkins, _help, _trainings, _share):
            found = part(home)
            if found:
                blocks += [divider(), *found]
    return {"type": "home", "blocks": blocks[:HOME_BLOCKS_MAX]}
