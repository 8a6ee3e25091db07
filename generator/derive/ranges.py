"""Claim ranges (issue 17, item 3): for each kind, scope and as-of period with more than one claim,
the range of what was reported (lowest, highest, how many claims, by whom), never an average.

As UCDP publishes low and high estimates: ``at-least`` and ``more-than`` claims bound from below,
``up-to`` and ``nearly`` from above, ``exact`` and ``about`` are points. So the low end is the lowest
point or lower bound (None when every claim is a ceiling), the high end the highest point or upper
bound (None when every claim is a floor, or when a floor is above every point and ceiling: the top
is open then).
"""

from __future__ import annotations

from generator.model.types import Figure

FROM_BELOW = ("at-least", "more-than")
FROM_ABOVE = ("up-to", "nearly")


def range_key(f: Figure) -> tuple:
    """Claims in one range: same kind, scope and as-of period (start, precision and end)."""
    return (f.kind, f.scope or "", f.as_of.start, f.as_of.precision, f.as_of.end)


def bounds(claims: list[Figure]) -> tuple[int | None, int | None]:
    """(low, high) of some claims, by the rule of the module docstring."""
    lows = [f.value for f in claims if f.qualifier not in FROM_ABOVE]
    highs = [f.value for f in claims if f.qualifier not in FROM_BELOW]
    floors = [f.value for f in claims if f.qualifier in FROM_BELOW]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    if high is not None and floors and max(floors) > high:
        high = None
    return low, high


def ranges(figures: list[Figure]) -> list[tuple[list[Figure], int | None, int | None]]:
    """(claims, low, high) of every range of more than one claim, ordered by kind, as-of date and
    scope (``figures``: unique claims, as in the briefing's figures); claims lowest first."""
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        groups.setdefault(range_key(f), []).append(f)
    return [(sorted(claims, key=lambda f: (f.value, f.id)), *bounds(claims))
            for key, claims in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][2], kv[0][1]))
            if len(claims) > 1]


def claim_ranges(figures: list[Figure]) -> list[dict]:
    """The ranges as briefing.json lists them."""
    out = []
    for claims, low, high in ranges(figures):
        first = claims[0]
        out.append({
            "kind": first.kind,
            "scope": first.scope,
            "as_of": first.as_of.start.isoformat(),
            "as_of_precision": first.as_of.precision,
            "low": low,
            "high": high,
            "claims": len(claims),
            "sources": sorted({f.source for f in claims}),
            "figures": [f.id for f in claims],
        })
    return out
