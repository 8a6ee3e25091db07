"""Figure kinds as readers say them (README: Add a topic): a topic file's ``figures:`` may give a
kind its ``label`` and ``unit``; every other kind reads from the built-in table, its unit suffix
and its own words. One :class:`FigureLabels` per build (no module-level state)."""

from __future__ import annotations

from dataclasses import dataclass, field

# The built-in table. A kind ending in a unit suffix has that unit; any other kind is read from
# its words ("health-workers-killed": "health workers killed").
KIND_LABELS = {
    "incident-killed": "killed in the incident",
    "incident-wounded": "wounded in the incident",
    "idps-in-collective-shelters": "displaced people in collective shelters",
    "oil-gas-share-of-exports-pct": "oil and gas share of exports",
    "oil-revenue-change-pct": "change in oil revenue",
    "armed-group": "armed group",
}
UNIT_SUFFIXES = {"-bpd": "barrels a day", "-pct": "%", "-usd": "US dollars"}


def _inline(text: str) -> str:
    """A label inside a sentence: "Oil output" reads "oil output"; "IDPs", "UN staff" keep their capitals."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


@dataclass(frozen=True)
class FigureLabels:
    """kind -> (label, unit) given by topic files (either may be None: the built-in reading)."""

    given: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @classmethod
    def of_topics(cls, topics) -> FigureLabels:
        """The labels of every topic, the first topic (in id order) that labels a kind winning."""
        given: dict[str, tuple[str | None, str | None]] = {}
        for topic in topics:
            for kind, pair in getattr(topic, "labels", {}).items():
                given.setdefault(kind, pair[:2])
        return cls(given)

    def with_topic(self, topic) -> FigureLabels:
        """These labels with one topic's own first (its page shows what its file says)."""
        own = {kind: pair[:2] for kind, pair in getattr(topic, "labels", {}).items()}
        return FigureLabels({**self.given, **own}) if own else self

    def words(self, kind: str) -> str:
        """The kind inside a sentence: "oil output", "killed in the incident"."""
        label = self.given.get(kind, (None, None))[0]
        if label:
            return _inline(label)
        if kind in KIND_LABELS:
            return KIND_LABELS[kind]
        return next((kind[:-len(s)] for s in UNIT_SUFFIXES if kind.endswith(s)), kind).replace("-", " ")

    def label(self, kind: str) -> str:
        """The kind as a heading or table cell: "Oil output"."""
        text = self.given.get(kind, (None, None))[0] or self.words(kind)
        return text[:1].upper() + text[1:]

    def unit(self, kind: str) -> str:
        """The unit ("barrels a day", "%"), or "" for a count."""
        unit = self.given.get(kind, (None, None))[1]
        if unit:
            return unit
        return next((u for suffix, u in UNIT_SUFFIXES.items() if kind.endswith(suffix)), "")

    def value(self, value: int, kind: str) -> str:
        """ "1,300,000 barrels a day", "95%", "53"."""
        unit = self.unit(kind)
        return f"{value:,}{unit}" if unit == "%" else f"{value:,} {unit}" if unit else f"{value:,}"

