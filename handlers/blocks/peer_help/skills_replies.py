"""What `/skills` and `/cohort peerhelp` answer: one's skills and help figures, who knows what, aliases."""

from __future__ import annotations

from datetime import timedelta

from domain.cohorts.rules import channel_ref, user_ref
from domain.peer_help.aliases import AliasesSet, AliasLine
from domain.peer_help.directory import MySkills, SkillsChanged, WhoKnows
from domain.peer_help.figures import HelpFigures
from domain.peer_help.settings import PeerHelpSettings
from domain.peer_help.skills import SkillLevel
from handlers.blocks.kit import escape, message, section
from handlers.i18n import N_, gettext, ngettext

MY_DECLARED = N_("Your skills: {skills}.")
MY_NONE = N_("You have not declared any skill yet: /skills add python, data viz")
MY_SHOWN = N_("Shown in action: {skills}.")
SHOWN_ITEM = N_("{skill} ({counts})")
MY_FIGURES = N_(
    "Peer help · helps given: {given} · helps received: {received} · offers made: {offers}"
    " · requests asked: {asked}"
)
MY_WAITS = N_("Your requests waited {first} for a first offer and {resolution} to be resolved (medians).")
NO_WAIT = N_("no figure yet")
ALUMNI_ON = N_(
    "As an alumnus, you may be asked for help by the current cohorts (/skills alumni off to stop)."
)
ALUMNI_OFF = N_("As an alumnus, you can offer your help to the current cohorts: /skills alumni on")
ADDED = N_("Added to your skills: {skills}.")
ALREADY = N_("Already in your skills: {skills}.")
REMOVED = N_("Removed from your skills: {skills}.")
NOT_DECLARED = N_("Not in your skills: {skills}.")
WHO_TITLE = N_("Who knows {skill}:")
WHO_NOBODY = N_("Nobody has declared or shown {skill} yet.")
WHO_LINE = N_("• {person}: {how}")
DECLARED = N_("declared")
ALUMNUS = N_("alumni")
ALUMNI_SET = {
    True: N_("You may now be asked for help by the current cohorts. Thank you!"),
    False: N_("You will no longer be asked for help by the current cohorts."),
}
ALIASES_SET = N_("{aliases} now count as {skill}.")
ALIASES_SET_IN = N_("In {cohort}, {aliases} now count as {skill}.")
ALIASES_TITLE = N_("Skills and their other names:")
ALIASES_NONE = N_("No alias yet: /skills alias dataviz = data viz, visualisation")
ALIAS_REMOVED = {True: N_("{alias} is no longer an alias."), False: N_("{alias} is not an alias.")}
INVITE_ME = N_(
    "{channel} is private: invite me to it (/invite in the channel), otherwise I cannot post there."
)
PEERHELP = N_(
    "Peer help in {name}: requests are posted in {channel}; a request nobody offered on is sent to "
    "more people after {hours} h."
)


def _text(*lines: str) -> dict:
    text = "\n".join(line for line in lines if line)
    return message(text, [section(text)])


def _list(labels: tuple[str, ...] | list[str]) -> str:
    return ", ".join(escape(label) for label in labels)


def duration(value: timedelta | None, lang: str) -> str:
    if value is None:
        return gettext(NO_WAIT, lang)
    minutes = round(value.total_seconds() / 60)
    if minutes < 60:
        return ngettext("{count} minute", "{count} minutes", minutes, lang)
    if minutes < 48 * 60:
        return ngettext("{count} hour", "{count} hours", round(minutes / 60), lang)
    return ngettext("{count} day", "{count} days", round(minutes / 1440), lang)


def _counts(helped: int, trained: int, lang: str) -> str:
    parts = [ngettext("helped {count} time", "helped {count} times", helped, lang)] if helped else []
    if trained:
        parts.append(ngettext("{count} training given", "{count} trainings given", trained, lang))
    return ", ".join(parts)


