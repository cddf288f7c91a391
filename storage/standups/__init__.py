"""Stand-ups: schedule, prompts, answers, absences, summaries, history."""
