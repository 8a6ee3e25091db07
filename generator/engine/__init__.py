"""The MkDocs adapter: plugin.py (the ``briefing`` plugin's hooks), preview.py (what ``briefing serve``
keeps between builds), search.py (which search backend a build uses) and pagefind.py (Pagefind's
binary and index). Nothing below imports MkDocs."""