def _figures(figures: HelpFigures, lang: str) -> list[str]:
    lines = [
        gettext(
            MY_FIGURES,
            lang,
            given=figures.helps_given,
            received=figures.helps_received,
            offers=figures.offers,
            asked=figures.asked,
        )
    ]
    if figures.asked:
        lines.append(
            gettext(
                MY_WAITS,
                lang,
                first=duration(figures.median_to_first_offer, lang),
                resolution=duration(figures.median_to_resolution, lang),
            )
        )
    return lines


def my_skills(mine: MySkills, lang: str) -> dict:
    declared = (
        gettext(MY_DECLARED, lang, skills=_list(mine.declared)) if mine.declared else gettext(MY_NONE, lang)
    )
    shown = [
        gettext(SHOWN_ITEM, lang, skill=escape(label), counts=_counts(helped, trained, lang))
        for label, helped, trained in mine.shown
    ]
    alumni = (ALUMNI_ON if mine.alumni_opted_in else ALUMNI_OFF) if mine.alumnus else None
    return _text(
        declared,
        gettext(MY_SHOWN, lang, skills=", ".join(shown)) if shown else "",
        *_figures(mine.figures, lang),
        gettext(alumni, lang) if alumni else "",
    )


def skills_changed(result: SkillsChanged, lang: str, added: bool) -> dict:
    done, same = (ADDED, ALREADY) if added else (REMOVED, NOT_DECLARED)
    return _text(
        gettext(done, lang, skills=_list(result.changed)) if result.changed else "",
        gettext(same, lang, skills=_list(result.unchanged)) if result.unchanged else "",
    )


def _level(level: SkillLevel, alumni: frozenset[str], lang: str) -> str:
    parts = [gettext(DECLARED, lang)] if level.declared else []
    parts += [_counts(level.helped, level.trained, lang)] if level.helped or level.trained else []
    parts += [gettext(ALUMNUS, lang)] if level.user_id in alumni else []
    return gettext(WHO_LINE, lang, person=user_ref(level.user_id), how=", ".join(parts))


def who_knows(result: WhoKnows, lang: str) -> dict:
    if not result.ranked:
        return _text(gettext(WHO_NOBODY, lang, skill=escape(result.label)))
    return _text(
        gettext(WHO_TITLE, lang, skill=escape(result.label)),
        *(_level(level, result.alumni, lang) for level in result.ranked),
    )


def alumni_set(on: bool, lang: str) -> dict:
    return _text(gettext(ALUMNI_SET[on], lang))


def aliases_set(result: AliasesSet, lang: str) -> dict:
    params = {"skill": escape(result.skill), "aliases": _list(result.names)}
    if result.cohort is None:
        return _text(gettext(ALIASES_SET, lang, **params))
    return _text(gettext(ALIASES_SET_IN, lang, cohort=escape(result.cohort.name), **params))


def aliases_list(found: tuple[AliasLine, ...], lang: str) -> dict:
    """The program team's aliases, then each cohort's, named after it."""
    if not found:
        return _text(gettext(ALIASES_NONE, lang))
    return _text(
        gettext(ALIASES_TITLE, lang),
        *(
            f"• {escape(line.skill)} = {_list(line.names)}"
            + (f" ({escape(line.cohort)})" if line.cohort is not None else "")
            for line in found
        ),
    )


def alias_removed(removed: bool, alias: str, lang: str) -> dict:
    return _text(gettext(ALIAS_REMOVED[removed], lang, alias=escape(alias)))


def peerhelp_settings(result: PeerHelpSettings) -> dict:
    lang, channel = result.cohort.lang, channel_ref(result.settings.channel(result.cohort))
    return _text(
        gettext(
            PEERHELP, lang, name=result.cohort.name, channel=channel, hours=result.settings.reroute_hours
        ),
        gettext(INVITE_ME, lang, channel=channel) if result.invite_needed else "",
    )


def usage(text: str, lang: str) -> dict:
    return _text(gettext(text, lang))
