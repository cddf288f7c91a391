"""What `cohortbot tick` prints, one line per kind of work, in the operator's language:
"standups : 3 envois (invitations), 1 échec (invitations)", "housekeeping : rien à faire"."""

from __future__ import annotations

from domain.messages import N_, NP_, Plural
from domain.scheduling import Failure, Report
from handlers.i18n import gettext

LINE = N_("{kind}: {done}")
NOTHING = N_("nothing to do")
LABELLED = N_("{counts} ({label})")
WITH_FAILURES = N_("{line}; failed: {failures}")
FAILED_IN_COHORT = N_("{what} (cohort {id}, {error})")
FAILED_EVERYWHERE = N_("{what} (all cohorts, {error})")
OUTCOMES: dict[str, Plural] = {
    "sent": NP_("{count} sent", "{count} sent"),
    "failed": NP_("{count} failed", "{count} failed"),
    "missed": NP_("{count} missed", "{count} missed"),
    "waiting": NP_("{count} waiting", "{count} waiting"),
    "reconciled": NP_("{count} reconciled", "{count} reconciled"),
    "event ids forgotten": NP_("{count} event id forgotten", "{count} event ids forgotten"),
    "skills credited": NP_("{count} skill credited", "{count} skills credited"),
}
# What a kind's sends are called in its report ("prompts sent").
LABELS = {
    "mentor digests": N_("mentor digests"),
    "admin digests": N_("admin digests"),
    "prompts": N_("prompts"),
    "missed notes": N_("missed check-in notes"),
    "reminders": N_("reminders"),
    "threads": N_("threads"),
    "summaries": N_("summaries"),
}


def report_line(report: Report, lang: str) -> str:
    done = [_count(what, amount, lang) for what, amount in report.counts.items() if amount]
    line = gettext(LINE, lang, kind=report.kind, done=", ".join(done) or gettext(NOTHING, lang))
    if not report.failures:
        return line
    return gettext(
        WITH_FAILURES, lang, line=line, failures=", ".join(_failure(f, lang) for f in report.failures)
    )


def _failure(failure: Failure, lang: str) -> str:
    """Named by ids only, as the log names it."""
    what = " ".join(str(part) for part in (failure.kind, failure.subject, failure.local_date) if part)
    if failure.cohort_id is None:
        return gettext(FAILED_EVERYWHERE, lang, what=what, error=failure.error)
    return gettext(FAILED_IN_COHORT, lang, what=what, id=failure.cohort_id, error=failure.error)


def _count(what: str, amount: int, lang: str) -> str:
    label = next((label for label in LABELS if what.startswith(label + " ")), None)
    outcome = what[len(label) + 1 :] if label else what
    if outcome not in OUTCOMES:
        return f"{amount} {what}"
    counted = gettext(OUTCOMES[outcome], lang, count=amount)
    return gettext(LABELLED, lang, counts=counted, label=gettext(LABELS[label], lang)) if label else counted
