"""One base exception for what Briefing reports to a person (a bad option, a date it cannot read,
a seed document it cannot use, Pagefind missing): the CLI turns any of them into one error line.
Problems in content are never raised: they are collected (model/problems.py)."""


class BriefingError(Exception):
    """The message says what is wrong and what to do."""
