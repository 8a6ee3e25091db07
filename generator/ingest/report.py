"""The summary printed after each ingest: what was found, with evidence, and what was not decided."""

from __future__ import annotations

import datetime as dt

from generator.ingest.infer import Draft
from generator.ingest.text import clip




def _show(value) -> str:
    if isinstance(value, dict):
        return f"{value['name']} <{value['url']}>"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def summary_rows(draft: Draft) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = [
        ("title", draft.title.value, draft.title.evidence),
        ("date", _show(draft.date.value), draft.date.evidence),
        ("source", _show(draft.source.value), draft.source.evidence),
    ]
    for actor, evidence in draft.actors:
        rows.append(("actor", actor, evidence))
    for topic, evidence in draft.topics:
        rows.append(("topic", topic, evidence))
    for f in draft.figures:
        value = f"{f.kind} {f.value:,} {f.qualifier} ({f.source}{'?' if f.source_undecided else ''})"
        rows.append(("figure", value, f'"{f.words}"'))
    for e in draft.events:
        rows.append(("event", f"{e.date.value.start} {e.date.value.precision} ({e.expression})", f'"{e.title}"'))
    return rows


def summary(draft: Draft, width: int = 100) -> str:
    rows = summary_rows(draft)
    w1 = max(len(r[0]) for r in rows)
    w2 = min(44, max(len(clip(r[1], 44)) for r in rows))
    rest = max(20, width - w1 - w2 - 6)
    lines = [f"  {'found':<{w1}}  {'value':<{w2}}  evidence", f"  {'-' * w1}  {'-' * w2}  {'-' * min(rest, 40)}"]
    for kind, value, evidence in rows:
        lines.append(f"  {kind:<{w1}}  {clip(value, w2):<{w2}}  {clip(evidence, rest)}")
    if draft.figures:  # each figure with the whole sentence it came from (issue 16: 5)
        lines.append("  figures and their sentences:")
        for f in draft.figures:
            scope = f" [{f.scope}]" if f.scope else ""
            lines.append(f"    - {f.kind} {f.value:,} {f.qualifier}{scope}: {clip(f.sentence, 160)}")
    counts = (f"  {len(draft.actors)} actor(s), {len(draft.topics)} topic(s), {len(draft.figures)} figure(s), "
              f"{len(draft.events)} event(s)")
    lines.append(counts)
    if draft.unsure:
        lines.append("  could not decide:")
        seen = set()
        for u in draft.unsure:
            key = (u.what, u.words)
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"    - {clip(u.what, 90)}" + (f": {clip(u.words, 70)}" if u.words else ""))
    else:
        lines.append("  could not decide: nothing")
    return "\n".join(lines)
