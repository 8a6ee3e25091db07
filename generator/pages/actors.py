"""The actors page and one page per actor: its entries, articles, notes and activity chart."""

from __future__ import annotations

from generator.derive import Index
from generator.model.types import Briefing
from generator.pages.charts import sparkline, weekly_counts
from generator.pages.filters import format_date_short
from generator.pages.output import Generated
from generator.pages.urls import src_of


def pages(r) -> list[Generated]:
    briefing, index, options = r.b, r.index, r.options
    entries = briefing.entries
    out = [Generated("actors/index.md", r.render("actors.md.j2", "actors/index.md", title="Actors"), in_nav=True)]
    span = (entries[0].date.start, entries[-1].date.start) if entries else None
    for actor in briefing.actors.values():
        src = src_of("actors", actor.id)
        actor_entries = index.entries_by_actor.get(actor.id, [])
        # An actor page shows its own file, its entries and articles, the notes about it, and the
        # span of the whole timeline (its activity chart).
        key = (r.context_key, briefing.digests.get(actor.path), briefing.changed.get(actor.path), span,
               frozenset(r.article_key(a) for a in {e.article for e in actor_entries}
                         | {a.id for a in index.articles_by_actor.get(actor.id, [])}),
               tuple(n.id for n in index.notes_by_actor.get(actor.id, [])))
        out.append(r.reuse(src, key, lambda src=src, actor=actor, actor_entries=actor_entries: Generated(src, r.render(
            "actor.md.j2", src, title=actor.name,
            meta={"search": {"boost": 2}, **r.updated([actor.path]),
                  "bf_feed": {"title": f"{actor.name} · {options.title}", "path": f"actors/{actor.id}/feed.xml"}},
            actor=actor,
            activity=actor_activity(actor.id, index, briefing), activity_axis=activity_axis(briefing),
            stale=stale_entries(actor, actor_entries, briefing),
            edited=briefing.changed.get(actor.path),
        ))))
    return out


def actor_activity(actor_id: str, index: Index, briefing: Briefing) -> str:
    entries = index.entries_by_actor.get(actor_id, [])
    if not briefing.entries or not entries:
        return ""
    start, end = briefing.entries[0].date.start, briefing.entries[-1].date.start
    counts = weekly_counts([e.date.start for e in entries], start, end)
    title = (f"{len(entries)} entries over {len(counts)} weeks, {format_date_short(start)} to "
             f"{format_date_short(end)}; busiest week: {max(counts)}")
    return sparkline(f"spark-{actor_id}", title, counts)


def activity_axis(briefing: Briefing) -> tuple[str, str] | None:
    """The first and last day of the timeline, the ends of every actor's activity chart."""
    if not briefing.entries:
        return None
    return format_date_short(briefing.entries[0].date.start), format_date_short(briefing.entries[-1].date.start)

def stale_entries(actor, entries: list, briefing: Briefing) -> int:
    """Entries whose article changed after the actor's profile file (git dates; entry dates if unknown)."""
    edited = briefing.changed.get(actor.path)
    if edited is None:
        return 0
    newer = 0
    for e in entries:
        article = briefing.articles[e.article]
        when = briefing.changed.get(article.path, e.date.start)
        if when > edited:
            newer += 1
    return newer
