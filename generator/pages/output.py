"""What the pages layer hands to an engine: :class:`Generated` records (a path in the docs tree
and its content), and :class:`Markdown`, rendered text with the HTML blocks its tokens stand for."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Generated:
    """A page or file for the docs tree.

    Big HTML blocks (lists of timeline entries) are not part of the Markdown: ``content`` holds a
    token for each (a word alone in its paragraph, ``BFBLOCK<hash>N<n>``), and ``blocks`` maps the
    token to its HTML. An engine puts the HTML in for ``<p>token</p>`` after converting the
    Markdown (the MkDocs plugin does it after the theme, in ``on_post_page``), so the Markdown
    converter never walks thousands of entries; :meth:`inline` gives the page in one piece.
    """

    path: str  # in the docs tree, e.g. "actors/khalifa-haftar.md"
    content: str | bytes
    in_nav: bool = False
    draft: bool = False
    blocks: dict[str, str] = field(default_factory=dict)

    def inline(self) -> str | bytes:
        content = self.content
        for token, block in self.blocks.items():
            content = content.replace(f"\n{token}\n", f"\n{block}\n")
        return content

class Markdown(str):
    """Rendered Markdown that carries the HTML blocks its tokens stand for."""

    blocks: dict[str, str]
