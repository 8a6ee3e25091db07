"""``/changes/``: the newest entries and figure claims, each with the date its article reported it,
which the page's script shows from a date the reader picks (by default their last visit, kept in
their browser's localStorage: no cookie, nothing sent anywhere)."""

from __future__ import annotations

from generator.pages.output import Generated

# The page lists this many of the newest entries and claims; the date picker goes no further back
CHANGES_ROWS = 300


def pages(r) -> list[Generated]:
    b = r.b
    newest = sorted(b.entries, key=lambda e: (b.articles[e.article].date.start, e.date.start, e.id), reverse=True)
    entries = [e for e in newest if e.kind != "claim"][:CHANGES_ROWS]
    # every figure claim, by the day the first article that reports it came out
    claims = sorted((f for f in b.figures if f.article in b.articles),
                    key=lambda f: (b.articles[f.article].date.start, f.as_of.start, f.id), reverse=True)[:CHANGES_ROWS]
    oldest = min([b.articles[e.article].date.iso for e in entries] + [b.articles[f.article].date.iso for f in claims],
                 default="")
    return [Generated("changes/index.md", r.render(
        "changes.md.j2", "changes/index.md", title="What changed",
        meta={"search": {"exclude": True}, "hide": ["navigation", "toc"]},
        entries=entries, claims=claims, oldest=oldest,
        newest=b.articles[newest[0].article].date.iso if newest else "",
    ))]
