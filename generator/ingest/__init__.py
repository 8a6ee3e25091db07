"""``briefing ingest``: turn seed documents (text, Markdown, HTML) into draft articles (README: Turn source documents into draft articles).

Plain functions, no MkDocs:

- :mod:`.read` extracts text and links (HTML cleaned by nh3, then read through :mod:`html.parser`;
  Markdown through Python-Markdown; front matter with the content loader) and refuses empty or binary
  input; :mod:`.markup` writes the body from them: escaped text and http/https/mailto links only, since
  every seed is untrusted;
- :mod:`.text` splits paragraphs and sentences;
- :mod:`.numbers`, :mod:`.figures` find figure claims; :mod:`.actors` finds actors, topics and
  who a sentence attributes its numbers to; :mod:`.events` finds and resolves date expressions;
- :mod:`.infer` puts it together into a :class:`~.infer.Draft`;
- :mod:`.write` writes front matter with ``# inferred:`` comments; :mod:`.report` prints the summary.
"""

from __future__ import annotations

import datetime as dt

from generator.ingest.already import already_on
from generator.ingest.figures import Unsure
from generator.ingest.infer import Draft, IngestError, infer
from generator.ingest.project import Project, ProjectError, find_project
from generator.ingest.read import Document, ReadError, read_bytes
from generator.ingest.write import article_id, existing, is_draft, render

__all__ = [
    "Document", "Draft", "IngestError", "Project", "ProjectError", "ReadError", "article_id", "draft_of",
    "existing", "find_project", "infer", "is_draft", "read_bytes", "render",
]


def draft_of(raw: bytes, name: str, project: Project, *, date: dt.date | None = None, date_words: str = "",
             source: str | None = None, url: str | None = None) -> Draft:
    """Read one document and infer its draft; raises ReadError or IngestError with a clear message."""
    doc = read_bytes(raw, name)
    draft = infer(doc, project.vocabulary, project.settings, date=date, date_words=date_words, source=source, url=url)
    for e in draft.events:  # issue 16: "last week" when the briefing already holds the entry
        if e.date.value.precision != "week":
            continue
        actors = {a for a, _ in project.vocabulary.find_actors(e.summary)}
        entry = already_on(project.entries, e.date.value.start, draft.date.value, actors)
        if entry is not None:
            draft.unsure.append(Unsure(
                f'"{e.expression}" ({e.date.value.start}, a week) may be "{entry.title}", already in the briefing '
                f"on {entry.day} (article {entry.article})", e.title))
    return draft
