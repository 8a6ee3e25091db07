"""The editor notes page and one page per note."""

from __future__ import annotations

from generator.model.dates import format_date
from generator.pages.output import Generated
from generator.pages.urls import src_of


def pages(r) -> list[Generated]:
    briefing = r.b
    out = [Generated("notes/index.md", r.render("notes.md.j2", "notes/index.md", title="Editor notes"), in_nav=True)]
    for note in briefing.notes.values():
        src = src_of("notes", note.id)
        out.append(Generated(src, r.render(
            "note.md.j2", src, title=note.title, note=note, meta={**r.updated([note.path]), "bf_date": format_date(note.date)},
            note_articles=[briefing.articles[a] for a in note.articles if a in briefing.articles],
        )))
    return out
